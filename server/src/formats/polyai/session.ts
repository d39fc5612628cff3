// One PolyAI project in a workspace: its files (project.yaml and the resource folders; the
// generated _gen/ and the folders the format leaves out are none of them), each file's facts
// read once per parse with its place in the project, the model built from them, and the
// diagnostics of every check, worked out once per model and kept until a file changes.
import type { BotFormat, BotSession, Diagnostic, Finding, ParsedDocument, SessionHost } from '../../definitions/index';
import { joinPath, relativeTo, Settler } from '../../definitions/index';
import { reuseDiagnostics } from '../../definitions/model/settle';
import { POLYAI_CODES } from './codes';
import { extractPolyFacts } from './facts';
import type { PolyFacts } from './facts';
import { buildPolyProject } from './model';
import type { PolyDocument, PolyProject } from './model';
import { roleOf } from './paths';
import { POLYAI_RULES } from './rules/index';

/** Facts by parse and place: a file's parse is the same object until its text changes. */
const factsCache = new WeakMap<ParsedDocument, { rel: string; facts: PolyFacts }>();

function factsOf(doc: ParsedDocument, rel: string): PolyFacts {
  const hit = factsCache.get(doc);
  if (hit && hit.rel === rel) return hit.facts;
  const facts = extractPolyFacts(doc, rel);
  factsCache.set(doc, { rel, facts });
  return facts;
}

export class PolySession implements BotSession {
  lastFiles: string[] = [];
  private current: PolyProject | undefined;
  /** The member files of the last model, in its order, kept while only their texts change (an edit). */
  private members: string[] | undefined;
  private findings: Map<string, Diagnostic[]> | undefined;
  private previous: Map<string, Diagnostic[]> | undefined;
  private settler: Settler | undefined;
  private settledFor: unknown;

  constructor(
    readonly format: BotFormat,
    readonly dir: string,
  ) {}

  invalidate(edit?: { path: string }): void {
    // An edit of a member's text keeps the members; anything else (a file came or went) finds them again.
    if (!edit || !this.current?.docs.has(edit.path)) this.members = undefined;
    this.current = undefined;
    if (this.findings) this.previous = this.findings;
    this.findings = undefined;
  }

  optionsChanged(): void {
    this.findings = undefined;
    this.previous = undefined;
  }

  model(host: SessionHost): PolyProject | undefined {
    if (this.current) return this.current;
    if (!host.has(joinPath(this.dir, 'project.yaml'))) return undefined;
    const members: { path: string; doc: PolyDocument; facts: PolyFacts }[] = [];
    if (this.members) {
      for (const p of this.members) {
        const doc = host.document(p) as PolyDocument | undefined;
        if (!doc) {
          this.members = undefined;
          return this.model(host);
        }
        members.push({ path: p, doc, facts: factsOf(doc.doc, relativeTo(this.dir, p)!) });
      }
      this.current = buildPolyProject(this.dir, members);
      return this.current;
    }
    for (const p of host.paths()) {
      const rel = relativeTo(this.dir, p);
      if (rel === undefined || host.ownerOf(p) !== this) continue;
      const slash = rel.lastIndexOf('/');
      if (slash > 0 && this.format.skipsDir(rel.slice(0, slash))) continue;
      const role = roleOf(rel);
      if (!role || role === 'generated' || !this.format.isDefinitionFile(rel)) continue;
      const doc = host.document(p) as PolyDocument | undefined;
      if (!doc) continue;
      members.push({ path: p, doc, facts: factsOf(doc.doc, rel) });
    }
    // project.yaml first (it gives the identity), then every file in path order.
    members.sort((a, b) => (a.facts.role === 'project' ? -1 : b.facts.role === 'project' ? 1 : a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    this.current = buildPolyProject(this.dir, members);
    this.members = members.map((m) => m.path);
    this.lastFiles = [...this.current.files];
    return this.current;
  }

  diagnostics(host: SessionHost, path: string, extra: readonly Finding[] | undefined): Diagnostic[] {
    const model = this.model(host);
    if (!model || !model.docs.has(path)) return [];
    if (this.settledFor !== host.options) {
      this.settler = new Settler(host.options, POLYAI_CODES);
      this.settledFor = host.options;
      this.findings = undefined;
    }
    if (!this.findings) this.findings = this.check(model, host);
    const own = this.findings.get(path) ?? [];
    if (!extra?.length) return own;
    return this.settler!.finish(path, [own, this.settler!.settle(path, extra, host.text(path).length)]);
  }

  /** Runs every check; one broken check is reported where it ran, and the others still run. */
  private check(model: PolyProject, host: SessionHost): Map<string, Diagnostic[]> {
    const found = new Map<string, Finding[]>();
    const report = (file: string, f: Finding): void => {
      const list = found.get(file);
      if (list) list.push(f);
      else found.set(file, [f]);
    };
    for (const [file, doc] of model.docs) {
      for (const f of doc.local) report(file, f);
      for (const f of model.facts.get(file)?.shape ?? []) report(file, f);
    }
    const options = host.options;
    const ctx = { project: model, options, isOff: (code: string) => options.severities[code] === 'off', report };
    for (const rule of POLYAI_RULES) {
      if (rule.codes.every((c) => ctx.isOff(c))) continue;
      // A file that does not parse defines what is unknown: checks that conclude from an absence wait.
      if (rule.needsEveryFile && model.unreadable.length) continue;
      try {
        rule.check(ctx);
      } catch (e) {
        report(model.manifest, { start: 0, end: 0, code: 'syntax/internal', message: `A check failed (${(e as Error).message}). Please report this with the project's files.` });
      }
    }
    const out = new Map<string, Diagnostic[]>();
    for (const file of model.files) {
      const settled = this.settler!.settle(file, found.get(file) ?? [], host.text(file).length);
      const old = this.previous?.get(file);
      const fresh = this.settler!.finish(file, [settled]);
      out.set(file, old && old.length === 0 && fresh.length === 0 ? old : reuseDiagnostics(old, fresh));
    }
    this.previous = undefined;
    return out;
  }
}

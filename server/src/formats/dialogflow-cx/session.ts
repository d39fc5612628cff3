// One Dialogflow CX agent in a workspace: its files (every JSON file of the package folder),
// the model built from their facts, and the diagnostics of every check, worked out once per
// model and kept until a file of the agent changes. Facts are read once per parse of a file
// (the workspace keeps parses). An edit of one file that leaves what the agent defines by name
// as it was patches the model in place, and the checks of single files run again only for
// files whose facts or the agent's names changed, so an edit costs what the edited file holds
// and the whole-agent checks (which keep per-file work of their own).
import type { BotDocument, BotFormat, BotSession, Diagnostic, Finding, ParsedDocument, SessionHost } from '../../definitions/index';
import { joinPath, relativeTo, Settler } from '../../definitions/index';
import { reuseDiagnostics } from '../../definitions/model/settle';
import { CX_CODES } from './codes';
import { extractCxFacts } from './facts';
import type { CxDocument, CxFacts } from './facts';
import { buildCxBot } from './model';
import type { CxBot } from './model';
import { placeOf } from './names';
import type { CxPlace } from './names';
import { CX_RULES } from './rules/index';

/** Facts read for a path relative to the agent, when the path alone guessed another place. */
const refacts = new WeakMap<ParsedDocument, { rel: string; facts: CxFacts }>();

const placeKeyOf = (p: CxPlace): string => `${p.role}\0${p.folderRaw ?? ''}\0${p.name ?? ''}\0${p.lang ?? ''}\0${p.file ?? ''}`;

/** A file's facts as its place in the agent says (analyse guessed the place from the path's end). */
export function factsAt(doc: CxDocument, rel: string): CxFacts {
  const f = doc.facts;
  if (placeKeyOf(f.place) === placeKeyOf(placeOf(rel))) return f;
  const cached = refacts.get(doc.doc);
  if (cached && cached.rel === rel) return cached.facts;
  const facts = extractCxFacts(doc.doc, rel);
  refacts.set(doc.doc, { rel, facts });
  return facts;
}

/** What a file defines by name: an edit that keeps it can patch the model. */
function namesOfFile(facts: CxFacts): string {
  const a = facts.agent;
  return [
    placeKeyOf(facts.place),
    facts.displayName?.text ?? '\u0001',
    facts.place.role === 'intent' ? facts.parameters.map((p) => p.id.text).join('\0') : '',
    a ? [a.defaultLanguageCode?.text ?? '', ...a.supported.map((s) => s.text)].join('\0') : '',
  ].join('\n');
}

const unreadable = (doc: CxDocument, facts: CxFacts): boolean => facts.shape.length > 0 || doc.doc.syntax.some((s) => s.severity === 'error' && s.code !== 'syntax/duplicate-key');

export class CxSession implements BotSession {
  lastFiles: string[] = [];
  private current: CxBot | undefined;
  /** The file whose text alone changed since `current` was made. */
  private edited: string | undefined;
  private findings: Map<string, Diagnostic[]> | undefined;
  private previous: Map<string, Diagnostic[]> | undefined;
  private settler: Settler | undefined;
  private settledFor: unknown;
  /** The findings of each single-file check, by the facts they were worked out for and the names they saw. */
  private fileChecks = new WeakMap<CxFacts, { key: string; findings: Finding[] }>();

  constructor(
    readonly format: BotFormat,
    readonly dir: string,
  ) {}

  invalidate(edit?: { path: string; previous: BotDocument }): void {
    if (edit && this.current?.docs.has(edit.path) && (this.edited === undefined || this.edited === edit.path)) this.edited = edit.path;
    else {
      this.current = undefined;
      this.edited = undefined;
    }
    if (this.findings) this.previous = this.findings;
    this.findings = undefined;
  }

  optionsChanged(): void {
    this.findings = undefined;
    this.previous = undefined;
    this.fileChecks = new WeakMap();
  }

  model(host: SessionHost): CxBot | undefined {
    if (this.current && this.edited !== undefined) {
      const path = this.edited;
      this.edited = undefined;
      if (!this.patch(host, this.current, path)) this.current = undefined;
    }
    if (this.current) return this.current;
    if (!host.has(joinPath(this.dir, 'agent.json'))) return undefined;
    const files: { path: string; rel: string; doc: CxDocument; facts: CxFacts }[] = [];
    for (const p of host.paths()) {
      if (!/\.json$/i.test(p)) continue;
      const rel = relativeTo(this.dir, p);
      if (rel === undefined || host.ownerOf(p) !== this) continue;
      const doc = host.document(p) as CxDocument | undefined;
      if (!doc || !doc.facts || !('place' in doc.facts)) continue;
      files.push({ path: p, rel, doc, facts: factsAt(doc, rel) });
    }
    files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    this.current = buildCxBot(this.dir, files);
    this.lastFiles = [...this.current.files];
    return this.current;
  }

  /** The model with one file's new parse, when the file defines the same names as before and stays as readable. */
  private patch(host: SessionHost, model: CxBot, path: string): boolean {
    const doc = host.has(path) && host.ownerOf(path) === this ? (host.document(path) as CxDocument | undefined) : undefined;
    const old = model.facts.get(path);
    const rel = model.rel.get(path);
    if (!doc || !old || rel === undefined || !doc.facts || !('place' in doc.facts)) return false;
    const facts = factsAt(doc, rel);
    if (namesOfFile(facts) !== namesOfFile(old) || unreadable(doc, facts) !== model.unreadable.includes(path)) return false;
    model.docs.set(path, doc);
    model.facts.set(path, facts);
    // The resource it defines keeps its name; its name's place in the file may have moved.
    const r = model.owner.get(path);
    if (r && r.file === path) {
      if (facts.displayName) r.displayName = facts.displayName;
      else delete r.displayName;
    }
    return true;
  }

  diagnostics(host: SessionHost, path: string, extra: readonly Finding[] | undefined): Diagnostic[] {
    const model = this.model(host);
    if (!model || !model.docs.has(path)) return [];
    if (this.settledFor !== host.options) {
      this.settler = new Settler(host.options, CX_CODES);
      this.settledFor = host.options;
      this.findings = undefined;
      this.fileChecks = new WeakMap();
    }
    if (!this.findings) this.findings = this.check(model, host);
    const own = this.findings.get(path) ?? [];
    if (!extra?.length) return own;
    return this.settler!.finish(path, [own, this.settler!.settle(path, extra, host.text(path).length)]);
  }

  /** Runs every check on the model; one broken check is reported where it ran, and the others still run. */
  private check(model: CxBot, host: SessionHost): Map<string, Diagnostic[]> {
    const found = new Map<string, Finding[]>();
    const report = (file: string, f: Finding): void => {
      const list = found.get(file);
      if (list) list.push(f);
      else found.set(file, [f]);
    };
    for (const [file, doc] of model.docs) {
      for (const f of doc.local) report(file, f);
      for (const f of model.facts.get(file)!.shape) report(file, f);
    }
    const options = host.options;
    const isOff = (code: string) => options.severities[code] === 'off';
    const ctx = { bot: model, options, isOff, report };
    const failed = (e: unknown): void => report(model.manifest, { start: 0, end: 0, code: 'syntax/internal', message: `A check failed (${(e as Error).message}). Please report this with the agent's files.` });
    for (const rule of CX_RULES) {
      if (!rule.check || rule.codes.every(isOff)) continue;
      try {
        rule.check(ctx);
      } catch (e) {
        failed(e);
      }
    }
    // The checks of single files, all at once per file: again only where the facts or the names changed.
    const perFile = CX_RULES.filter((r) => r.checkFile && !r.codes.every(isOff));
    for (const file of model.files) {
      const facts = model.facts.get(file)!;
      const had = this.fileChecks.get(facts);
      let mine = had && had.key === model.namesKey ? had.findings : undefined;
      if (!mine) {
        const list: Finding[] = [];
        const local = { ...ctx, report: (_file: string, f: Finding) => list.push(f) };
        for (const rule of perFile) {
          try {
            rule.checkFile!(local, file);
          } catch (e) {
            failed(e);
          }
        }
        this.fileChecks.set(facts, { key: model.namesKey, findings: (mine = list) });
      }
      for (const f of mine) report(file, f);
    }
    const out = new Map<string, Diagnostic[]>();
    for (const file of model.files) {
      const mine = found.get(file);
      const old = this.previous?.get(file);
      if (!mine && old && old.length === 0) {
        out.set(file, old);
        continue;
      }
      const settled = this.settler!.settle(file, mine ?? [], host.text(file).length);
      const fresh = this.settler!.finish(file, [settled]);
      out.set(file, old && old.length === 0 && fresh.length === 0 ? old : reuseDiagnostics(old, fresh));
    }
    this.previous = undefined;
    return out;
  }
}

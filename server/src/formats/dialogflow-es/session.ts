// One Dialogflow ES agent in a workspace: its files (every JSON file of the export folder),
// the model built from their facts, and the diagnostics of every check, worked out once per
// model and kept until a file of the agent changes. Facts are read once per parse of a file
// (the workspace keeps parses), so a change costs the changed file's reading and the checks.
import type { BotDocument, BotFormat, BotSession, Diagnostic, Finding, ParsedDocument, SessionHost } from '../../definitions/index';
import { joinPath, relativeTo, Settler } from '../../definitions/index';
import { reuseDiagnostics } from '../../definitions/model/settle';
import { ES_CODES } from './codes';
import { extractEsFacts } from './facts';
import type { EsDocument, EsFacts } from './facts';
import { buildEsBot } from './model';
import { placeOf } from './names';
import type { EsPlace } from './names';
import type { EsBot } from './model';
import { ES_RULES } from './rules/index';

/** Facts read for a path relative to the agent, when the path alone guessed another place. */
const refacts = new WeakMap<ParsedDocument, { rel: string; facts: EsFacts }>();

/** A file's facts as its place in the agent says (analyse guessed the place from the path's end). */
export function factsAt(doc: EsDocument, rel: string): EsFacts {
  const f = doc.facts;
  const p = f.place;
  const q = placeKey(rel);
  if (placeKeyOf(p) === q) return f;
  const cached = refacts.get(doc.doc);
  if (cached && cached.rel === rel) return cached.facts;
  const facts = extractEsFacts(doc.doc, rel);
  refacts.set(doc.doc, { rel, facts });
  return facts;
}

const placeKeyOf = (p: EsPlace): string => `${p.role}\0${p.name ?? ''}\0${p.lang ?? ''}`;
const placeKey = (rel: string): string => placeKeyOf(placeOf(rel));

export class EsSession implements BotSession {
  lastFiles: string[] = [];
  private current: EsBot | undefined;
  private findings: Map<string, Diagnostic[]> | undefined;
  private previous: Map<string, Diagnostic[]> | undefined;
  private settler: Settler | undefined;
  private settledFor: unknown;

  constructor(
    readonly format: BotFormat,
    readonly dir: string,
  ) {}

  invalidate(_edit?: { path: string; previous: BotDocument }): void {
    this.current = undefined;
    if (this.findings) this.previous = this.findings;
    this.findings = undefined;
  }

  optionsChanged(): void {
    this.findings = undefined;
    this.previous = undefined;
  }

  model(host: SessionHost): EsBot | undefined {
    if (this.current) return this.current;
    if (!host.has(joinPath(this.dir, 'agent.json'))) return undefined;
    const files: { path: string; rel: string; doc: EsDocument; facts: EsFacts }[] = [];
    for (const p of host.paths()) {
      const rel = relativeTo(this.dir, p);
      if (rel === undefined || !/\.json$/i.test(rel) || host.ownerOf(p) !== this) continue;
      const doc = host.document(p) as EsDocument | undefined;
      if (!doc || !doc.facts || !('place' in doc.facts)) continue;
      files.push({ path: p, rel, doc, facts: factsAt(doc, rel) });
    }
    files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    this.current = buildEsBot(this.dir, files);
    this.lastFiles = [...this.current.files];
    return this.current;
  }

  diagnostics(host: SessionHost, path: string, extra: readonly Finding[] | undefined): Diagnostic[] {
    const model = this.model(host);
    if (!model || !model.docs.has(path)) return [];
    if (this.settledFor !== host.options) {
      this.settler = new Settler(host.options, ES_CODES);
      this.settledFor = host.options;
      this.findings = undefined;
    }
    if (!this.findings) this.findings = this.check(model, host);
    const own = this.findings.get(path) ?? [];
    if (!extra?.length) return own;
    return this.settler!.finish(path, [own, this.settler!.settle(path, extra, host.text(path).length)]);
  }

  /** Runs every check on the model; one broken check is reported where it ran, and the others still run. */
  private check(model: EsBot, host: SessionHost): Map<string, Diagnostic[]> {
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
    const ctx = { bot: model, options, isOff: (code: string) => options.severities[code] === 'off', report };
    for (const rule of ES_RULES) {
      if (rule.codes.every((c) => ctx.isOff(c))) continue;
      try {
        rule.check(ctx);
      } catch (e) {
        report(model.manifest, { start: 0, end: 0, code: 'syntax/internal', message: `A check failed (${(e as Error).message}). Please report this with the agent's files.` });
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

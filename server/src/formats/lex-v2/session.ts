// One Lex V2 export in a workspace: its files (the manifest, and the files of its bot folder
// as Lex lays them out), the model built from their facts, and the diagnostics of every
// check, worked out once per model and kept until a file of the export changes. The model is
// rebuilt from the files' cached facts on every change (each file is parsed once per edit);
// a file whose diagnostics come out the same keeps its list.
import type { BotDocument, BotFormat, BotSession, Diagnostic, Finding, SessionHost } from '../../definitions/index';
import { relativeTo, Settler } from '../../definitions/index';
import { reuseDiagnostics } from '../../definitions/model/settle';
import { LEX_CODES } from './codes';
import { placeOf } from './layout';
import { buildLexBot } from './model';
import type { LexBot, LexDocument } from './model';
import { LEX_RULES } from './rules/index';

export class LexSession implements BotSession {
  lastFiles: string[] = [];
  private current: LexBot | undefined;
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

  model(host: SessionHost): LexBot | undefined {
    if (this.current) return this.current;
    const members: { path: string; rel: string }[] = [];
    for (const p of host.paths()) {
      const rel = relativeTo(this.dir, p);
      if (rel === undefined || !placeOf(rel) || host.ownerOf(p) !== this) continue;
      members.push({ path: p, rel });
    }
    if (!members.some((m) => placeOf(m.rel)!.kind === 'manifest')) return undefined;
    members.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
    // The bot folder: the first that holds Bot.json, else the first with a locale.
    const folder = members.find((m) => placeOf(m.rel)!.kind === 'bot') ?? members.find((m) => placeOf(m.rel)!.botFolder !== '');
    const botFolder = folder ? placeOf(folder.rel)!.botFolder : '';
    const files: { path: string; doc: LexDocument }[] = [];
    for (const m of members) {
      const place = placeOf(m.rel)!;
      if (place.kind !== 'manifest' && place.kind !== 'testSet' && place.botFolder !== botFolder) continue;
      const doc = host.document(m.path) as LexDocument | undefined;
      if (doc) files.push({ path: m.path, doc });
    }
    this.current = buildLexBot(this.dir, botFolder, files);
    this.lastFiles = [...this.current.files];
    return this.current;
  }

  diagnostics(host: SessionHost, path: string, extra: readonly Finding[] | undefined): Diagnostic[] {
    const model = this.model(host);
    if (!model || !model.docs.has(path)) return [];
    if (this.settledFor !== host.options) {
      this.settler = new Settler(host.options, LEX_CODES);
      this.settledFor = host.options;
      this.findings = undefined;
    }
    if (!this.findings) this.findings = this.check(model, host);
    const own = this.findings.get(path) ?? [];
    if (!extra?.length) return own;
    return this.settler!.finish(path, [own, this.settler!.settle(path, extra, host.text(path).length)]);
  }

  /** Runs every check on the model; one broken check is reported where it ran, and the others still run. */
  private check(model: LexBot, host: SessionHost): Map<string, Diagnostic[]> {
    const found = new Map<string, Finding[]>();
    const report = (file: string, f: Finding): void => {
      const list = found.get(file);
      if (list) list.push(f);
      else found.set(file, [f]);
    };
    for (const [file, doc] of model.docs) for (const f of doc.local) report(file, f);
    const options = host.options;
    const ctx = { bot: model, options, isOff: (code: string) => options.severities[code] === 'off', report, text: (file: string) => host.text(file) };
    for (const rule of LEX_RULES) {
      if (rule.codes.every((c) => ctx.isOff(c))) continue;
      try {
        rule.check(ctx);
      } catch (e) {
        report(model.manifest, { start: 0, end: 0, code: 'syntax/internal', message: `A check failed (${(e as Error).message}). Please report this with the export's files.` });
      }
    }
    const out = new Map<string, Diagnostic[]>();
    for (const file of model.files) {
      const fresh = this.settler!.finish(file, [this.settler!.settle(file, found.get(file) ?? [], host.text(file).length)]);
      const old = this.previous?.get(file);
      out.set(file, old && old.length === 0 && fresh.length === 0 ? old : reuseDiagnostics(old, fresh));
    }
    this.previous = undefined;
    return out;
  }
}

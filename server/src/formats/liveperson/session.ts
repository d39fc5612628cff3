// One LivePerson bot in a workspace: its one file (the session's folder is the file's path),
// the model built from the file's facts, and the diagnostics of every check, worked out once
// per version of the file. The file belongs to a bot folder that holds it, if any (then this
// bot is not one: the workspace gives the file to that folder's bot).
import type { BotDocument, BotFormat, BotSession, Diagnostic, Finding, SessionHost } from '../../definitions/index';
import { Settler } from '../../definitions/index';
import { reuseDiagnostics } from '../../definitions/model/settle';
import { LIVEPERSON_CODES } from './codes';
import { buildLivePersonBot } from './model';
import type { LivePersonBot, LivePersonDocument } from './model';
import { LIVEPERSON_RULES } from './rules/index';

export class LivePersonSession implements BotSession {
  lastFiles: string[] = [];
  private current: LivePersonBot | undefined;
  private builtFrom: BotDocument | undefined;
  private findings: Diagnostic[] | undefined;
  private previous: Diagnostic[] | undefined;
  private settler: Settler | undefined;
  private settledFor: unknown;

  constructor(
    readonly format: BotFormat,
    readonly dir: string,
  ) {}

  invalidate(): void {
    this.current = undefined;
    if (this.findings) this.previous = this.findings;
    this.findings = undefined;
  }

  optionsChanged(): void {
    this.findings = undefined;
    this.previous = undefined;
  }

  model(host: SessionHost): LivePersonBot | undefined {
    if (!host.has(this.dir) || host.ownerOf(this.dir) !== this) return undefined;
    const doc = host.document(this.dir) as LivePersonDocument | undefined;
    if (!doc?.facts || !('interactions' in doc.facts)) return undefined;
    if (this.current && this.builtFrom === doc) return this.current;
    this.current = buildLivePersonBot(this.dir, doc);
    this.builtFrom = doc;
    this.lastFiles = [this.dir];
    return this.current;
  }

  diagnostics(host: SessionHost, path: string, extra: readonly Finding[] | undefined): Diagnostic[] {
    const model = this.model(host);
    if (!model || path !== this.dir) return [];
    if (this.settledFor !== host.options) {
      this.settler = new Settler(host.options, LIVEPERSON_CODES);
      this.settledFor = host.options;
      this.findings = undefined;
    }
    if (!this.findings) this.findings = this.check(model, host);
    if (!extra?.length) return this.findings;
    return this.settler!.finish(path, [this.findings, this.settler!.settle(path, extra, host.text(path).length)]);
  }

  /** Runs every check; one broken check is reported where it ran, and the others still run. */
  private check(model: LivePersonBot, host: SessionHost): Diagnostic[] {
    const found: Finding[] = [];
    const doc = model.docs.get(this.dir)!;
    for (const f of doc.local) found.push(f);
    const options = host.options;
    // While the JSON does not parse, what the file defines is not known: checks that conclude from an absence wait.
    const whole = !doc.doc.syntax.some((s) => s.code === 'syntax/json' || s.code === 'syntax/merge-conflict');
    const ctx = { bot: model, options, isOff: (code: string) => options.severities[code] === 'off', report: (f: Finding) => void found.push(f) };
    for (const rule of LIVEPERSON_RULES) {
      if (rule.needsWholeFile && !whole) continue;
      if (rule.codes.every((c) => ctx.isOff(c))) continue;
      try {
        rule.check(ctx);
      } catch (e) {
        found.push({ start: 0, end: 0, code: 'syntax/internal', message: `A check failed (${(e as Error).message}). Please report this with the bot's file.` });
      }
    }
    const settled = this.settler!.settle(this.dir, found, host.text(this.dir).length);
    const fresh = this.settler!.finish(this.dir, [settled]);
    const old = this.previous;
    this.previous = undefined;
    return old && old.length === 0 && fresh.length === 0 ? old : reuseDiagnostics(old, fresh);
  }
}

// One Rasa project in a workspace: its member files (config, domain, data, tests), the model
// built from their facts, and the diagnostics of every check, worked out once per model and
// kept until a file of the project changes.
import type { BotSession, Diagnostic, Finding, SessionHost } from '../../definitions/index';
import { joinPath, relativeTo, Settler } from '../../definitions/index';
import type { BotFormat } from '../../definitions/index';
import { RASA_CODES } from './codes';
import { buildRasaBot, CONFIG_FILES, roleOf } from './model';
import type { RasaBot, RasaDocument, RasaRole } from './model';
import { RASA_RULES } from './rules/index';

export class RasaSession implements BotSession {
  lastFiles: string[] = [];
  private current: RasaBot | undefined;
  private findings: Map<string, Diagnostic[]> | undefined;
  private settler: Settler | undefined;
  private settledFor: unknown;

  constructor(
    readonly format: BotFormat,
    readonly dir: string,
  ) {}

  invalidate(): void {
    this.current = undefined;
    this.findings = undefined;
  }

  optionsChanged(): void {
    this.findings = undefined;
  }

  model(host: SessionHost): RasaBot | undefined {
    if (this.current) return this.current;
    const config = CONFIG_FILES.find((c) => host.has(joinPath(this.dir, c)));
    if (!config) return undefined;
    const members: { path: string; doc: RasaDocument; role: RasaRole }[] = [];
    for (const p of host.paths()) {
      const rel = relativeTo(this.dir, p);
      if (rel === undefined || host.ownerOf(p) !== this || this.format.skipsDir(rel.slice(0, Math.max(0, rel.lastIndexOf('/'))))) continue;
      if (!/\.ya?ml$/i.test(rel)) continue;
      const doc = host.document(p) as RasaDocument | undefined;
      if (!doc) continue;
      const role = roleOf(rel, doc.facts, config);
      if (role) members.push({ path: p, doc, role });
    }
    // The config first (it gives the identity), then every file in path order.
    members.sort((a, b) => (a.role === 'config' ? -1 : b.role === 'config' ? 1 : a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    this.current = buildRasaBot(this.dir, members);
    this.lastFiles = [...this.current.files];
    return this.current;
  }

  diagnostics(host: SessionHost, path: string, extra: readonly Finding[] | undefined): Diagnostic[] {
    const model = this.model(host);
    if (!model || !model.docs.has(path)) return [];
    if (this.settledFor !== host.options) {
      this.settler = new Settler(host.options, RASA_CODES);
      this.settledFor = host.options;
      this.findings = undefined;
    }
    if (!this.findings) this.findings = this.check(model, host);
    const own = this.findings.get(path) ?? [];
    if (!extra?.length) return own;
    return this.settler!.finish(path, [own, this.settler!.settle(path, extra, host.text(path).length)]);
  }

  /** Runs every check on the model; one broken check is reported where it ran, and the others still run. */
  private check(model: RasaBot, host: SessionHost): Map<string, Diagnostic[]> {
    const found = new Map<string, Finding[]>();
    const report = (file: string, f: Finding): void => {
      const list = found.get(file);
      if (list) list.push(f);
      else found.set(file, [f]);
    };
    for (const [file, doc] of model.docs) for (const f of doc.local) report(file, f);
    const options = host.options;
    const ctx = { bot: model, options, isOff: (code: string) => options.severities[code] === 'off', report };
    for (const rule of RASA_RULES) {
      try {
        rule.check(ctx);
      } catch (e) {
        report(model.manifest, { start: 0, end: 0, code: 'syntax/internal', message: `A check failed (${(e as Error).message}). Please report this with the project's files.` });
      }
    }
    const out = new Map<string, Diagnostic[]>();
    for (const file of model.files) {
      const settled = this.settler!.settle(file, found.get(file) ?? [], host.text(file).length);
      out.set(file, this.settler!.finish(file, [settled]));
    }
    return out;
  }
}

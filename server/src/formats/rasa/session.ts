// One Rasa project in a workspace: its member files (config, domain, data, tests), the model
// built from their facts, and the diagnostics of every check, worked out once per model and
// kept until a file of the project changes. An edit of one file's text patches the model
// (patchRasaBot: the tables the file does not touch stay the same objects, which the checks
// that memoise rely on), and a file whose diagnostics come out the same keeps its list.
import type { BotDocument, BotSession, Diagnostic, Finding, SessionHost } from '../../definitions/index';
import { joinPath, relativeTo, Settler } from '../../definitions/index';
import { reuseDiagnostics } from '../../definitions/model/settle';
import type { BotFormat } from '../../definitions/index';
import { RASA_CODES } from './codes';
import { buildRasaBot, CONFIG_FILES, patchRasaBot, roleOf } from './model';
import type { RasaBot, RasaDocument, RasaRole } from './model';
import { RASA_RULES } from './rules/index';

export class RasaSession implements BotSession {
  lastFiles: string[] = [];
  private current: RasaBot | undefined;
  /** Member files whose text alone changed since `current` was made: it is patched with their new parse. */
  private readonly edited = new Set<string>();
  /** The last model, while the members are to be listed again. */
  private base: RasaBot | undefined;
  private findings: Map<string, Diagnostic[]> | undefined;
  /** The diagnostics last worked out, by file: a list that comes out the same is kept (same array). */
  private previous: Map<string, Diagnostic[]> | undefined;
  private settler: Settler | undefined;
  private settledFor: unknown;

  constructor(
    readonly format: BotFormat,
    readonly dir: string,
  ) {}

  invalidate(edit?: { path: string; previous: BotDocument }): void {
    if (edit && this.current?.roles.has(edit.path)) this.edited.add(edit.path);
    else if (this.current) {
      // Files came, went or moved between bots: the members are listed again, and the last
      // model is patched when one file differs (a project loading, file by file).
      this.base = this.current;
      this.current = undefined;
      this.edited.clear();
    }
    if (this.findings) this.previous = this.findings;
    this.findings = undefined;
  }

  optionsChanged(): void {
    this.findings = undefined;
    this.previous = undefined;
  }

  model(host: SessionHost): RasaBot | undefined {
    if (this.current && this.edited.size) this.current = this.patched(host, this.current);
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
    const base = this.base;
    this.base = undefined;
    this.current = (base && patchedMembers(base, members)) || buildRasaBot(this.dir, members);
    this.lastFiles = [...this.current.files];
    return this.current;
  }

  /** The model with the edited files' new parses, or undefined when it must be built again (a file's role changed, more than one file changed, the config changed). */
  private patched(host: SessionHost, model: RasaBot): RasaBot | undefined {
    const edited = [...this.edited];
    this.edited.clear();
    if (edited.length !== 1) return undefined;
    const path = edited[0]!;
    const doc = host.has(path) && host.ownerOf(path) === this ? (host.document(path) as RasaDocument | undefined) : undefined;
    const rel = relativeTo(this.dir, path);
    if (!doc || rel === undefined || roleOf(rel, doc.facts, relativeTo(this.dir, model.manifest)) !== model.roles.get(path)) return undefined;
    return patchRasaBot(model, path, doc);
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
      const old = this.previous?.get(file);
      const fresh = this.settler!.finish(file, [settled]);
      out.set(file, old && old.length === 0 && fresh.length === 0 ? old : reuseDiagnostics(old, fresh));
    }
    this.previous = undefined;
    return out;
  }
}

/** `base` patched to the members now, when they differ from its own by one file (come, gone, or of another parse); else undefined. */
function patchedMembers(base: RasaBot, members: readonly { path: string; doc: RasaDocument; role: RasaRole }[]): RasaBot | undefined {
  let changed: { path: string; doc: RasaDocument | undefined; role: RasaRole | undefined } | undefined;
  const note = (path: string, doc: RasaDocument | undefined, role: RasaRole | undefined): boolean => {
    if (changed) return false;
    changed = { path, doc, role };
    return true;
  };
  const now = new Set<string>();
  for (const m of members) {
    now.add(m.path);
    if ((base.docs.get(m.path) !== m.doc || base.roles.get(m.path) !== m.role) && !note(m.path, m.doc, m.role)) return undefined;
  }
  for (const f of base.files) if (!now.has(f) && !note(f, undefined, undefined)) return undefined;
  if (!changed) return base;
  return patchRasaBot(base, changed.path, changed.doc, changed.role);
}

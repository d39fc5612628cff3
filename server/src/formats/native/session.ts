// One native bot in a workspace: its manifest and the files its include globs name, merged
// into a model; after edits of included files only, the next model is patched from the last
// one (patchBot.ts) instead of built afresh, and the checks are brought up to date
// incrementally (checks.ts).
import type { BotFormat, BotSession, SessionHost } from '../../definitions/format';
import { joinPath, relativeTo } from '../../definitions/paths';
import type { Diagnostic, Finding } from '../../definitions/types';
import { buildBot } from './model/bot';
import type { IncludeUse, NativeBot, NativeDocument } from './model/bot';
import { isNativeDefinitionFile, MANIFEST_NAMES } from './model/builtins';
import { BotChecks } from './model/checks';
import { globMatcher, globProblem } from './model/include';
import { patchBot } from './model/patchBot';
import { shapeOf } from './model/shape';

export { isNativeDefinitionFile };

export class NativeSession implements BotSession {
  readonly checks = new BotChecks();
  lastFiles: string[] = [];
  private current: NativeBot | undefined;
  /**
   * After edits of included files only: the last model and each edited file's parse in it,
   * so that the next model can be patched from it instead of built afresh.
   */
  private base: { model: NativeBot; edited: Map<string, NativeDocument> } | undefined;
  /** Whether the checks have run on the current model. */
  private checked = false;

  constructor(
    readonly format: BotFormat,
    readonly dir: string,
  ) {}

  invalidate(edit?: { path: string; previous: NativeDocument }): void {
    const base = this.current ? { model: this.current, edited: new Map<string, NativeDocument>() } : this.base;
    if (edit && base && (base.edited.has(edit.path) || base.model.docs.get(edit.path) === edit.previous)) {
      // Keep the parse the base model holds: the patch swaps that one for the newest.
      if (!base.edited.has(edit.path)) base.edited.set(edit.path, edit.previous);
      this.base = base;
    } else this.base = undefined;
    this.current = undefined;
    this.checked = false;
  }

  optionsChanged(): void {
    this.checked = false;
  }

  model(host: SessionHost): NativeBot | undefined {
    if (this.current) return this.current;
    const patched = this.base && this.patched(host, this.base);
    this.base = undefined;
    if (patched) return (this.current = patched);
    const manifestPath = manifestOf(host, this.dir);
    if (!manifestPath) return undefined;
    const extra = MANIFEST_NAMES.map((m) => joinPath(this.dir, m)).filter((p) => p !== manifestPath && host.has(p));
    const manifest = host.document(manifestPath) as NativeDocument;
    const includes: IncludeUse[] = manifest.facts.manifest.includes.map((glob) => {
      const problem = globProblem(glob.text);
      return problem ? { glob, problem, matches: 0 } : { glob, matches: 0 };
    });
    const matchers = includes.map((u) => (u.problem ? () => false : globMatcher(u.glob.text)));
    const members: string[] = [];
    for (const p of host.paths()) {
      if (p === manifestPath || extra.includes(p) || !isNativeDefinitionFile(p)) continue;
      const rel = relativeTo(this.dir, p);
      if (rel === undefined || host.ownerOf(p) !== this) continue;
      let hit = false;
      for (let i = 0; i < matchers.length; i++) {
        if (matchers[i]!(rel)) {
          includes[i]!.matches++;
          hit = true;
        }
      }
      if (hit) members.push(p);
    }
    members.sort();
    const docs = [manifest, ...members.map((p) => host.document(p) as NativeDocument)];
    this.current = buildBot(this.dir, docs, includes, extra);
    this.lastFiles = [...this.current.files, ...extra];
    return this.current;
  }

  diagnostics(host: SessionHost, path: string, extra: readonly Finding[] | undefined): Diagnostic[] {
    const model = this.model(host);
    if (!model || (!model.docs.has(path) && !model.extraManifests.includes(path))) return [];
    if (!this.checked) {
      this.checks.run(model, host.options, (f) => host.text(f));
      this.checked = true;
    }
    return this.checks.diagnostics(model, path, host.text(path), extra);
  }

  /** The base model with each edited file's new parse swapped in, when none of them changed shape. */
  private patched(host: SessionHost, base: { model: NativeBot; edited: Map<string, NativeDocument> }): NativeBot | undefined {
    let model: NativeBot | undefined = base.model;
    for (const [path, before] of base.edited) {
      const after = host.document(path) as NativeDocument | undefined;
      if (!after || shapeOf(before.facts) !== shapeOf(after.facts)) return undefined;
      model = patchBot(model, before, after);
      if (!model) return undefined;
    }
    return model;
  }
}

/** The manifest of a native bot folder, first by precedence, among the files the host holds. */
export function manifestOf(host: Pick<SessionHost, 'has'>, dir: string): string | undefined {
  for (const m of MANIFEST_NAMES) {
    const p = joinPath(dir, m);
    if (host.has(p)) return p;
  }
  return undefined;
}

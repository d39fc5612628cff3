// The workspace index: every bot file the caller has told us about (open documents or disk
// text), the bots they form, and their diagnostics. A change re-parses only the changed
// file; on the next request for diagnostics its bot's model is patched (or rebuilt when the
// bot's files or names changed) and its checks brought up to date (checks.ts), and the
// workspace-wide id check runs again when a manifest changed.
import { parseDocument } from '../parse/document';
import type { ParsedDocument } from '../parse/document';
import { decodeBotFile } from '../parse/decode';
import { WORKSPACE_RULES } from '../../formats/native/rules/index';
import type { ResolvedOptions, ValidationOptions } from '../../formats/native/rules/types';
import { validateShape } from '../../formats/native/schema/validate';
import type { Diagnostic, Finding } from '../types';
import { buildBot } from '../../formats/native/model/bot';
import type { BotDocument, BotModel, IncludeUse } from '../../formats/native/model/bot';
import { MANIFEST_NAMES } from '../../formats/native/model/builtins';
import { BotChecks } from '../../formats/native/model/checks';
import { extractFacts } from '../../formats/native/model/facts';
import { dirOf, globMatcher, globProblem, normalizePath, relativeTo } from '../../formats/native/model/include';
import { resolveOptions } from '../../formats/native/model/options';
import { patchBot } from '../../formats/native/model/patchBot';
import { shapeOf } from '../../formats/native/model/shape';

const BOT_FILE = /\.(ya?ml|jsonc?)$/i;

interface Entry {
  path: string;
  text: string;
  version: number;
  decodeFindings: Finding[];
  parsed?: BotDocument;
}

interface BotState {
  dir: string;
  checks: BotChecks;
  /** The files of the last model built, kept after invalidation to say what a change affects. */
  lastFiles: string[];
  model?: BotModel;
  /**
   * After edits of included files only: the last model and each edited file's parse in it,
   * so that the next model can be patched from it instead of built afresh.
   */
  base?: { model: BotModel; edited: Map<string, BotDocument> };
  /** Whether the checks have run on the current model. */
  checked: boolean;
}

/** What a change may have touched: republish diagnostics for these files (some may now have none). */
export interface ChangeResult {
  affected: string[];
}

export class BotWorkspace {
  private readonly entries = new Map<string, Entry>();
  private readonly bots = new Map<string, BotState>();
  private options: ResolvedOptions;
  private workspaceFindings: Map<string, Finding[]> | undefined;

  constructor(options: ValidationOptions = {}) {
    this.options = resolveOptions(options);
  }

  /** Replaces the validation settings; every bot is checked again on the next request. */
  setOptions(options: ValidationOptions): ChangeResult {
    this.options = resolveOptions(options);
    for (const b of this.bots.values()) b.checked = false;
    return { affected: this.allBotFiles() };
  }

  get resolvedOptions(): ResolvedOptions {
    return this.options;
  }

  /** Adds or updates a file's text (an open document, or text read from disk). */
  setDocument(path: string, text: string, version = 0, decodeFindings: Finding[] = []): ChangeResult {
    const p = normalizePath(path);
    const old = this.entries.get(p);
    if (old && old.text === text && old.decodeFindings.length === decodeFindings.length) {
      old.version = version;
      return { affected: [] };
    }
    const before = this.filesAround(p);
    this.entries.set(p, { path: p, text, version, decodeFindings });
    return this.changed(p, before, old?.parsed);
  }

  /** Adds or updates a file from its bytes, reporting invalid UTF-8. */
  setDocumentBytes(path: string, bytes: Uint8Array, version = 0): ChangeResult {
    const { text, findings } = decodeBotFile(bytes);
    return this.setDocument(path, text, version, findings);
  }

  /** Forgets a file (deleted, or closed and gone from disk). */
  removeDocument(path: string): ChangeResult {
    const p = normalizePath(path);
    if (!this.entries.has(p)) return { affected: [] };
    const before = this.filesAround(p);
    this.entries.delete(p);
    return this.changed(p, before, undefined);
  }

  hasDocument(path: string): boolean {
    return this.entries.has(normalizePath(path));
  }

  /** Every path the workspace holds. */
  paths(): string[] {
    return [...this.entries.keys()];
  }

  /** The parsed file (parsing it now if needed), or undefined when unknown. */
  getDocument(path: string): ParsedDocument | undefined {
    return this.botDocument(normalizePath(path))?.doc;
  }

  /** The parsed file with its facts, or undefined when unknown. */
  botDocument(path: string): BotDocument | undefined {
    const e = this.entries.get(normalizePath(path));
    if (!e) return undefined;
    if (!e.parsed) {
      const doc = parseDocument(e.path, e.text, e.version, e.decodeFindings);
      const local = [...doc.syntax];
      // Mid-merge text parses into nonsense; the conflict markers are the one thing to say.
      if (!doc.syntax.some((f) => f.code === 'syntax/merge-conflict')) validateShape(doc.root, doc.text, local);
      e.parsed = { doc, facts: extractFacts(doc), local };
    }
    return e.parsed;
  }

  /** Every bot, built from its files. */
  getBots(): BotModel[] {
    return [...this.bots.values()].map((b) => this.model(b)).filter((m): m is BotModel => !!m);
  }

  /** The bot a file belongs to (as its manifest or an included file), if any. */
  botOf(path: string): BotModel | undefined {
    const p = normalizePath(path);
    const state = this.stateOf(p);
    const model = state && this.model(state);
    return model && (model.docs.has(p) || model.extraManifests.includes(p)) ? model : undefined;
  }

  /**
   * The diagnostics of one file: none for files that belong to no bot. While neither the file
   * nor anything its diagnostics depend on changed, this is the same array as before.
   */
  getDiagnostics(path: string): Diagnostic[] {
    const p = normalizePath(path);
    const state = this.stateOf(p);
    const model = state && this.checked(state);
    if (!model || (!model.docs.has(p) && !model.extraManifests.includes(p))) return [];
    return state.checks.diagnostics(model, p, this.entries.get(p)?.text ?? '', this.workspaceRuleFindings().get(p));
  }

  /** Diagnostics of every bot file, by path. */
  getAllDiagnostics(): Map<string, Diagnostic[]> {
    const out = new Map<string, Diagnostic[]>();
    for (const state of this.bots.values()) {
      const model = this.model(state);
      if (!model) continue;
      for (const f of [...model.files, ...model.extraManifests]) out.set(f, this.getDiagnostics(f));
    }
    return out;
  }

  // ---- internals ----

  private changed(p: string, before: string[], previous: BotDocument | undefined): ChangeResult {
    const entry = this.entries.get(p);
    if (entry) entry.parsed = undefined;
    const name = p.slice(p.lastIndexOf('/') + 1);
    const dir = dirOf(p);
    if (MANIFEST_NAMES.includes(name)) {
      this.workspaceFindings = undefined;
      const hasManifest = MANIFEST_NAMES.some((m) => this.entries.has(dir === '' ? m : `${dir}/${m}`));
      if (hasManifest && !this.bots.has(dir)) this.bots.set(dir, { dir, lastFiles: [], checks: new BotChecks(), checked: false });
      if (!hasManifest) this.bots.delete(dir);
      // A new or removed bot folder moves files between bots: rebuild every bot that encloses it too.
      const touched = [...this.bots.values()].filter((b) => b.dir === dir || relativeTo(b.dir, dir) !== undefined);
      for (const b of touched) this.invalidate(b);
      // Membership may have changed: the files that joined need diagnostics too.
      for (const b of touched) for (const f of this.model(b)?.files ?? []) before.push(f);
    } else {
      const state = this.stateOf(p);
      if (state) this.invalidate(state, entry && previous ? { path: p, previous } : undefined);
    }
    const affected = new Set(before);
    affected.add(p);
    // A changed id can create or clear a duplicate elsewhere: those manifests too.
    for (const b of this.bots.values()) {
      const m = this.manifestOf(b.dir);
      if (m) affected.add(m);
    }
    return { affected: [...affected] };
  }

  /** The bot must be modelled and checked again; `edit` names an included file whose text changed, when that is all. */
  private invalidate(state: BotState, edit?: { path: string; previous: BotDocument }): void {
    const base = state.model ? { model: state.model, edited: new Map<string, BotDocument>() } : state.base;
    if (edit && base && (base.edited.has(edit.path) || base.model.docs.get(edit.path) === edit.previous)) {
      // Keep the parse the base model holds: the patch swaps that one for the newest.
      if (!base.edited.has(edit.path)) base.edited.set(edit.path, edit.previous);
      state.base = base;
    } else state.base = undefined;
    state.model = undefined;
    state.checked = false;
  }

  /**
   * The files a change around `p` may touch, as last known (no model is built for this: a
   * new membership shows in the next diagnostics request, and files that left are listed here).
   */
  private filesAround(p: string): string[] {
    const state = this.stateOf(p);
    return state ? [...state.lastFiles, p] : [p];
  }

  private allBotFiles(): string[] {
    return this.getBots().flatMap((b) => [...b.files, ...b.extraManifests]);
  }

  /** The bot folder nearest above a path. */
  private stateOf(p: string): BotState | undefined {
    let dir = dirOf(p);
    for (;;) {
      const s = this.bots.get(dir);
      if (s) return s;
      if (dir === '') return undefined;
      const up = dirOf(dir);
      if (up === dir) return undefined;
      dir = up;
    }
  }

  private manifestOf(dir: string): string | undefined {
    for (const m of MANIFEST_NAMES) {
      const p = dir === '' ? m : `${dir}/${m}`;
      if (this.entries.has(p)) return p;
    }
    return undefined;
  }

  /** The bot's model with its checks run. */
  private checked(state: BotState): BotModel | undefined {
    const model = this.model(state);
    if (model && !state.checked) {
      state.checks.run(model, this.options, (f) => this.entries.get(f)?.text ?? '');
      state.checked = true;
    }
    return model;
  }

  private model(state: BotState): BotModel | undefined {
    if (state.model) return state.model;
    const patched = state.base && this.patched(state.base);
    state.base = undefined;
    if (patched) return (state.model = patched);
    const manifestPath = this.manifestOf(state.dir);
    if (!manifestPath) return undefined;
    const extra = MANIFEST_NAMES.map((m) => (state.dir === '' ? m : `${state.dir}/${m}`)).filter((p) => p !== manifestPath && this.entries.has(p));
    const manifest = this.botDocument(manifestPath)!;
    const includes: IncludeUse[] = manifest.facts.manifest.includes.map((glob) => {
      const problem = globProblem(glob.text);
      return problem ? { glob, problem, matches: 0 } : { glob, matches: 0 };
    });
    const matchers = includes.map((u) => (u.problem ? () => false : globMatcher(u.glob.text)));
    const members: string[] = [];
    for (const p of this.entries.keys()) {
      if (p === manifestPath || extra.includes(p) || !BOT_FILE.test(p)) continue;
      const rel = relativeTo(state.dir, p);
      if (rel === undefined || this.stateOf(p) !== state) continue;
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
    const docs = [manifest, ...members.map((p) => this.botDocument(p)!)];
    state.model = buildBot(state.dir, docs, includes, extra);
    state.lastFiles = [...state.model.files, ...extra];
    return state.model;
  }

  /** The base model with each edited file's new parse swapped in, when none of them changed shape. */
  private patched(base: NonNullable<BotState['base']>): BotModel | undefined {
    let model: BotModel | undefined = base.model;
    for (const [path, before] of base.edited) {
      const after = this.botDocument(path);
      if (!after || shapeOf(before.facts) !== shapeOf(after.facts)) return undefined;
      model = patchBot(model, before, after);
      if (!model) return undefined;
    }
    return model;
  }

  private workspaceRuleFindings(): Map<string, Finding[]> {
    if (this.workspaceFindings) return this.workspaceFindings;
    const out = new Map<string, Finding[]>();
    const bots = this.getBots();
    for (const rule of WORKSPACE_RULES) {
      rule.check(bots, (file, f) => {
        const list = out.get(file);
        if (list) list.push(f);
        else out.set(file, [f]);
      });
    }
    return (this.workspaceFindings = out);
  }
}

// The workspace index: every bot file the caller has told us about (open documents or disk
// text), the bots they form, and their diagnostics. A change re-parses only the changed
// file; its bot's cross-file checks and the workspace-wide id check are recomputed on
// the next request for diagnostics.
import { defaultSeverity } from '../codes';
import { parseDocument } from '../parse/document';
import type { ParsedDocument } from '../parse/document';
import { decodeBotFile } from '../parse/decode';
import { BOT_RULES, WORKSPACE_RULES } from '../rules/index';
import type { ResolvedOptions, RuleContext, ValidationOptions } from '../rules/types';
import { validateShape } from '../schema/validate';
import type { Diagnostic, Finding } from '../types';
import { buildBot } from './bot';
import type { BotDocument, BotModel, IncludeUse } from './bot';
import { MANIFEST_NAMES } from './builtins';
import { extractFacts } from './facts';
import { dirOf, globMatcher, globProblem, normalizePath, relativeTo } from './include';
import { resolveOptions } from './options';
import { TrainingIndex } from './training';

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
  training: TrainingIndex;
  /** The files of the last model built, kept after invalidation to say what a change affects. */
  lastFiles: string[];
  model?: BotModel;
  diagnostics?: Map<string, Diagnostic[]>;
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
    for (const b of this.bots.values()) b.diagnostics = undefined;
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
    return this.changed(p, before);
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
    return this.changed(p, before);
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

  /** The diagnostics of one file: none for files that belong to no bot. */
  getDiagnostics(path: string): Diagnostic[] {
    const p = normalizePath(path);
    const state = this.stateOf(p);
    if (!state) return [];
    const own = this.diagnosticsOf(state).get(p) ?? [];
    const ws = this.workspaceRuleFindings().get(p);
    if (!ws) return own;
    return this.finish(p, [...ws], own);
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

  private changed(p: string, before: string[]): ChangeResult {
    this.workspaceFindings = undefined;
    const entry = this.entries.get(p);
    if (entry) entry.parsed = undefined;
    const name = p.slice(p.lastIndexOf('/') + 1);
    const dir = dirOf(p);
    if (MANIFEST_NAMES.includes(name)) {
      const hasManifest = MANIFEST_NAMES.some((m) => this.entries.has(dir === '' ? m : `${dir}/${m}`));
      if (hasManifest && !this.bots.has(dir)) this.bots.set(dir, { dir, lastFiles: [], training: new TrainingIndex() });
      if (!hasManifest) this.bots.delete(dir);
      // A new or removed bot folder moves files between bots: rebuild every bot that encloses it too.
      const touched = [...this.bots.values()].filter((b) => b.dir === dir || relativeTo(b.dir, dir) !== undefined);
      for (const b of touched) this.invalidate(b);
      // Membership may have changed: the files that joined need diagnostics too.
      for (const b of touched) for (const f of this.model(b)?.files ?? []) before.push(f);
    } else {
      const state = this.stateOf(p);
      if (state) this.invalidate(state);
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

  private invalidate(state: BotState): void {
    state.model = undefined;
    state.diagnostics = undefined;
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

  private model(state: BotState): BotModel | undefined {
    if (state.model) return state.model;
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

  private diagnosticsOf(state: BotState): Map<string, Diagnostic[]> {
    if (state.diagnostics) return state.diagnostics;
    const model = this.model(state);
    const out = new Map<string, Diagnostic[]>();
    if (!model) return (state.diagnostics = out);
    const perFile = new Map<string, Finding[]>();
    for (const f of model.files) perFile.set(f, [...model.docs.get(f)!.local]);
    const report = (file: string, finding: Finding): void => {
      let list = perFile.get(file);
      if (!list) perFile.set(file, (list = []));
      list.push(finding);
    };
    const off = (code: string): boolean => this.options.severities[code] === 'off';
    state.training.sync(
      model.files.map((f) => model.docs.get(f)!.facts),
      off('utterance/near-duplicate') ? 0 : this.options.nearDuplicateThreshold,
    );
    const ctx: RuleContext = {
      bot: model,
      options: this.options,
      training: state.training,
      isOff: off,
      report,
    };
    for (const rule of BOT_RULES) {
      try {
        rule.check(ctx);
      } catch (e) {
        // One broken check must not take the others down.
        report(model.manifest, { start: 0, end: 0, code: 'syntax/internal', message: `A check failed (${(e as Error).message}). Please report this with the bot's files.` });
      }
    }
    for (const [file, findings] of perFile) out.set(file, this.finish(file, findings, []));
    return (state.diagnostics = out);
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

  /** Settles severities (overrides, off), files in fixes and related info, order and the per-file cap. */
  private finish(file: string, findings: Finding[], settled: Diagnostic[]): Diagnostic[] {
    const out: Diagnostic[] = [...settled];
    // Every span is kept inside the text, whatever a check computed.
    const len = this.entries.get(file)?.text.length ?? 0;
    for (const f of findings) {
      const override = this.options.severities[f.code];
      if (override === 'off') continue;
      const severity = override ?? f.severity ?? defaultSeverity(f.code);
      const start = Math.max(0, Math.min(f.start, len));
      const d: Diagnostic = { ...f, file, severity, start, end: Math.max(start, Math.min(f.end, len)) };
      if (d.fixes) d.fixes = d.fixes.map((x) => ({ ...x, edits: x.edits.map((e) => (e.file === '' ? { ...e, file } : e)) }));
      if (d.related) d.related = d.related.map((r) => (r.file === '' ? { ...r, file } : r));
      out.push(d);
    }
    out.sort((a, b) => a.start - b.start || a.end - b.end || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    const max = this.options.maxProblemsPerFile;
    if (out.length <= max) return out;
    const rank = { error: 0, warning: 1, information: 2, hint: 3 };
    const kept = [...out].sort((a, b) => rank[a.severity] - rank[b.severity] || a.start - b.start).slice(0, max);
    kept.sort((a, b) => a.start - b.start || a.end - b.end);
    kept.push({
      file,
      start: 0,
      end: 0,
      severity: 'information',
      code: 'limit/too-many-problems',
      message: `${out.length - max} more problems in this file are not shown (at most ${max} are). Fix these first.`,
    });
    return kept;
  }
}

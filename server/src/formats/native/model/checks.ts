// The checks of one bot, kept up to date incrementally. After an edit of one file only what
// the edit can change is worked out again:
// - that file's findings of the file rules; every file's, when names or structure changed
//   (a file's shape, the bot's files, the manifest, the options); and those of files whose
//   findings point into the edited file (related places, fixes);
// - the findings of the utterances the training index says the edit touched;
// - the whole-bot rules, which are cheap;
// and a file's list is put together again only when one of its parts changed. Diagnostics
// equal to the last ones keep their identity, and so do the lists made of them: a caller can
// tell an unchanged file by `===`.
import { NATIVE_CODES } from '../codes';
import { BOT_RULES, FILE_RULES, RECORD_RULES } from '../rules/index';
import type { FileRuleContext, RecordRuleContext, ResolvedOptions, RuleContext } from '../rules/types';
import type { Diagnostic, Finding } from '../../../definitions/types';
import type { NativeDocument, NativeBot } from './bot';
import { reuseDiagnostics, sameItems, Settler } from '../../../definitions/model/settle';
import { shapeOf } from './shape';
import { TrainingIndex } from './training';
import type { UtteranceRecord } from './training';

interface FileResult {
  /** The parse the diagnostics were made from. */
  doc: NativeDocument;
  /** The bot's context stamp they were made under. */
  stamp: number;
  diagnostics: Diagnostic[];
  /** Other files their related places and fixes point into. */
  refersTo: string[];
}

interface FileList {
  parts: readonly (readonly Diagnostic[] | undefined)[];
  extra: readonly Finding[] | undefined;
  list: Diagnostic[];
  /** Whether `list` is exactly the parts' diagnostics, sorted (no cap, no workspace findings). */
  plain: boolean;
}

export class BotChecks {
  readonly training = new TrainingIndex();
  private options: ResolvedOptions | undefined;
  private settler: Settler | undefined;
  /** Bumped when names, structure, files or options change: every file result is then stale. */
  private stamp = 0;
  private filesKey = '';
  private docs = new Map<string, NativeDocument>();
  /** Each member's own syntax and shape diagnostics, settled once per parse. */
  private local = new WeakMap<NativeDocument, Diagnostic[]>();
  private readonly fileResults = new Map<string, FileResult>();
  private botDiagnostics = new Map<string, Diagnostic[]>();
  /** Per file, the diagnostics of each of its utterances that has some. */
  private recordDiagnostics = new Map<string, Map<UtteranceRecord, Diagnostic[]>>();
  /** Per file, all of those in one list (order does not matter: a file's list is sorted). */
  private readonly recordLists = new Map<string, Diagnostic[]>();
  private readonly lists = new Map<string, FileList>();

  /** Brings every diagnostic of the bot up to date with `model`; `textOf` gives any file's text. */
  run(model: NativeBot, options: ResolvedOptions, textOf: (file: string) => string): void {
    const off = (code: string): boolean => options.severities[code] === 'off';
    const filesKey = `${model.files.join('\n')}\n\n${model.extraManifests.join('\n')}`;
    let context = options !== this.options || filesKey !== this.filesKey;
    const orderChanged = context;
    if (options !== this.options) {
      this.options = options;
      this.settler = new Settler(options, NATIVE_CODES);
      this.local = new WeakMap();
    }
    this.filesKey = filesKey;
    const changed = new Set<string>();
    const docs = new Map<string, NativeDocument>();
    for (const f of model.files) {
      const doc = model.docs.get(f)!;
      docs.set(f, doc);
      const prev = this.docs.get(f);
      if (prev === doc) continue;
      changed.add(f);
      if (!context && (f === model.manifest || !prev || shapeOf(prev.facts) !== shapeOf(doc.facts))) context = true;
    }
    this.docs = docs;
    if (context) this.stamp++;

    this.runRecordRules(model, options, off, orderChanged);
    this.runBotRules(model, options, off, textOf);
    for (const f of [...this.fileResults.keys()]) if (!docs.has(f)) this.fileResults.delete(f);
    for (const f of model.files) {
      const r = this.fileResults.get(f);
      const doc = docs.get(f)!;
      if (r && r.doc === doc && r.stamp === this.stamp && !r.refersTo.some((x) => changed.has(x))) continue;
      this.fileResults.set(f, this.runFileRules(model, options, off, f, doc, r));
    }
    for (const f of [...this.lists.keys()]) if (!docs.has(f) && !model.extraManifests.includes(f)) this.lists.delete(f);
  }

  /** The diagnostics of one of the bot's files (a member or an ignored extra manifest), with `extra` findings of the workspace rules. */
  diagnostics(model: NativeBot, file: string, text: string, extra: readonly Finding[] | undefined): Diagnostic[] {
    const settler = this.settler!;
    const member = model.docs.get(file);
    let local: Diagnostic[] | undefined;
    if (member) {
      local = this.local.get(member);
      if (!local) this.local.set(member, (local = settler.settle(file, member.local, text.length)));
    }
    // An ignored extra manifest gets only what the bot rules say of it, not its own syntax or shape.
    const parts = [local, this.botDiagnostics.get(file), this.fileResults.get(file)?.diagnostics, this.recordLists.get(file)];
    const before = this.lists.get(file);
    if (before && sameItems(before.parts, parts) && before.extra === extra) return before.list;
    let list = before?.plain && !extra ? replaced(before, parts) : undefined;
    let plain = true;
    if (!list) {
      list = settler.finish(file, parts);
      plain = !extra && list.length === parts.reduce((n, p) => n + (p?.length ?? 0), 0);
      // The workspace rules' findings join the capped list (and may be capped with it).
      if (extra) list = settler.finish(file, [list, settler.settle(file, extra, text.length)]);
      // The parts' diagnostics keep their identity already; the summary of a cap and the
      // workspace findings are made afresh, so those take the place of equal ones.
      if (before) list = plain ? (sameItems(before.list, list) ? before.list : list) : reuseDiagnostics(before.list, list);
    }
    this.lists.set(file, { parts, extra, list, plain });
    return list;
  }

  private runRecordRules(model: NativeBot, options: ResolvedOptions, off: (code: string) => boolean, orderChanged: boolean): void {
    this.training.sync(
      model.files.map((f) => model.docs.get(f)!.facts),
      off('utterance/near-duplicate') ? 0 : options.nearDuplicateThreshold,
    );
    const touched = this.training.takeTouched();
    // The index built afresh, or reading order or options changed: every utterance's findings may differ.
    const all = orderChanged || touched === 'everything';
    if (!all && !touched.size) return;
    const rank = new Map(model.files.map((f, i) => [f, i]));
    const order = (a: UtteranceRecord, b: UtteranceRecord): number =>
      a.file === b.file ? a.item.start - b.item.start : (rank.get(a.file) ?? 0) - (rank.get(b.file) ?? 0) || a.item.start - b.item.start;
    const sortedGroups = new Map<readonly UtteranceRecord[], UtteranceRecord[]>();
    const found: Finding[] = [];
    const ctx: RecordRuleContext = {
      bot: model,
      options,
      isOff: off,
      training: this.training,
      order,
      sorted(group) {
        let s = sortedGroups.get(group);
        if (!s) sortedGroups.set(group, (s = [...group].sort(order)));
        return s;
      },
      report: (finding) => found.push(finding),
    };
    const settler = this.settler!;
    /** The record's diagnostics now, `old` itself when they did not change. */
    const check = (r: UtteranceRecord, old: Diagnostic[] | undefined): Diagnostic[] | undefined => {
      found.length = 0;
      try {
        for (const rule of RECORD_RULES) rule.check(ctx, r);
      } catch (e) {
        // Rules are few and seldom fail: run them again one by one to tell which did.
        found.length = 0;
        for (const rule of RECORD_RULES) {
          try {
            rule.check(ctx, r);
          } catch (e2) {
            found.push(failure(e2));
          }
        }
      }
      if (!found.length) return undefined;
      return reuseDiagnostics(old, settler.settle(r.file, found, model.docs.get(r.file)!.doc.text.length));
    };
    const changedFiles = new Set<string>();
    if (all) {
      const before = this.recordDiagnostics;
      this.recordDiagnostics = new Map();
      for (const r of this.training.records()) {
        const now = check(r, before.size ? before.get(r.file)?.get(r) : undefined);
        if (!now) continue;
        let byRecord = this.recordDiagnostics.get(r.file);
        if (!byRecord) this.recordDiagnostics.set(r.file, (byRecord = new Map()));
        byRecord.set(r, now);
      }
      for (const file of [...before.keys(), ...this.recordDiagnostics.keys()]) changedFiles.add(file);
    } else {
      for (const r of touched as Set<UtteranceRecord>) {
        let byRecord = this.recordDiagnostics.get(r.file);
        const old = byRecord?.get(r);
        const now = r.alive ? check(r, old) : undefined;
        if (now === old) continue;
        if (now) {
          if (!byRecord) this.recordDiagnostics.set(r.file, (byRecord = new Map()));
          byRecord.set(r, now);
        } else byRecord!.delete(r);
        changedFiles.add(r.file);
      }
    }
    for (const file of changedFiles) {
      const byRecord = this.recordDiagnostics.get(file);
      const list: Diagnostic[] = [];
      if (byRecord && model.docs.has(file)) for (const ds of byRecord.values()) for (const d of ds) list.push(d);
      if (list.length) this.recordLists.set(file, list);
      else {
        this.recordLists.delete(file);
        this.recordDiagnostics.delete(file);
      }
    }
  }

  private runBotRules(model: NativeBot, options: ResolvedOptions, off: (code: string) => boolean, textOf: (file: string) => string): void {
    const found = new Map<string, Finding[]>();
    const ctx: RuleContext = {
      bot: model,
      options,
      isOff: off,
      report(file, finding) {
        const list = found.get(file);
        if (list) list.push(finding);
        else found.set(file, [finding]);
      },
    };
    for (const rule of BOT_RULES) {
      try {
        rule.check(ctx);
      } catch (e) {
        ctx.report(model.manifest, failure(e));
      }
    }
    const before = this.botDiagnostics;
    const now = new Map<string, Diagnostic[]>();
    for (const [file, list] of found) now.set(file, reuseDiagnostics(before.get(file), this.settler!.settle(file, list, textOf(file).length)));
    this.botDiagnostics = now;
  }

  private runFileRules(model: NativeBot, options: ResolvedOptions, off: (code: string) => boolean, file: string, doc: NativeDocument, before: FileResult | undefined): FileResult {
    const found: Finding[] = [];
    const ctx: FileRuleContext = { bot: model, options, isOff: off, file, doc, report: (finding) => found.push(finding) };
    for (const rule of FILE_RULES) {
      try {
        rule.check(ctx);
      } catch (e) {
        found.push(failure(e));
      }
    }
    const refersTo = new Set<string>();
    for (const f of found) {
      for (const r of f.related ?? []) if (r.file !== '' && r.file !== file) refersTo.add(r.file);
      for (const x of f.fixes ?? []) for (const e of x.edits) if (e.file !== '' && e.file !== file) refersTo.add(e.file);
    }
    const diagnostics = reuseDiagnostics(before?.diagnostics, this.settler!.settle(file, found, doc.doc.text.length));
    return { doc, stamp: this.stamp, diagnostics, refersTo: [...refersTo] };
  }
}

/**
 * The list again without sorting it, when each part changed only by diagnostics that took the
 * place of others with the same span, code and severity (a related place moved, say): they
 * sort, and are capped, as those did. Undefined otherwise.
 */
function replaced(before: FileList, parts: readonly (readonly Diagnostic[] | undefined)[]): Diagnostic[] | undefined {
  const swap = new Map<Diagnostic, Diagnostic>();
  for (let i = 0; i < parts.length; i++) {
    const was = before.parts[i];
    const now = parts[i];
    if (was === now) continue;
    if (!was || !now || was.length !== now.length) return undefined;
    for (let j = 0; j < now.length; j++) {
      const x = was[j]!;
      const y = now[j]!;
      if (x === y) continue;
      if (x.start !== y.start || x.end !== y.end || x.code !== y.code || x.severity !== y.severity) return undefined;
      swap.set(x, y);
    }
  }
  return swap.size ? before.list.map((d) => swap.get(d) ?? d) : before.list;
}

/** One broken check must not take the others down: its failure is reported where it ran. */
function failure(e: unknown): Finding {
  return { start: 0, end: 0, code: 'syntax/internal', message: `A check failed (${(e as Error).message}). Please report this with the bot's files.` };
}

/** File diffs between two versions, or a version and the working copy, with line hunks. */
import { expandArchive, isArchiveName } from '../../definitions/index';
import { structuredPatch } from 'diff';
import { join } from 'node:path';
import { BotvError, ioError } from '../errors';
import { objectHint } from '../store/layout';
import type { DiffHunk, DiffResult, DiffSide, DiffTexts, FileDiff, FileEntry } from '../types';
import type { Core } from './context';
import { localeFilter } from './locales';
import { resolveVersion } from './refs';
import { loadBotState, refOf, type BotState } from './state';
import { scanBot, versionFiles } from './trees';
import type { BotInfo } from '../types';

/** Either side of a diff: a version reference, or `working` for the working copy. */
export const WORKING = 'working';

/** Above this many changed lines per file, hunks are skipped rather than computed slowly. */
const MAX_EDIT_LENGTH = 20_000;

interface Side {
  side: DiffSide;
  files: FileEntry[];
  read(f: FileEntry): Promise<Uint8Array>;
}

async function sideOf(core: Core, bot: BotInfo, state: BotState, ref: string): Promise<Side> {
  if (ref === WORKING) {
    const scan = await scanBot(core, bot);
    return {
      side: { kind: 'working' },
      files: scan.files,
      read: async (f) => {
        const c = scan.contents.get(f.path);
        if (c) return c;
        const abs = join(bot.path, ...f.path.split('/'));
        try {
          return await core.fs.readFile(abs);
        } catch (e) {
          throw ioError('read', abs, e);
        }
      },
    };
  }
  const v = resolveVersion(state, ref);
  const r = refOf(state, v);
  return {
    side: { kind: 'version', id: r.id, number: r.number, label: r.label },
    files: await versionFiles(core, v),
    read: (f) => core.objects.read(f.sha256, objectHint(f.path)),
  };
}

/** Whether bytes look like text: valid UTF-8 without NUL in the first 8 KB. */
export function isText(data: Uint8Array): boolean {
  const head = data.subarray(0, 8192);
  if (head.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(data);
    return true;
  } catch {
    return false;
  }
}

/** Lines with their endings, so that slices join back to the exact text. */
function splitLines(s: string): string[] {
  return s.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/**
 * Line hunks of a change. The lines both sides share at their start and end (all but a
 * few in a typical edit of a large file) are set aside before the line diff runs, keeping
 * `context` of them, and the hunks' line numbers are shifted back.
 */
export function lineHunks(path: string, a: string, b: string, context: number): DiffHunk[] | undefined {
  const la = splitLines(a);
  const lb = splitLines(b);
  let head = 0;
  while (head < la.length && head < lb.length && la[head] === lb[head]) head++;
  let tail = 0;
  while (tail < la.length - head && tail < lb.length - head && la[la.length - 1 - tail] === lb[lb.length - 1 - tail]) tail++;
  const skip = Math.max(0, head - context);
  const keepTail = Math.max(0, tail - context);
  const sa = la.slice(skip, la.length - keepTail).join('');
  const sb = lb.slice(skip, lb.length - keepTail).join('');
  const p = structuredPatch(path, path, sa, sb, undefined, undefined, { context, maxEditLength: MAX_EDIT_LENGTH });
  if (!p) return undefined;
  return p.hunks.map((h) => ({ oldStart: h.oldStart + skip, oldLines: h.oldLines, newStart: h.newStart + skip, newLines: h.newLines, lines: h.lines }));
}

/** Compares `from` and `to` (version references or {@link WORKING}). */
export async function diff(core: Core, botId: string, from: string, to: string = WORKING, opts: { hunks?: boolean; context?: number; locale?: string } = {}): Promise<DiffResult> {
  const bot = await core.bot(botId);
  const state = await loadBotState(core, bot.id);
  // Narrowed to one locale: that locale's files only.
  const inLocale = opts.locale !== undefined ? localeFilter(core, bot, opts.locale) : () => true;
  if (from === WORKING && to === WORKING) throw new BotvError('BAD_ARGUMENT', 'Compare the working copy with a version: give at least one version.');
  const [a, b] = await Promise.all([sideOf(core, bot, state, from), sideOf(core, bot, state, to)]);
  const withHunks = opts.hunks ?? true;
  const context = opts.context ?? 3;
  const am = new Map(a.files.map((f) => [f.path, f]));
  const bm = new Map(b.files.map((f) => [f.path, f]));
  const paths = [...new Set([...am.keys(), ...bm.keys()])].sort();
  const files: FileDiff[] = [];
  for (const path of paths) {
    const fa = am.get(path);
    const fb = bm.get(path);
    if ((fa && fb && fa.sha256 === fb.sha256) || !inLocale(path)) continue;
    const change: FileDiff['change'] = !fa ? 'added' : !fb ? 'removed' : 'modified';
    const d: FileDiff = {
      path,
      change,
      oldSha256: fa?.sha256 ?? null,
      newSha256: fb?.sha256 ?? null,
      oldSize: fa?.size ?? null,
      newSize: fb?.size ?? null,
      binary: false,
      insertions: 0,
      deletions: 0,
    };
    const da = fa ? await a.read(fa) : new Uint8Array();
    const db = fb ? await b.read(fb) : new Uint8Array();
    if (!isText(da) || !isText(db)) d.binary = true;
    else {
      const h = lineHunks(path, new TextDecoder().decode(da), new TextDecoder().decode(db), context);
      if (!h) d.tooLarge = true;
      else {
        for (const hk of h) for (const l of hk.lines) {
          if (l.startsWith('+')) d.insertions++;
          else if (l.startsWith('-')) d.deletions++;
        }
        if (withHunks) d.hunks = h;
      }
    }
    files.push(d);
  }
  const stats = { added: 0, removed: 0, modified: 0, insertions: 0, deletions: 0 };
  for (const f of files) {
    stats[f.change]++;
    stats.insertions += f.insertions;
    stats.deletions += f.deletions;
  }
  return { bot: bot.id, from: a.side, to: b.side, files, stats };
}

/**
 * The texts of both sides of a diff, every file of each (for a semantic diff, which reads
 * the whole bot: an entity may move between files). A file both sides hold unchanged is
 * read once.
 */
export async function diffTexts(core: Core, botId: string, from: string, to: string = WORKING, opts: { locale?: string } = {}): Promise<DiffTexts> {
  const bot = await core.bot(botId);
  const state = await loadBotState(core, bot.id);
  const inLocale = opts.locale !== undefined ? localeFilter(core, bot, opts.locale) : () => true;
  if (from === WORKING && to === WORKING) throw new BotvError('BAD_ARGUMENT', 'Compare the working copy with a version: give at least one version.');
  const [a, b] = await Promise.all([sideOf(core, bot, state, from), sideOf(core, bot, state, to)]);
  const read = new Map<string, Promise<string | undefined>>();
  const texts = async (side: Side): Promise<Map<string, string>> => {
    const entries = await Promise.all(
      side.files.map(async (f) => {
        let text = read.get(f.sha256);
        if (!text) {
          text = side.read(f).then((data) => (isText(data) ? new TextDecoder().decode(data) : undefined));
          read.set(f.sha256, text);
        }
        return [f.path, await text] as const;
      }),
    );
    const out = new Map<string, string>();
    for (const [path, text] of entries) if (text !== undefined && inLocale(path)) out.set(path, text);
    return out;
  };
  // A bot that is an export zip is compared by what the zip holds, as the format reads it
  // (a bot that is one file known by its content, a LivePerson export, is that file).
  const format = bot.file !== undefined && isArchiveName(core.formats, bot.file) ? core.formats.find((f) => f.id === bot.format) : undefined;
  const unzipped = async (side: Side): Promise<Map<string, string>> => {
    const out = new Map<string, string>();
    const zip = side.files.find((f) => f.path === bot.file);
    if (!zip || !format) return out;
    const expanded = expandArchive(zip.path, await side.read(zip), [format]);
    if (!expanded) return out;
    const prefix = expanded.root === '' ? '' : `${expanded.root}/`;
    for (const [name, data] of expanded.entries) if (isText(data)) out.set(name.slice(prefix.length), new TextDecoder().decode(data));
    return out;
  };
  const before = format ? await unzipped(a) : await texts(a);
  const after = format ? await unzipped(b) : await texts(b);
  return { bot: bot.id, format: bot.format, from: a.side, to: b.side, before, after };
}

// dialogflow-cx/duplicate-phrase: the same training phrase, after normalising (case, spacing,
// surrounding punctuation), in two intents of one language — the surest case of the console's
// "different intents have training phrases which are too similar". Reported at every phrase
// after the first (in path order), with the first as the related place.
//
// The index of phrases is kept with the model and brought up to date with the phrase files
// that changed (an edit patches the model in place): a check after an edit costs what the
// edited files hold, not the agent's tens of thousands of phrases.
import { normalisePhrase } from '../builtins';
import type { CxFacts } from '../facts';
import type { CxBot } from '../model';
import type { CxRule } from './types';

export interface Entry {
  intent: string;
  file: string;
  start: number;
  end: number;
  text: string;
}

interface Index {
  /** Per language, the phrases by their normal form, in path order. */
  byLang: Map<string, Map<string, Entry[]>>;
  /** What each phrase file added, with the facts it was read from. */
  files: Map<string, { facts: CxFacts; intent: string; lang: string; keys: string[] }>;
  /** Normal forms (with their language) that two intents share. */
  shared: Set<Entry[]>;
}

const indexes = new WeakMap<CxBot, Index>();

function remove(index: Index, file: string): void {
  const had = index.files.get(file);
  if (!had) return;
  index.files.delete(file);
  const map = index.byLang.get(had.lang);
  if (!map) return;
  for (const key of new Set(had.keys)) {
    const list = map.get(key);
    if (!list) continue;
    const kept = list.filter((e) => e.file !== file);
    index.shared.delete(list);
    if (kept.length === 0) map.delete(key);
    else {
      map.set(key, kept);
      if (kept.some((e) => e.intent !== kept[0]!.intent)) index.shared.add(kept);
    }
  }
}

function add(index: Index, file: string, facts: CxFacts, intent: string): void {
  const lang = facts.place.lang ?? '';
  let map = index.byLang.get(lang);
  if (!map) index.byLang.set(lang, (map = new Map()));
  const keys: string[] = [];
  for (const ph of facts.phrases) {
    const key = normalisePhrase(ph.text);
    keys.push(key);
    if (key === '') continue;
    const e: Entry = { intent, file, start: ph.start, end: ph.end, text: ph.text };
    let list = map.get(key);
    if (!list) {
      map.set(key, [e]);
      continue;
    }
    index.shared.delete(list);
    // In path order, then in the file's order.
    let i = list.length;
    while (i > 0 && list[i - 1]!.file > file) i--;
    list = [...list.slice(0, i), e, ...list.slice(i)];
    map.set(key, list);
    if (list.some((x) => x.intent !== list![0]!.intent)) index.shared.add(list);
  }
  index.files.set(file, { facts, intent, lang, keys });
}

/** The agent's training phrases by language and normal form, brought up to the model's phrase files. */
export function phraseIndex(bot: CxBot): ReadonlyMap<string, ReadonlyMap<string, readonly Entry[]>> {
  return current(bot).byLang;
}

function current(bot: CxBot): Index {
  let index = indexes.get(bot);
  if (!index) indexes.set(bot, (index = { byLang: new Map(), files: new Map(), shared: new Set() }));
  const present = new Set<string>();
  for (const file of bot.files) {
    const facts = bot.facts.get(file)!;
    if (facts.place.role !== 'phrases') continue;
    const intent = bot.owner.get(file);
    if (!intent) continue;
    present.add(file);
    const had = index.files.get(file);
    if (had && had.facts === facts && had.intent === intent.name) continue;
    remove(index, file);
    add(index, file, facts, intent.name);
  }
  for (const file of [...index.files.keys()]) if (!present.has(file)) remove(index, file);
  return index;
}

export const duplicatePhrasesRule: CxRule = {
  codes: ['dialogflow-cx/duplicate-phrase'],
  check(ctx) {
    const index = current(ctx.bot);
    for (const list of index.shared) {
      const first = list[0]!;
      const lang = index.files.get(first.file)?.lang ?? '';
      for (const e of list.slice(1)) {
        if (e.intent === first.intent) continue;
        const seen = first;
        ctx.report(e.file, {
          start: e.start,
          end: e.end,
          code: 'dialogflow-cx/duplicate-phrase',
          message: `"${e.text.trim()}" is also a training phrase of the intent "${seen.intent}" (${lang}): the agent cannot tell the two intents apart on it. Keep it in one intent.`,
          related: [{ file: seen.file, start: seen.start, end: seen.end, message: `in "${seen.intent}"` }],
        });
      }
    }
  },
};

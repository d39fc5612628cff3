// The bot's own tests: a Test Workbench test set (a CSV file beside the export) checked
// against the export before the workbench runs it — what the console's "Validate
// discrepancy" finds, and more:
//   lex-v2/test-set               a row the workbench cannot read (Source, a slot cell's form, an unclosed quote);
//   lex-v2/test-unknown-intent    an expected intent the locale does not have;
//   lex-v2/test-unknown-slot      an expected slot its intent does not have;
//   lex-v2/test-example-conflict  a test input that is a sample utterance of another intent.
// A test set whose path names a locale (tests/en_US/…, smoke-en_US.csv) is checked against
// that locale, any other against every locale of the bot (a name one of them has is known);
// one named for a locale the bot lacks is left unchecked.
import type { Finding } from '../../../definitions/index';
import { closest } from '../../../definitions/text/didYouMean';
import { namesIn, slotNames } from '../model';
import type { LexBot, LexIntent, LexTestSet } from '../model';
import { cellOffset, conversationOf, slotOfCell, type Cell } from '../testSet';
import { utteranceKey } from './duplicateUtterances';
import type { LexRule } from './types';

/** The intents of the test set's locales by the name a test set may give: the intent's name, or its built-in signature (AMAZON.FallbackIntent). */
function intentsOf(bot: LexBot, set: LexTestSet): Map<string, { locale: string; intent: LexIntent }[]> {
  const out = new Map<string, { locale: string; intent: LexIntent }[]>();
  const add = (name: string, v: { locale: string; intent: LexIntent }) => {
    const list = out.get(name);
    if (list) list.push(v);
    else out.set(name, [v]);
  };
  for (const id of set.locales) {
    const locale = bot.byLocale.get(id);
    if (!locale) continue;
    for (const [name, intents] of namesIn(locale).intents) {
      for (const intent of intents) {
        add(name, { locale: id, intent });
        const parent = intent.file?.facts.parentIntentSignature?.text;
        if (parent && parent !== name) add(parent, { locale: id, intent });
      }
    }
  }
  return out;
}

/** Every locale's sample utterances, as Lex compares them, with the intent that has each. */
function utterancesOf(bot: LexBot, set: LexTestSet): Map<string, { locale: string; intent: string; file: string; start: number; end: number }[]> {
  const out = new Map<string, { locale: string; intent: string; file: string; start: number; end: number }[]>();
  for (const id of set.locales) {
    const locale = bot.byLocale.get(id);
    if (!locale) continue;
    for (const intent of locale.intents.values()) {
      const f = intent.file;
      if (!f?.facts.name) continue;
      for (const u of f.facts.utterances) {
        // A sample utterance with a {Slot} is a pattern, not words a user types.
        if (u.text.includes('{')) continue;
        const key = utteranceKey(u.text);
        const v = { locale: id, intent: f.facts.name.text, file: f.path, start: u.start, end: u.end };
        const list = out.get(key);
        if (list) list.push(v);
        else out.set(key, [v]);
      }
    }
  }
  return out;
}

/** "which … does not have", for the test set's locales. */
const lacking = (set: LexTestSet): string => (set.locales.length === 1 ? `the locale ${set.locales[0]} does not have` : `no locale of the bot has (${set.locales.join(', ')})`);

export const testSetsRule: LexRule = {
  codes: ['lex-v2/test-set', 'lex-v2/test-unknown-intent', 'lex-v2/test-unknown-slot', 'lex-v2/test-example-conflict'],
  check({ bot, report, text, isOff }) {
    // Test sets checked against the same locales share their indexes (90,000 utterances are read once).
    const indexes = new Map<string, { intents: ReturnType<typeof intentsOf>; utterances: ReturnType<typeof utterancesOf> | undefined }>();
    for (const set of bot.testSets) {
      const facts = set.facts.testSet!;
      const fileText = text(set.path);
      const at = (cell: Cell, from: number, to: number): { start: number; end: number } => ({ start: cellOffset(fileText, cell, from), end: cellOffset(fileText, cell, to) });
      const emit = (f: Finding) => report(set.path, f);
      for (const p of facts.problems) emit({ start: p.start, end: p.end, code: 'lex-v2/test-set', message: p.message });
      // Named for a locale the bot does not have: nothing to check its names against.
      if (set.locales.length === 0) continue;
      const key = set.locales.join('\u0000');
      let index = indexes.get(key);
      if (!index) indexes.set(key, (index = { intents: intentsOf(bot, set), utterances: isOff('lex-v2/test-example-conflict') ? undefined : utterancesOf(bot, set) }));
      const { intents, utterances } = index;
      // The intent a conversation's turn expects, when a later turn names none.
      const lastIntent = new Map<string, string>();
      for (const row of facts.rows) {
        const source = row.source?.text.trim();
        const agent = source !== undefined && source.toLowerCase() === 'agent';
        if (source !== undefined && !agent && source.toLowerCase() !== 'user') {
          emit({ ...at(row.source!, 0, row.source!.text.length), code: 'lex-v2/test-set', message: `"Source" is "${source}": a row is "User" (what the user says) or "Agent" (what the bot answers). Write one of the two.` });
          continue;
        }
        const conversation = conversationOf(row);
        let intentName = row.intent?.text.trim();
        if (intentName) {
          if (conversation !== undefined) lastIntent.set(conversation, intentName);
        } else if (conversation !== undefined) intentName = lastIntent.get(conversation);
        const known = intentName ? intents.get(intentName) : undefined;
        if (row.intent && intentName && !known) {
          const cell = row.intent;
          const lead = cell.text.length - cell.text.trimStart().length;
          const span = at(cell, lead, lead + intentName.length);
          const guess = closest(intentName, intents.keys());
          emit({
            ...span,
            code: 'lex-v2/test-unknown-intent',
            message: `The test expects the intent "${intentName}", which ${lacking(set)}: the test can only fail.${guess ? ` Did you mean ${guess}?` : ''} Name an intent of the bot, or add the intent.`,
            fixes: guess ? [{ title: `Change to ${guess}`, preferred: true, edits: [{ file: set.path, ...span, newText: guess }] }] : undefined,
          });
        }
        for (const cell of row.slots) {
          const slot = slotOfCell(cell);
          if (!slot) {
            emit({ ...at(cell, 0, cell.text.length), code: 'lex-v2/test-set', message: `"${cell.text.trim()}" is no expected slot: the Test Workbench reads "SlotName = value" (a subslot as "Slot.Subslot = value", several values as "Slot = a, b"). Write it so.` });
            continue;
          }
          if (!known) continue;
          const names = new Set<string>();
          for (const k of known) for (const n of slotNames(k.intent)) names.add(n);
          if (names.has(slot.name)) continue;
          const span = at(cell, slot.index, slot.index + slot.name.length);
          const guess = closest(slot.name, names);
          emit({
            ...span,
            code: 'lex-v2/test-unknown-slot',
            message:
              names.size === 0
                ? `The test expects the slot "${slot.name}", but the intent ${intentName} has no slots: the test can only fail. Add the slot, or leave the cell empty.`
                : `The test expects the slot "${slot.name}", which the intent ${intentName} does not have (its slots: ${[...names].sort().join(', ')}): the test can only fail.${guess ? ` Did you mean ${guess}? Slot names are case-sensitive.` : ''}`,
            fixes: guess ? [{ title: `Change to ${guess}`, preferred: true, edits: [{ file: set.path, ...span, newText: guess }] }] : undefined,
          });
        }
        // A user's input that the bot was trained to take as another intent.
        if (!utterances || agent || !row.input || !known || !intentName) continue;
        const same = utterances.get(utteranceKey(row.input.text));
        if (!same) continue;
        const expected = new Set(known.map((k) => `${k.locale}\u0000${k.intent.file?.facts.name?.text ?? ''}`));
        const other = same.find((u) => !expected.has(`${u.locale}\u0000${u.intent}`) && !same.some((v) => v.locale === u.locale && expected.has(`${v.locale}\u0000${v.intent}`)));
        if (!other) continue;
        emit({
          ...at(row.input, 0, row.input.text.length),
          code: 'lex-v2/test-example-conflict',
          message: `"${row.input.text.trim()}" is a sample utterance of ${other.intent} in ${other.locale}, and the test expects ${intentName}: the test can only fail. Expect ${other.intent}, or move the utterance.`,
          related: [{ file: other.file, start: other.start, end: other.end, message: `the sample utterance in ${other.intent}` }],
        });
      }
    }
  },
};

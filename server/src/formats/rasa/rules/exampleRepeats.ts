// The same example under two intents (verify_example_repetition_in_intents): Rasa compares the
// text it trains on — annotations replaced by their words — exactly, and retrieval intents by
// their base. Reported at every occurrence, each naming the others.
//
// Tens of thousands of examples, checked on every edit: the index of texts to their
// occurrences (in the project's order: by file, then within the file) is kept between checks
// of one project and brought up to date with the files that changed, so an edit costs what
// the edited file holds.
import type { RelatedInfo } from '../../../definitions/index';
import type { Example } from '../examples';
import type { RasaBot, RasaDocument } from '../model';
import { quoteList } from './names';
import { baseOf } from './uses';
import type { RasaRule } from './types';

const CODE = 'rasa/example-multiple-intents';

/** One occurrence of an example: its file, its place in the file's examples, its intent (a retrieval intent by its base). */
interface Occurrence {
  file: string;
  seq: number;
  intent: string;
  example: Example;
}

/** The occurrences of one text, in the project's order (by file path, then in the file): one, or several. */
type Labels = Occurrence | Occurrence[];

interface Index {
  /** The documents the index holds the examples of, by path, with their occurrences in the file's order. */
  docs: Map<string, { doc: RasaDocument; occurrences: Occurrence[] }>;
  byText: Map<string, Labels>;
  /** Texts with more than one intent. */
  conflicts: Set<string>;
}

/** One index per project session: keyed by the project's config document, which lives as long as the config is unchanged. */
const indexes = new WeakMap<object, Index>();

export const exampleRepeatsRule: RasaRule = {
  codes: [CODE],
  check(ctx) {
    if (ctx.isOff(CODE)) return;
    const index = upToDate(ctx.bot);
    for (const text of index.conflicts) {
      const all = list(index.byText.get(text)!);
      const intents = [...new Set(all.map((o) => o.intent))].sort();
      for (const o of all) {
        const related: RelatedInfo[] = all
          .filter((x) => x.intent !== o.intent)
          .slice(0, 5)
          .map((x) => ({ file: x.file, start: x.example.raw.start, end: x.example.raw.end, message: `also labeled '${x.intent}'` }));
        ctx.report(o.file, {
          start: o.example.raw.start,
          end: o.example.raw.end,
          code: CODE,
          message: `The example '${text}' was found labeled with multiple different intents in the training data: ${quoteList(intents)}. Each annotated message should only appear with one intent. Keep it under the intent it belongs to and remove it from the other${intents.length > 2 ? 's' : ''}.`,
          related,
        });
      }
    }
  },
};

const list = (l: Labels): Occurrence[] => (Array.isArray(l) ? l : [l]);

/**
 * The project's index, brought up to date with its training data files. A changed file's
 * examples are matched with its previous ones from both ends: those that kept their text and
 * intent (an edit touches a few lines of a large file) only take their new place, and only
 * the ones between are taken out and put in.
 */
function upToDate(bot: RasaBot): Index {
  const key = bot.docs.get(bot.manifest) ?? bot;
  let index = indexes.get(key);
  if (!index) {
    index = { docs: new Map(), byText: new Map(), conflicts: new Set() };
    indexes.set(key, index);
  }
  // The files whose examples count: training data (not tests) that Rasa reads.
  const now = new Map<string, RasaDocument>();
  for (const { file } of bot.nlu) {
    if (now.has(file) || bot.roles.get(file) !== 'data') continue;
    now.set(file, bot.docs.get(file)!);
  }
  for (const [file, held] of index.docs) {
    if (now.has(file)) continue;
    for (const o of held.occurrences) remove(index, o);
    index.docs.delete(file);
  }
  for (const [file, doc] of now) {
    const held = index.docs.get(file);
    if (held?.doc === doc) continue;
    index.docs.set(file, { doc, occurrences: update(index, file, held?.occurrences ?? [], examplesOf(doc)) });
  }
  return index;
}

/** A file's occurrences, its examples now being `fresh` (intent, example) in order. */
function update(index: Index, file: string, old: readonly Occurrence[], fresh: readonly [string, Example][]): Occurrence[] {
  const same = (o: Occurrence, [intent, example]: [string, Example]) => o.intent === intent && o.example.text === example.text;
  let head = 0;
  while (head < old.length && head < fresh.length && same(old[head]!, fresh[head]!)) head++;
  let tail = 0;
  while (tail < old.length - head && tail < fresh.length - head && same(old[old.length - 1 - tail]!, fresh[fresh.length - 1 - tail]!)) tail++;
  const out: Occurrence[] = new Array(fresh.length);
  for (let i = 0; i < head; i++) {
    const o = old[i]!;
    o.example = fresh[i]![1];
    out[i] = o;
  }
  for (let k = 0; k < tail; k++) {
    const o = old[old.length - 1 - k]!;
    const i = fresh.length - 1 - k;
    o.example = fresh[i]![1];
    o.seq = i;
    out[i] = o;
  }
  for (let i = head; i < old.length - tail; i++) remove(index, old[i]!);
  for (let i = head; i < fresh.length - tail; i++) {
    const o: Occurrence = { file, seq: i, intent: fresh[i]![0], example: fresh[i]![1] };
    put(index, o);
    out[i] = o;
  }
  return out;
}

/** Whether `a` comes before `b` in the project's order. */
const before = (a: Occurrence, b: Occurrence): boolean => (a.file === b.file ? a.seq < b.seq : a.file < b.file);

function put(index: Index, o: Occurrence): void {
  const text = o.example.text;
  const l = index.byText.get(text);
  if (!l) {
    index.byText.set(text, o);
    return;
  }
  const all = Array.isArray(l) ? l : [l];
  let at = all.length;
  while (at > 0 && before(o, all[at - 1]!)) at--;
  all.splice(at, 0, o);
  if (!Array.isArray(l)) index.byText.set(text, all);
  if (all.some((x) => x.intent !== o.intent)) index.conflicts.add(text);
}

function remove(index: Index, o: Occurrence): void {
  const text = o.example.text;
  const l = index.byText.get(text);
  if (!l) return;
  if (!Array.isArray(l)) {
    if (l !== o) return;
    index.byText.delete(text);
    index.conflicts.delete(text);
    return;
  }
  const at = l.indexOf(o);
  if (at < 0) return;
  l.splice(at, 1);
  if (l.length === 1) index.byText.set(text, l[0]!);
  const first = l[0]!.intent;
  if (!l.some((x) => x.intent !== first)) index.conflicts.delete(text);
}

/** The examples of a file's intents, each with its intent (a retrieval intent by its base), in order. */
function examplesOf(doc: RasaDocument): [string, Example][] {
  const out: [string, Example][] = [];
  for (const item of doc.facts.nlu) {
    if (item.kind !== 'intent' || item.examples.length === 0) continue;
    const intent = baseOf(item.name, doc.doc.text).text;
    for (const example of item.examples) out.push([intent, example]);
  }
  return out;
}

// The same example under two intents (verify_example_repetition_in_intents): Rasa compares the
// text it trains on — annotations replaced by their words — exactly, and retrieval intents by
// their base. Reported at every occurrence, each naming the others.
//
// Tens of thousands of examples, checked on every edit: the index of texts to their
// occurrences is kept between checks of one project and brought up to date with the files that
// changed (their examples taken out as they were, put back as they are), so an edit costs what
// the edited file holds.
import type { RelatedInfo } from '../../../definitions/index';
import type { Example } from '../examples';
import type { RasaBot, RasaDocument } from '../model';
import { quoteList } from './names';
import { baseOf } from './uses';
import type { RasaRule } from './types';

const CODE = 'rasa/example-multiple-intents';

/** One occurrence of an example. */
interface Occurrence {
  file: string;
  intent: string;
  example: Example;
}

/** The occurrences of one text: the first, and the others when there are more. */
interface Labels extends Occurrence {
  more?: Occurrence[];
}

interface Index {
  /** The documents the index holds the examples of, by path. */
  docs: Map<string, RasaDocument>;
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
      const l = index.byText.get(text)!;
      const all: Occurrence[] = [l, ...(l.more ?? [])];
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

/** The project's index, brought up to date with its training data files. */
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
  for (const [file, doc] of index.docs) {
    if (now.get(file) === doc) continue;
    eachExample(doc, (_intent, example) => remove(index, example));
    index.docs.delete(file);
  }
  for (const [file, doc] of now) {
    if (index.docs.get(file) === doc) continue;
    eachExample(doc, (intent, example) => put(index, { file, intent, example }));
    index.docs.set(file, doc);
  }
  return index;
}

function put(index: Index, o: Occurrence): void {
  const text = o.example.text;
  const l = index.byText.get(text);
  if (!l) {
    index.byText.set(text, o);
    return;
  }
  (l.more ??= []).push(o);
  if (o.intent !== l.intent) index.conflicts.add(text);
}

function remove(index: Index, example: Example): void {
  const text = example.text;
  let l = index.byText.get(text);
  if (!l) return;
  if (l.example === example) {
    const [next, ...rest] = l.more ?? [];
    if (!next) {
      index.byText.delete(text);
      index.conflicts.delete(text);
      return;
    }
    // The next occurrence becomes the first.
    l = rest.length ? { ...next, more: rest } : { ...next };
    index.byText.set(text, l);
  } else if (l.more) {
    l.more = l.more.filter((o) => o.example !== example);
    if (l.more.length === 0) delete l.more;
  }
  const first = l.intent;
  if (!(l.more ?? []).some((o) => o.intent !== first)) index.conflicts.delete(text);
}

/** The examples of a file's intents, each with its intent (a retrieval intent by its base). */
function eachExample(doc: RasaDocument, f: (intent: string, example: Example) => void): void {
  for (const item of doc.facts.nlu) {
    if (item.kind !== 'intent' || item.examples.length === 0) continue;
    const intent = baseOf(item.name, doc.doc.text).text;
    for (const example of item.examples) f(intent, example);
  }
}

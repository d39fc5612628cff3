// The training index finds exactly the near-duplicate pairs its definition names: two
// utterances of different intents, one locale, different normal forms, Jaccard similarity
// of their token sets at least t, each within the deletions it indexes (⌊(1−t)·n⌋, at most
// two). Checked against all pairs compared one by one, on random training data, built at
// once and after a change of each file.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { extractFacts } from '../../../server/src/formats/native/model/facts';
import type { DocFacts } from '../../../server/src/formats/native/model/facts';
import { TrainingIndex } from '../../../server/src/formats/native/model/training';
import { parseDocument } from '../../../server/src/definitions/parse/document';
import { normalizeUtterance } from '../../../server/src/definitions/text/normalize';

const RUNS = Number(process.env.BOTV_PROPERTY_RUNS ?? 400);
const WORDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'I', 'J', 'k!', 'l m'];

type Intents = { name: string; utterances: { locale: string; text: string }[] }[];

function factsOf(file: string, intents: Intents): DocFacts {
  const lines = ['intents:'];
  for (const i of intents) {
    lines.push(`  - name: ${i.name}`, '    utterances:');
    for (const locale of ['en-US', 'fr-FR']) {
      const texts = i.utterances.filter((u) => u.locale === locale);
      if (texts.length) lines.push(`      ${locale}:`, ...texts.map((u) => `        - ${JSON.stringify(u.text)}`));
    }
  }
  return extractFacts(parseDocument(file, lines.join('\n') + '\n'));
}

/** Every pair the definition names, as "file:offset|file:offset", smaller first. */
function expectedPairs(files: DocFacts[], t: number): string[] {
  const all = files.flatMap((f) =>
    f.intents.flatMap((i) => (i.utterances?.entries ?? []).flatMap((e) => e.texts.map((item) => ({ at: `${f.file}:${item.start}`, intent: i.def.name, locale: e.locale, norm: normalizeUtterance(item.text) })))),
  ).filter((u) => u.norm !== '');
  const set = (norm: string): Set<string> => new Set(norm.split(' '));
  const deletions = (n: number): number => Math.min(2, Math.floor((1 - t) * n + 1e-9), n - 1);
  const out: string[] = [];
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const x = all[i]!;
      const y = all[j]!;
      if (x.intent === y.intent || x.locale !== y.locale || x.norm === y.norm) continue;
      const sx = set(x.norm);
      const sy = set(y.norm);
      const common = [...sx].filter((w) => sy.has(w)).length;
      if (common / (sx.size + sy.size - common) < t) continue;
      if (sx.size - common > deletions(sx.size) || sy.size - common > deletions(sy.size)) continue;
      out.push([x.at, y.at].sort().join('|'));
    }
  }
  return out.sort();
}

function foundPairs(index: TrainingIndex): string[] {
  const out = new Set<string>();
  for (const x of index.records()) for (const y of x.similar?.keys() ?? []) out.add([`${x.file}:${x.item.start}`, `${y.file}:${y.item.start}`].sort().join('|'));
  return [...out].sort();
}

const utterance = fc.record({
  locale: fc.constantFrom('en-US', 'fr-FR'),
  text: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 16 }).map((w) => w.join(' ')),
});
const intents = (prefix: string): fc.Arbitrary<Intents> =>
  fc.array(fc.array(utterance, { maxLength: 6 }), { minLength: 1, maxLength: 3 }).map((list) => list.map((utterances, i) => ({ name: `${prefix}${i % 2}`, utterances })));

describe('definitions: training index', () => {
  it('finds exactly the near-duplicate pairs of the definition, built at once and after each file changes', () => {
    fc.assert(
      fc.property(intents('A'), intents('B'), intents('A'), intents('B'), fc.constantFrom(0.5, 0.6, 0.75, 0.8, 0.9), (a, b, a2, b2, t) => {
        const index = new TrainingIndex();
        const first = [factsOf('a.yaml', a), factsOf('b.yaml', b)];
        index.sync(first, t);
        assert.deepEqual(foundPairs(index), expectedPairs(first, t));
        // Keep most of each file and change some of it, so that records are kept, dropped and added.
        const second = [factsOf('a.yaml', [...a.slice(0, 1), ...a2]), factsOf('b.yaml', [...b2, ...b.slice(-1)])];
        index.sync(second, t);
        assert.deepEqual(foundPairs(index), expectedPairs(second, t));
      }),
      { numRuns: RUNS },
    );
  });
});

/**
 * Generates a large, valid Dialogflow CX agent for benchmarks, laid out as the console exports
 * its JSON package: `agent.json`, `intents/<intent>/<intent>.json` with
 * `trainingPhrases/<lang>.json`, `entityTypes/<type>/<type>.json` with `entities/<lang>.json`,
 * `flows/<flow>/<flow>.json` with `pages/<page>.json` and a route group, agent-level route
 * groups, webhooks and test cases — pretty-printed with two spaces, as the console writes.
 *
 * At its defaults: 3 languages (en, de, fr) × 510 intents × 34 training phrases (52,020
 * phrases, every one unique in its language, some annotated), 20 entity types of 30 entries
 * per language, 52 flows of 10 pages (520 pages), every intent used by a route, every page
 * reached, every page saying something on entry in every language: every check passes.
 * Deterministic.
 *
 *   node --import tsx bench/generate-dialogflow.ts <out-dir> [--intents 510] [--phrases 34] [--flows 52]
 *
 * Library use: `generateLargeCxAgent(options)` returns the files (path → text);
 * `writeLargeCxAgent(dir, options)` writes them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export interface LargeCxOptions {
  languages?: readonly string[];
  intents?: number;
  phrases?: number;
  flows?: number;
  pages?: number;
  types?: number;
  entries?: number;
}

const WORDS = ['order', 'book', 'check', 'change', 'cancel', 'find', 'send', 'track', 'renew', 'report', 'pay', 'move', 'open', 'close', 'update', 'plan'];
const THINGS = ['ticket', 'parcel', 'table', 'room', 'car', 'flight', 'invoice', 'account', 'card', 'meeting', 'delivery', 'subscription', 'return', 'refund', 'voucher', 'appointment'];
const WHEN = ['today', 'tomorrow', 'tonight', 'this week', 'next week', 'soon', 'now', 'later', 'on monday', 'on friday'];

const uuid = (n: number): string => {
  const h = (x: number) => ((x * 2654435761) >>> 0).toString(16).padStart(8, '0');
  const a = h(n + 1);
  const b = h(n * 7 + 3);
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-a${a.slice(0, 3)}-${h(n * 13 + 5)}${b.slice(0, 4)}`;
};
const pretty = (v: unknown): string => JSON.stringify(v, null, 2) + '\n';

export function generateLargeCxAgent(options: LargeCxOptions = {}): Map<string, string> {
  const langs = options.languages ?? ['en', 'de', 'fr'];
  const intents = options.intents ?? 510;
  const phrases = options.phrases ?? 34;
  const flows = options.flows ?? 52;
  const pages = options.pages ?? 10;
  const types = options.types ?? 20;
  const entries = options.entries ?? 30;
  const files = new Map<string, string>();
  let n = 0;
  const intentName = (i: number) => `intent.${String(i).padStart(4, '0')}`;
  const flowName = (f: number) => (f === 0 ? 'Default Start Flow' : `Flow ${String(f).padStart(3, '0')}`);
  const pageName = (f: number, p: number) => `Page ${String(f).padStart(3, '0')}-${p}`;
  const msgs = (text: string) => langs.map((l) => ({ text: { text: [`${l} ${text}`] }, languageCode: l }));
  files.set('agent.json', pretty({ name: uuid(n++), displayName: 'Large Agent', defaultLanguageCode: langs[0], supportedLanguageCodes: langs.slice(1), timeZone: 'Europe/Berlin', startFlow: flowName(0), enableStackdriverLogging: true, enableSpellCorrection: true, advancedSettings: { loggingSettings: {} } }));
  for (let t = 0; t < types; t++) {
    const type = `type-${t}`;
    files.set(`entityTypes/${type}/${type}.json`, pretty({ name: uuid(n++), displayName: type, kind: 'KIND_MAP', autoExpansionMode: 'AUTO_EXPANSION_MODE_DEFAULT', enableFuzzyExtraction: false }));
    for (const l of langs)
      files.set(`entityTypes/${type}/entities/${l}.json`, pretty({ entities: Array.from({ length: entries }, (_, e) => ({ value: `value-${t}-${e}`, synonyms: [`${l} value ${t} ${e}`, `${l} alias ${t} ${e}`], languageCode: l })) }));
  }
  for (let i = 0; i < intents; i++) {
    const name = intentName(i);
    const type = `type-${i % types}`;
    files.set(`intents/${name}/${name}.json`, pretty({ name: uuid(n++), displayName: name, priority: 500000, parameters: [{ id: 'item', entityType: `@${type}` }] }));
    for (const l of langs) {
      const list = [];
      for (let p = 0; p < phrases; p++) {
        const w = WORDS[(i + p) % WORDS.length]!;
        const thing = THINGS[(i * 7 + p) % THINGS.length]!;
        // Every fourth phrase annotates the entity value it names; no plain phrase holds an annotated text.
        const parts = p % 4 === 0 ? [{ text: `${l} ${w} ${thing} ${i} ${p} ` }, { text: `${l} value ${i % types} ${p % entries}`, parameterId: 'item' }, { text: ` ${WHEN[p % WHEN.length]}` }] : [{ text: `${l} ${w} the ${thing} ${i} ${p} ${WHEN[p % WHEN.length]}` }];
        list.push({ id: uuid(n++), parts, repeatCount: 1, languageCode: l });
      }
      files.set(`intents/${name}/trainingPhrases/${l}.json`, pretty({ trainingPhrases: list }));
    }
  }
  files.set('webhooks/lookup.json', pretty({ name: uuid(n++), displayName: 'lookup', genericWebService: { uri: 'https://large.example.com/hook', requestHeaders: {} }, timeout: '5s' }));
  files.set('transitionRouteGroups/Exits.json', pretty({ name: uuid(n++), displayName: 'Exits', transitionRoutes: [{ condition: '$session.params.done = true', targetPage: 'End Session', name: uuid(n++) }] }));
  // Intents spread over the flows' pages: each page routes two intents; the start flow routes to every flow.
  let next = 0;
  const take = (): string => intentName(next++ % intents);
  for (let f = 0; f < flows; f++) {
    const flow = flowName(f);
    const routes: unknown[] = [{ condition: 'true', targetPage: pageName(f, 0), name: uuid(n++) }];
    if (f === 0) for (let g = 1; g < flows; g++) routes.push({ intent: take(), targetFlow: flowName(g), name: uuid(n++) });
    files.set(
      `flows/${flow}/${flow}.json`,
      pretty({
        name: uuid(n++),
        displayName: flow,
        transitionRoutes: routes,
        eventHandlers: [{ event: 'sys.no-match-default', triggerFulfillment: { messages: msgs('Sorry?') }, name: uuid(n++) }],
        transitionRouteGroups: ['Help'],
        nluSettings: { modelType: 'MODEL_TYPE_ADVANCED', classificationThreshold: 0.30000001, modelTrainingMode: 'MODEL_TRAINING_MODE_MANUAL' },
      }),
    );
    files.set(`flows/${flow}/transitionRouteGroups/Help.json`, pretty({ name: uuid(n++), displayName: 'Help', transitionRoutes: [{ intent: take(), targetPage: pageName(f, 0), triggerFulfillment: { messages: msgs('Here is some help.') }, name: uuid(n++) }] }));
    for (let p = 0; p < pages; p++) {
      const page = pageName(f, p);
      const last = p + 1 === pages;
      files.set(
        `flows/${flow}/pages/${page}.json`,
        pretty({
          name: uuid(n++),
          displayName: page,
          entryFulfillment: { messages: msgs(`Welcome to ${page}.`), ...(p === 1 ? { webhook: 'lookup', tag: 'entry' } : {}) },
          form: { parameters: [{ displayName: 'item', entityType: `@type-${(f + p) % types}`, required: p % 2 === 0, fillBehavior: { initialPromptFulfillment: { messages: msgs('Which one?') } } }] },
          transitionRoutes: [
            { intent: take(), targetPage: last ? 'End Flow' : pageName(f, p + 1), name: uuid(n++) },
            { intent: take(), condition: '$page.params.status = "FINAL"', targetPage: last ? 'End Session' : pageName(f, p + 1), triggerFulfillment: { messages: msgs('Next.') }, name: uuid(n++) },
          ],
          eventHandlers: [{ event: 'sys.no-input-default', triggerFulfillment: { messages: msgs('Still there?') }, name: uuid(n++) }],
          ...(p === 0 ? { transitionRouteGroups: ['Exits'] } : {}),
        }),
      );
    }
  }
  // Routes that name the intents no page took yet.
  const start = JSON.parse(files.get(`flows/${flowName(0)}/${flowName(0)}.json`)!) as { transitionRoutes: unknown[] };
  while (next < intents) start.transitionRoutes.push({ intent: take(), targetPage: pageName(0, 0), name: uuid(n++) });
  files.set(`flows/${flowName(0)}/${flowName(0)}.json`, pretty(start));
  files.set('testCases/Smoke.json', pretty({ name: uuid(n++), displayName: 'Smoke', testCaseConversationTurns: [{ userInput: { input: { text: { text: 'en order the ticket 0 1 tomorrow' } } }, virtualAgentOutput: { triggeredIntent: { name: intentName(0) } } }], testConfig: { flow: flowName(0) }, creationTime: { seconds: 1718000000 } }));
  return files;
}

export function writeLargeCxAgent(dir: string, options: LargeCxOptions = {}): { files: number; bytes: number; phrases: number } {
  const files = generateLargeCxAgent(options);
  let bytes = 0;
  for (const [rel, text] of files) {
    const p = join(dir, ...rel.split('/'));
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, text);
    bytes += Buffer.byteLength(text);
  }
  return { files: files.size, bytes, phrases: (options.intents ?? 510) * (options.phrases ?? 34) * (options.languages ?? ['en', 'de', 'fr']).length };
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const out = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
  if (!out) throw new Error('usage: generate-dialogflow.ts <out-dir> [--intents N] [--phrases N] [--flows N]');
  const num = (flag: string) => (args.includes(flag) ? Number(args[args.indexOf(flag) + 1]) : undefined);
  const r = writeLargeCxAgent(resolve(out), { intents: num('--intents'), phrases: num('--phrases'), flows: num('--flows') });
  console.log(`${r.files} files, ${r.bytes} bytes, ${r.phrases} phrases`);
}

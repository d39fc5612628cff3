/**
 * Generates a large, valid Amazon Lex V2 export for benchmarks, laid out as the console
 * exports it: `Manifest.json` beside the bot folder, `Bot.json`, and per locale
 * `BotLocale.json`, `Intents/<intent>/Intent.json` with its `Slots/<slot>/Slot.json`, and
 * `SlotTypes/<type>/SlotType.json`.
 *
 * At its defaults: 3 locales (en_US pretty-printed, es_US and fr_FR minified to one line, as
 * exports often are) × 300 intents × 100 sample utterances, 40 custom slot types of 50 values
 * per locale, one to three slots per intent, next steps between intents, a fallback intent per
 * locale. Every utterance is unique in its locale and every check passes. Deterministic.
 *
 *   node --import tsx bench/generate-lex.ts <out-dir> [--intents 300] [--utterances 100] [--types 40]
 *
 * Library use: `generateLargeLexExport(options)` returns the files (path → text);
 * `writeLargeLexExport(dir, options)` writes them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export interface LargeLexOptions {
  locales?: readonly string[];
  intents?: number;
  utterances?: number;
  types?: number;
  values?: number;
  /** The bot folder's and the bot's name (default LargeBot). */
  name?: string;
}

const WORDS = ['order', 'book', 'check', 'change', 'cancel', 'find', 'send', 'track', 'renew', 'report', 'pay', 'move', 'open', 'close', 'update', 'plan'];
const THINGS = ['ticket', 'parcel', 'table', 'room', 'car', 'flight', 'invoice', 'account', 'card', 'meeting', 'delivery', 'subscription', 'return', 'refund', 'voucher', 'appointment'];
const WHEN = ['today', 'tomorrow', 'tonight', 'this week', 'next week', 'soon', 'now', 'later', 'on monday', 'on friday'];
const POLITE = ['please', 'if you can', 'right away', 'for me', 'thanks', 'quickly', 'again', 'as well', 'once more', 'today please'];

const id10 = (n: number): string => {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  let s = '';
  let x = (n * 2654435761) >>> 0;
  for (let i = 0; i < 10; i++) {
    s += alphabet[x % 36];
    x = Math.floor(x / 36) + i * 7919;
  }
  return s;
};

const message = (text: string) => ({ message: { plainTextMessage: { value: text }, ssmlMessage: null, customPayload: null, imageResponseCard: null }, variations: null });
const step = (type: string, extra: { slot?: string; intent?: string } = {}) => ({
  dialogAction: { type, slotToElicit: extra.slot ?? null, suppressNextMessage: null },
  intent: extra.intent ? { name: extra.intent, slots: null } : null,
  sessionAttributes: null,
});

export function generateLargeLexExport(options: LargeLexOptions = {}): Map<string, string> {
  const locales = options.locales ?? ['en_US', 'es_US', 'fr_FR'];
  const intents = options.intents ?? 300;
  const utterances = options.utterances ?? 100;
  const types = options.types ?? 40;
  const values = options.values ?? 50;
  const name = options.name ?? 'LargeBot';
  const files = new Map<string, string>();
  let n = 0;
  files.set('Manifest.json', JSON.stringify({ metaData: { schemaVersion: '1', fileFormat: 'LexJson', resourceType: 'BOT' } }));
  files.set(
    `${name}/Bot.json`,
    JSON.stringify({ name, version: 'DRAFT', description: 'A large generated bot', identifier: id10(n++), dataPrivacy: { childDirected: false }, idleSessionTTLInSeconds: 300, botTags: null, testBotAliasTags: null }, null, 4),
  );
  locales.forEach((locale, li) => {
    const write = (path: string, value: unknown) => files.set(`${name}/BotLocales/${locale}/${path}`, li === 0 ? JSON.stringify(value, null, 4) : JSON.stringify(value));
    write('BotLocale.json', { name: locale, identifier: locale, version: null, description: null, voiceSettings: { voiceId: 'Joanna', engine: 'neural' }, nluConfidenceThreshold: 0.4 });
    for (let t = 0; t < types; t++) {
      const typeName = `Type${t}`;
      write(`SlotTypes/${typeName}/SlotType.json`, {
        name: typeName,
        identifier: id10(n++),
        description: null,
        slotTypeValues: Array.from({ length: values }, (_, v) => ({ sampleValue: { value: `${locale.slice(0, 2)} value ${t} ${v}` }, synonyms: v % 3 === 0 ? [{ value: `${locale.slice(0, 2)} alias ${t} ${v}` }] : null })),
        valueSelectionSetting: { resolutionStrategy: 'TOP_RESOLUTION', regexFilter: null, advancedRecognitionSetting: null },
        parentSlotTypeSignature: null,
      });
    }
    for (let i = 0; i < intents; i++) {
      const intentName = `Intent${String(i).padStart(3, '0')}`;
      const slotCount = 1 + (i % 3);
      const slots = Array.from({ length: slotCount }, (_, s) => `Slot${s}`);
      const samples: { utterance: string }[] = [];
      for (let u = 0; u < utterances; u++) {
        const w = WORDS[(i + u) % WORDS.length]!;
        const thing = THINGS[(i * 7 + u) % THINGS.length]!;
        const slot = slots[u % slotCount]!;
        samples.push({ utterance: `${locale.slice(0, 2)} ${w} ${thing} ${i} ${u} {${slot}} ${WHEN[u % WHEN.length]} ${POLITE[(u + i) % POLITE.length]}` });
      }
      write(`Intents/${intentName}/Intent.json`, {
        name: intentName,
        identifier: id10(n++),
        description: `Generated intent ${i}`,
        parentIntentSignature: null,
        sampleUtterances: samples,
        intentConfirmationSetting: null,
        intentClosingSetting: {
          closingResponse: { messageGroupsList: [message(`Done with ${intentName}.`)], allowInterrupt: true },
          active: true,
          nextStep: i + 1 < intents ? step('StartIntent', { intent: `Intent${String(i + 1).padStart(3, '0')}` }) : step('EndConversation'),
        },
        initialResponseSetting: { initialResponse: null, nextStep: step('ElicitSlot', { slot: 'Slot0' }), conditional: null, codeHook: null },
        inputContexts: null,
        outputContexts: null,
        kendraConfiguration: null,
        dialogCodeHook: null,
        fulfillmentCodeHook: null,
        slotPriorities: slots.map((s, p) => ({ priority: p + 1, slotName: s })),
      });
      slots.forEach((s, si) => {
        write(`Intents/${intentName}/Slots/${s}/Slot.json`, {
          name: s,
          identifier: id10(n++),
          description: null,
          multipleValuesSetting: { allowMultipleValues: false },
          slotTypeName: si === 2 ? 'AMAZON.Number' : `Type${(i + si) % types}`,
          obfuscationSetting: { obfuscationSettingType: 'None' },
          valueElicitationSetting: {
            slotConstraint: 'Required',
            promptSpecification: { messageGroupsList: [message(`Which ${s} for ${intentName}?`)], maxRetries: 2, allowInterrupt: true },
            sampleUtterances: null,
            slotCaptureSetting: si + 1 < slotCount ? { captureResponse: null, captureNextStep: step('ElicitSlot', { slot: slots[si + 1] }), failureResponse: null, failureNextStep: null } : null,
          },
        });
      });
    }
    write('Intents/FallbackIntent/Intent.json', {
      name: 'FallbackIntent',
      identifier: id10(n++),
      description: 'Default intent when no other intent matches',
      parentIntentSignature: 'AMAZON.FallbackIntent',
      sampleUtterances: null,
      intentClosingSetting: { closingResponse: { messageGroupsList: [message('Sorry?')], allowInterrupt: true }, active: true, nextStep: step('ElicitIntent') },
      slotPriorities: [],
    });
  });
  return files;
}

export function writeLargeLexExport(dir: string, options: LargeLexOptions = {}): { files: number; bytes: number } {
  let bytes = 0;
  const files = generateLargeLexExport(options);
  for (const [rel, text] of files) {
    const p = join(dir, ...rel.split('/'));
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, text);
    bytes += Buffer.byteLength(text);
  }
  return { files: files.size, bytes };
}

if (require.main === module && /generate-lex\.[jt]s$/.test(process.argv[1] ?? '')) {
  const [out, ...rest] = process.argv.slice(2);
  if (!out) throw new Error('usage: generate-lex.ts <out-dir> [--intents N] [--utterances N] [--types N]');
  const opt = (name: string) => {
    const i = rest.indexOf(name);
    return i >= 0 ? Number(rest[i + 1]) : undefined;
  };
  const r = writeLargeLexExport(resolve(out), { intents: opt('--intents'), utterances: opt('--utterances'), types: opt('--types') });
  console.log(`${r.files} files, ${r.bytes} bytes`);
}

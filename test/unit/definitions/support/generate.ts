// A large bot for speed and survival tests (the bench has its own generator): N intents
// with M utterances each in two locales, flows, responses and slot types, spread over files.

/** A small deterministic PRNG (mulberry32), so every run builds the same bot. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'pe', 'da', 'zu', 'ri', 'mo', 'fa', 'gi', 'bu'];

export interface GeneratedBot {
  /** Paths relative to the bot folder → text. */
  files: Map<string, string>;
  bytes: number;
}

/** Builds a bot of `intents` intents × `utterances` utterances per locale, in about `fileCount` files. */
export function generateBot(intents = 2000, utterances = 20, fileCount = 80): GeneratedBot {
  const rand = rng(42);
  const vocab: string[] = [];
  for (let i = 0; i < 3000; i++) {
    const n = 1 + Math.floor(rand() * 3);
    let w = '';
    for (let j = 0; j < n; j++) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
    vocab.push(i < 200 ? w : w + i.toString(36));
  }
  // Word use follows Zipf's law, as in real language: a few words everywhere, most words rare.
  const cumulative: number[] = [];
  let sum = 0;
  for (let i = 0; i < vocab.length; i++) cumulative.push((sum += 1 / (i + 1)));
  const word = (): string => {
    const x = rand() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return vocab[lo]!;
  };
  const sentence = (slot: boolean): string => {
    const n = 5 + Math.floor(rand() * 8);
    const words: string[] = [];
    for (let i = 0; i < n; i++) words.push(word());
    if (slot) words.splice(1 + Math.floor(rand() * (n - 1)), 0, '{item}');
    return words.join(' ');
  };
  const files = new Map<string, string>();
  const intentFiles = Math.max(1, fileCount - 4);
  const perFile = Math.ceil(intents / intentFiles);
  let manifest = 'bot:\n  id: big-bot\n  name: Big bot\n  locales: [en-US, fr-FR]\n  defaultLocale: en-US\ninclude: [intents/*.yaml, flows/*.yaml, responses/*.yaml, types/*.yaml]\n';
  manifest += 'variables:\n  API_URL:\n    default: https://staging.example.com\n    environments: { production: https://api.example.com }\n';
  manifest += 'functions:\n  - name: lookup\n    url: ${API_URL}/lookup\n    method: POST\n';
  files.set('bot.yaml', manifest);
  files.set('types/types.yaml', 'slotTypes:\n  - name: Item\n    values:\n      - value: thing\n        synonyms: { en-US: [object], fr-FR: [chose] }\n');
  let flows = 'flows:\n  - name: welcome\n    trigger: { event: welcome }\n    steps:\n      - say: r_welcome\n      - call: lookup\n';
  let responses = 'responses:\n  r_welcome:\n    en-US: [Hello]\n    fr-FR: [Bonjour]\n';
  for (let f = 0; f < intentFiles; f++) {
    let text = 'intents:\n';
    for (let k = 0; k < perFile; k++) {
      const i = f * perFile + k;
      if (i >= intents) break;
      text += `  - name: Intent${i}\n    utterances:\n`;
      for (const locale of ['en-US', 'fr-FR']) {
        text += `      ${locale}:\n`;
        for (let u = 0; u < utterances; u++) text += `        - ${sentence(u % 5 === 0)}\n`;
      }
      text += `    slots:\n      - name: item\n        type: Item\n        prompt: { en-US: Which one?, fr-FR: Lequel ? }\n`;
      flows += `  - name: flow${i}\n    trigger: { intent: Intent${i} }\n    steps:\n      - ask: item\n      - say: r${i}\n`;
      responses += `  r${i}:\n    en-US:\n      - Done with {item}, ${word()}.\n    fr-FR:\n      - Fini avec {item}, ${word()}.\n`;
    }
    files.set(`intents/part${String(f).padStart(3, '0')}.yaml`, text);
  }
  files.set('flows/flows.yaml', flows);
  files.set('responses/responses.yaml', responses);
  let bytes = 0;
  for (const t of files.values()) bytes += Buffer.byteLength(t);
  return { files, bytes };
}

/**
 * Generates a large, valid Rasa 3.x project for benchmarks, laid out as a real one: `config.yml`,
 * a `domain/` folder with one file per topic, NLU data split by topic under `data/nlu/`, stories and
 * rules spread over several files, test stories, `endpoints.yml` and `credentials.yml`.
 *
 * At scale 1: 20 topics, 324 intents, 32,016 examples, 185 rules and 900 stories, 525 responses,
 * 20 forms, in 61 files (about 2.3 MB). `--scale N` multiplies the topics (and so everything else)
 * by N. Deterministic for a given seed.
 *
 *   node --import tsx bench/generate-rasa.ts <out-dir> [--scale 1] [--examples 100] [--stories 900] [--seed 1]
 *
 * The project passes every check of `rasa data validate` and of the Rasa format's own rules, with one
 * documented exception of Rasa itself: Rasa 3.6 warns that the form prompts (`utter_ask_<slot>`, one per
 * topic form) are "not used in any story or rule"; Bot Versions treats prompts of form-required slots as
 * used, so it reports nothing.
 *
 * Library use: `generateLargeRasaProject(options)` returns the files (path → text);
 * `writeLargeRasaProject(dir, options)` writes them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Options of the generator. */
export interface LargeRasaOptions {
  /** Multiplies the number of topics (default 1 → 20 topics of 16 intents). */
  scale?: number;
  /** Examples per topic intent (default 100). */
  examples?: number;
  /** Stories per 20 topics (default 900, spread over 10 files). */
  stories?: number;
  /** Seed of the pseudo-random choices (default 1). */
  seed?: number;
  /** `assistant_id` of the project (default `benchmark-assistant`). */
  assistantId?: string;
}

/** A topic: a name, the four things its users talk about, and four verbs they use. */
type Topic = readonly [name: string, objects: readonly string[], verbs: readonly string[], entity: EntityKind];
type EntityKind = 'amount' | 'date' | 'city';

const TOPICS: readonly Topic[] = [
  ['billing', ['invoice', 'direct debit', 'payment plan', 'refund'], ['check', 'change', 'cancel', 'explain'], 'amount'],
  ['cards', ['debit card', 'credit limit', 'card pin', 'contactless payments'], ['activate', 'block', 'replace', 'reset'], 'date'],
  ['loans', ['personal loan', 'mortgage offer', 'repayment date', 'overpayment'], ['apply for', 'review', 'move', 'make'], 'amount'],
  ['savings', ['savings pot', 'interest rate', 'isa allowance', 'fixed bond'], ['open', 'compare', 'top up', 'close'], 'amount'],
  ['travel', ['train ticket', 'seat reservation', 'flight booking', 'hotel room'], ['book', 'change', 'cancel', 'upgrade'], 'city'],
  ['insurance', ['home policy', 'car cover', 'claim form', 'policy excess'], ['renew', 'start', 'submit', 'lower'], 'date'],
  ['telecom', ['phone contract', 'data bundle', 'sim card', 'roaming pass'], ['upgrade', 'add', 'swap', 'pause'], 'date'],
  ['energy', ['meter reading', 'gas tariff', 'smart meter', 'energy bill'], ['submit', 'switch', 'install', 'split'], 'date'],
  ['delivery', ['parcel', 'delivery slot', 'return label', 'courier note'], ['track', 'reschedule', 'print', 'leave'], 'city'],
  ['health', ['gp appointment', 'prescription', 'test result', 'referral letter'], ['book', 'renew', 'get', 'chase'], 'date'],
  ['education', ['course place', 'exam date', 'student finance', 'transcript'], ['apply for', 'move', 'defer', 'request'], 'date'],
  ['housing', ['rent payment', 'repair job', 'tenancy agreement', 'rent deposit'], ['pay', 'report', 'extend', 'reclaim'], 'amount'],
  ['retail', ['online order', 'gift card', 'store pickup', 'price match'], ['place', 'redeem', 'arrange', 'ask for'], 'city'],
  ['fitness', ['gym membership', 'class booking', 'personal trainer', 'locker'], ['freeze', 'book', 'hire', 'rent'], 'date'],
  ['council', ['bin collection', 'parking permit', 'council tax', 'library card'], ['schedule', 'apply for', 'query', 'renew'], 'city'],
  ['it_support', ['password', 'work laptop', 'vpn access', 'office printer'], ['reset', 'repair', 'request', 'set up'], 'date'],
  ['hr', ['annual leave', 'payslip', 'sick note', 'pension scheme'], ['request', 'download', 'send', 'join'], 'date'],
  ['restaurant', ['table booking', 'takeaway order', 'allergy menu', 'dining voucher'], ['make', 'track', 'see', 'use'], 'city'],
  ['pets', ['vet visit', 'pet insurance', 'grooming slot', 'microchip record'], ['book', 'claim on', 'arrange', 'update'], 'date'],
  ['cars', ['mot test', 'car service', 'tyre change', 'breakdown cover'], ['book', 'move', 'get', 'extend'], 'city'],
];

const REGIONS = ['north', 'south', 'east', 'west', 'central', 'coastal', 'valley', 'harbour', 'highland', 'lakeside'];

const TEMPLATES = [
  'I want to {v} my {o}', 'can you {v} the {o} for me', 'please {v} my {o}', 'how do I {v} a {o}', 'I need to {v} my {o}',
  'help me {v} the {o}', "I'd like to {v} my {o}", 'is it possible to {v} my {o}', 'could you {v} my {o}', '{v} my {o}',
  'I have to {v} the {o}', 'what do I need to {v} a {o}', 'where can I {v} my {o}', 'can I {v} my {o} online', 'let me {v} the {o}',
  'I would love to {v} my {o}', 'time to {v} the {o}', 'quickly {v} my {o}', 'I am trying to {v} my {o}', 'go ahead and {v} the {o}',
  'why can I not {v} my {o}', 'I must {v} my {o} soon', 'remind me how to {v} the {o}', 'need help to {v} a {o}', 'start to {v} my {o}',
  'I forgot how to {v} my {o}', 'show me how to {v} the {o}', 'assist me to {v} my {o}', 'can we {v} the {o} together', 'I plan to {v} my {o}',
];
const PREFIXES = ['', 'hi, ', 'hello, ', 'quick question: ', 'sorry to bother you, '];
const SUFFIXES = ['', ' please', ' today', ' right now', ' if you can', ' as soon as possible'];

const CITIES = ['Leeds', 'Cardiff', 'York', 'Bristol', 'Glasgow', 'Belfast', 'Norwich', 'Exeter', 'Derby', 'Bath', 'Oxford', 'Durham'];
const DATES = ['next monday', 'tomorrow', 'the 3rd of may', 'this friday', 'next week', 'the end of the month'];
const AMOUNTS = ['25', '40', '120', '250', '75.50', '1000'];
const CITY_SYNONYMS: readonly [text: string, value: string][] = [['the capital', 'London'], ['Edinburgh city', 'Edinburgh']];

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

const pad = (n: number, w = 4) => String(n).padStart(w, '0');
const snake = (s: string) => s.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '').toLowerCase();
const q = (s: string) => JSON.stringify(s);

interface IntentSpec {
  name: string;
  topic: string;
  verb: string;
  object: string;
  /** Answered by a rule (true) or only in stories (false); index 0 of a topic starts its form. */
  kind: 'form' | 'rule' | 'story';
  tip?: string;
}

/** The files of a large Rasa project, path → text. */
export function generateLargeRasaProject(options: LargeRasaOptions = {}): Map<string, string> {
  const scale = Math.max(1, Math.floor(options.scale ?? 1));
  const perIntent = options.examples ?? 100;
  const storyCount = Math.round((options.stories ?? 900) * scale);
  const rand = rng(options.seed ?? 1);
  const files = new Map<string, string>();
  const usedTexts = new Set<string>();

  const topics: { name: string; region: string; def: Topic }[] = [];
  for (let r = 0; r < scale; r++) {
    for (const def of TOPICS) {
      const region = r === 0 ? '' : REGIONS[(r - 1) % REGIONS.length]! + (r > REGIONS.length ? String(r) : '');
      topics.push({ name: region ? `${def[0]}_${region}` : def[0], region, def });
    }
  }

  files.set(
    'config.yml',
    `# Generated benchmark assistant: ${topics.length} topics, ${topics.length * 16 + 4} intents.
recipe: default.v1
assistant_id: ${options.assistantId ?? 'benchmark-assistant'}
language: en

pipeline:
  - name: WhitespaceTokenizer
  - name: RegexFeaturizer
  - name: LexicalSyntacticFeaturizer
  - name: CountVectorsFeaturizer
  - name: CountVectorsFeaturizer
    analyzer: char_wb
    min_ngram: 1
    max_ngram: 4
  - name: DIETClassifier
    epochs: 100
  - name: EntitySynonymMapper
  - name: FallbackClassifier
    threshold: 0.4

policies:
  - name: MemoizationPolicy
  - name: RulePolicy
  - name: TEDPolicy
    max_history: 5
    epochs: 100
`,
  );
  files.set(
    'endpoints.yml',
    `action_endpoint:
  url: "http://localhost:5055/webhook"

tracker_store:
  type: SQL
  dialect: "postgresql"
  url: "localhost"
  db: "benchmark"
  username: "\${DB_USER}"
  password: "\${DB_PASSWORD}"
`,
  );
  files.set('credentials.yml', `rest:\n\nsocketio:\n  user_message_evt: user_uttered\n  bot_message_evt: bot_uttered\n  session_persistence: true\n`);

  // common intents, shared entities and slots
  files.set(
    'domain/common.yml',
    `version: "3.1"

intents:
  - greet
  - goodbye
  - thank
  - bot_challenge

entities:
  - amount
  - date
  - city:
      roles:
        - origin
        - destination

slots:
  amount:
    type: float
    min_value: 0
    max_value: 100000
    influence_conversation: false
    mappings:
      - type: from_entity
        entity: amount
  date:
    type: text
    influence_conversation: false
    mappings:
      - type: from_entity
        entity: date
  city:
    type: text
    influence_conversation: false
    mappings:
      - type: from_entity
        entity: city

responses:
  utter_greet:
    - text: "Hello! How can I help you today?"
    - text: "Hi there, what can I do for you?"
  utter_goodbye:
    - text: "Goodbye, and have a nice day."
    - text: "Bye for now!"
  utter_youre_welcome:
    - text: "You're welcome!"
  utter_iamabot:
    - text: "I'm a virtual assistant."
  utter_default:
    - text: "Sorry, I didn't get that. Could you rephrase?"

session_config:
  session_expiration_time: 60
  carry_over_slots_to_new_session: true
`,
  );

  files.set(
    'data/nlu/common.yml',
    `version: "3.1"

nlu:
  - intent: greet
    examples: |
      - hi
      - hello
      - hey there
      - good morning
      - good evening

  - intent: goodbye
    examples: |
      - bye
      - goodbye
      - see you later
      - talk to you soon

  - intent: thank
    examples: |
      - thanks
      - thank you
      - thanks a lot
      - cheers

  - intent: bot_challenge
    examples: |
      - are you a bot?
      - am I talking to a human?
      - are you a real person

${CITY_SYNONYMS.map(([t, v]) => `  - synonym: ${v}\n    examples: |\n      - ${t}\n`).join('\n')}
  - lookup: city
    examples: |
${[...CITIES, ...CITY_SYNONYMS.map(([, v]) => v)].map((c) => `      - ${c}`).join('\n')}

  - regex: amount
    examples: |
      - \\d+(\\.\\d{1,2})?
`,
  );

  const ruleFiles: string[][] = [[], [], [], [], []];
  ruleFiles[0]!.push(
    ruleBlock('greet', [['intent', 'greet'], ['action', 'utter_greet']]),
    ruleBlock('say goodbye', [['intent', 'goodbye'], ['action', 'utter_goodbye']]),
    ruleBlock('answer thanks', [['intent', 'thank'], ['action', 'utter_youre_welcome']]),
    ruleBlock('say who is talking', [['intent', 'bot_challenge'], ['action', 'utter_iamabot']]),
    ruleBlock('ask to rephrase', [['intent', 'nlu_fallback'], ['action', 'utter_default']]),
  );

  const storyIntents: IntentSpec[] = [];
  const formStories: string[] = [];
  const testStories: string[] = [];

  topics.forEach((t, ti) => {
    const [, objects, verbs, entity] = t.def;
    const intents: IntentSpec[] = [];
    for (let oi = 0; oi < 4; oi++) {
      for (let vi = 0; vi < 4; vi++) {
        const i = oi * 4 + vi;
        const verb = verbs[vi]!;
        const object = t.region ? `${objects[oi]!} at the ${t.region} office` : objects[oi]!;
        intents.push({ name: `${t.name}_${snake(verb)}_${snake(objects[oi]!)}`, topic: t.name, verb, object, kind: i === 0 ? 'form' : i < 8 ? 'rule' : 'story' });
      }
    }
    const form = `${t.name}_form`;
    const refSlot = `${t.name}_reference`;

    // NLU, one file per topic
    let nlu = `version: "3.1"\n\nnlu:\n`;
    for (const it of intents) {
      nlu += `  - intent: ${it.name}\n    examples: |\n`;
      const start = Math.floor(rand() * TEMPLATES.length);
      const step = 1 + Math.floor(rand() * 6);
      let made = 0;
      for (let k = 0; made < perIntent && k < TEMPLATES.length * PREFIXES.length * SUFFIXES.length * 2; k++) {
        const tpl = TEMPLATES[(start + k * step) % TEMPLATES.length]!;
        const prefix = PREFIXES[Math.floor(k / TEMPLATES.length) % PREFIXES.length]!;
        const round = Math.floor(k / (TEMPLATES.length * PREFIXES.length));
        let suffix = SUFFIXES[(k + round) % SUFFIXES.length]!;
        let annotated = '';
        if (k % 7 === 3) annotated = entityPhrase(entity, k, ti);
        const core = tpl.replace('{v}', it.verb).replace('{o}', it.object);
        const plainSuffix = annotated ? annotated.replace(/\[([^\]]+)\](\([^)]*\)|\{[^}]*\})/g, '$1') : suffix;
        const plain = prefix + core + plainSuffix + (round > 1 ? ` (${round})` : '');
        if (usedTexts.has(plain)) continue;
        usedTexts.add(plain);
        if (annotated) suffix = annotated;
        nlu += `      - ${prefix}${core}${suffix}${round > 1 ? ` (${round})` : ''}\n`;
        made++;
      }
      nlu += '\n';
    }
    files.set(`data/nlu/${t.name}.yml`, nlu.replace(/\n\n$/, '\n'));

    // domain, one file per topic
    let dom = `version: "3.1"\n\nintents:\n${intents.map((i) => `  - ${i.name}\n`).join('')}\n`;
    dom += `slots:\n  ${refSlot}:\n    type: text\n    influence_conversation: false\n    mappings:\n      - type: from_text\n        conditions:\n          - active_loop: ${form}\n            requested_slot: ${refSlot}\n\n`;
    dom += `forms:\n  ${form}:\n    required_slots:\n      - ${refSlot}\n\n`;
    dom += `responses:\n`;
    dom += `  utter_ask_${refSlot}:\n    - text: ${q(`What is the reference number of your ${t.def[1][0]!}?`)}\n`;
    dom += `  utter_${t.name}_request_logged:\n    - text: ${q(`Thanks, your ${t.def[0].replace('_', ' ')} request {${refSlot}} is logged.`)}\n`;
    dom += `  utter_${t.name}_next_steps:\n    - text: ${q('We will email you within one working day.')}\n    - text: ${q('Expect an email from us by tomorrow.')}\n`;
    intents.forEach((it, k) => {
      if (it.kind === 'form') return; // answered by its form
      const variations = 1 + (k % 3);
      dom += `  utter_${it.name}:\n`;
      for (let v = 0; v < variations; v++) dom += `    - text: ${q(answerText(it, v))}\n`;
      if (it.kind === 'story') {
        it.tip = `utter_${t.name}_tip_${k - 7}`;
        dom += `  ${it.tip}:\n    - text: ${q(`Tip: you can also ${it.verb} your ${it.object} in the app.`)}\n`;
      }
    });
    dom += `\nactions:\n  - action_${t.name}_submit\n`;
    files.set(`domain/${t.name}.yml`, dom);

    // rules: one per rule intent, plus the form's two rules
    const rf = ruleFiles[ti % ruleFiles.length]!;
    for (const it of intents) {
      if (it.kind === 'rule') rf.push(ruleBlock(`answer ${it.name}`, [['intent', it.name], ['action', `utter_${it.name}`]]));
    }
    const trigger = intents[0]!;
    rf.push(ruleBlock(`start the ${form}`, [['intent', trigger.name], ['action', form], ['active_loop', form]]));
    rf.push(
      ruleBlock(`submit the ${form}`, [['action', form], ['active_loop', 'null'], ['slot_was_set', 'requested_slot: null'], ['action', `action_${t.name}_submit`], ['action', `utter_${t.name}_request_logged`], ['action', `utter_${t.name}_next_steps`]], `      - active_loop: ${form}\n`),
    );
    formStories.push(
      `  - story: ${t.name} request through the form\n    steps:\n      - intent: ${trigger.name}\n      - action: ${form}\n      - active_loop: ${form}\n      - slot_was_set:\n          - requested_slot: ${refSlot}\n      - intent: ${intents[8]!.name}\n      - action: ${form}\n      - slot_was_set:\n          - ${refSlot}: REF-${pad(ti, 5)}\n      - active_loop: null\n      - slot_was_set:\n          - requested_slot: null\n      - action: action_${t.name}_submit\n      - action: utter_${t.name}_request_logged\n      - action: utter_${t.name}_next_steps\n`,
    );
    storyIntents.push(...intents.filter((i) => i.kind !== 'form'));
    if (ti < 10) {
      const it = intents[1]!;
      testStories.push(`  - story: ${it.name}\n    steps:\n      - user: |\n          I need to ${it.verb} my ${it.object}\n        intent: ${it.name}\n      - action: utter_${it.name}\n`);
    }
  });

  // rules files
  ruleFiles.forEach((blocks, k) => {
    files.set(`data/rules/rules_${pad(k + 1, 2)}.yml`, `version: "3.1"\n\nrules:\n${blocks.join('\n')}`);
  });

  // stories: every story-only intent is covered, the rest are random walks over topic intents;
  // the actions after a user turn depend on the intent alone, so stories never conflict
  const turn = (it: IntentSpec) => `      - intent: ${it.name}\n      - action: utter_${it.name}\n${it.tip ? `      - action: ${it.tip}\n` : ''}`;
  const storyOnly = storyIntents.filter((i) => i.kind === 'story');
  const stories: string[] = [...formStories];
  for (let s = 0; stories.length < storyCount; s++) {
    const first = s < storyOnly.length ? storyOnly[s]! : storyIntents[Math.floor(rand() * storyIntents.length)]!;
    const len = 1 + Math.floor(rand() * 3);
    const seq = [first];
    for (let k = 1; k < len; k++) seq.push(storyIntents[Math.floor(rand() * storyIntents.length)]!);
    const greet = s % 5 === 0;
    stories.push(
      `  - story: story ${pad(s + 1, 5)} ${seq.map((i) => i.name).join(' then ')}\n    steps:\n${greet ? '      - intent: greet\n      - action: utter_greet\n' : ''}${seq.map(turn).join('')}${s % 4 === 1 ? '      - intent: thank\n      - action: utter_youre_welcome\n' : ''}`,
    );
  }
  const per = Math.ceil(stories.length / 10);
  for (let k = 0; k < 10; k++) {
    files.set(`data/stories/stories_${pad(k + 1, 2)}.yml`, `version: "3.1"\n\nstories:\n${stories.slice(k * per, (k + 1) * per).join('\n')}`);
  }
  files.set('tests/test_stories.yml', `version: "3.1"\n\nstories:\n${testStories.join('\n')}`);

  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}

function entityPhrase(kind: EntityKind, k: number, ti: number): string {
  const n = k + ti;
  if (kind === 'amount') return ` of [${AMOUNTS[n % AMOUNTS.length]!}](amount) pounds`;
  if (kind === 'date') return ` for [${DATES[n % DATES.length]!}](date)`;
  if (n % 5 === 0) return ` from [${CITIES[n % CITIES.length]!}]{"entity": "city", "role": "origin"} to [${CITIES[(n + 3) % CITIES.length]!}]{"entity": "city", "role": "destination"}`;
  if (n % 5 === 2) {
    const [text, value] = CITY_SYNONYMS[n % CITY_SYNONYMS.length]!;
    return ` in [${text}](city:${value})`;
  }
  return ` in [${CITIES[n % CITIES.length]!}](city)`;
}

function answerText(it: IntentSpec, v: number): string {
  const what = `${it.verb} your ${it.object}`;
  return [`Sure, I can ${what}. It takes about a minute.`, `Okay! Let's ${what} together.`, `No problem: to ${what}, I'll need a couple of details.`][v]!;
}

function ruleBlock(name: string, steps: [string, string][], condition?: string): string {
  let out = `  - rule: ${name}\n`;
  if (condition) out += `    condition:\n${condition}`;
  out += `    steps:\n`;
  for (const [k, v] of steps) out += k === 'slot_was_set' ? `      - slot_was_set:\n          - ${v}\n` : `      - ${k}: ${v}\n`;
  return out;
}

/** Writes the large project into `dir`; returns how many files and bytes were written. */
export function writeLargeRasaProject(dir: string, options: LargeRasaOptions = {}): { files: number; bytes: number } {
  let bytes = 0;
  const files = generateLargeRasaProject(options);
  for (const [path, text] of files) {
    const p = join(dir, ...path.split('/'));
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, text);
    bytes += Buffer.byteLength(text);
  }
  return { files: files.size, bytes };
}

function cli(argv: string[]): void {
  const out = argv.find((a, i) => !a.startsWith('--') && (i === 0 || !argv[i - 1]!.startsWith('--')));
  if (!out) {
    process.stderr.write('usage: node --import tsx bench/generate-rasa.ts <out-dir> [--scale 1] [--examples 100] [--stories 900] [--seed 1]\n');
    process.exitCode = 2;
    return;
  }
  const num = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? Number(argv[i + 1]) : undefined;
  };
  const opts: LargeRasaOptions = {};
  const scale = num('--scale');
  const examples = num('--examples');
  const stories = num('--stories');
  const seed = num('--seed');
  if (scale !== undefined) opts.scale = scale;
  if (examples !== undefined) opts.examples = examples;
  if (stories !== undefined) opts.stories = stories;
  if (seed !== undefined) opts.seed = seed;
  const r = writeLargeRasaProject(resolve(out), opts);
  process.stdout.write(`wrote ${r.files} files, ${(r.bytes / 1024 / 1024).toFixed(2)} MB to ${out}\n`);
}

if (require.main === module) cli(process.argv.slice(2));

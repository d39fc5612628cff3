/**
 * Generates a large, valid bot for benchmarks: by default 2,000 intents with 20
 * utterances in each of en-US and fr-FR (80,000 utterances), their slots, slot types,
 * responses and flows — about 5 MB in about 80 files, in the format of DESIGN.md §2.
 * Deterministic for a given seed.
 *
 *   node --import tsx bench/generate-bot.ts <out-dir> [--intents 2000] [--utterances 20] [--seed 1] [--id big-bot]
 *
 * Library use: `generateLargeBot(options)` returns the files (path → text);
 * `writeLargeBot(dir, options)` writes them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Options of the generator. */
export interface LargeBotOptions {
  /** Bot id (default `big-bot`). */
  id?: string;
  /** Number of intents (default 2000). */
  intents?: number;
  /** Utterances per intent and locale (default 20). */
  utterances?: number;
  /** Intents per intents file (default 50, so 40 files). */
  intentsPerFile?: number;
  /** Flows per flows file (default 100, so 20 files). */
  flowsPerFile?: number;
  /** Responses per responses file (default 106, so 19 files). */
  responsesPerFile?: number;
  /** Seed of the pseudo-random choices (default 1). */
  seed?: number;
}

const LOCALES = ['en-US', 'fr-FR'] as const;

const ADJ = ['red', 'blue', 'green', 'quiet', 'fast', 'large', 'small', 'early', 'late', 'bright', 'dark', 'fresh', 'local', 'remote', 'daily', 'weekly', 'monthly', 'yearly', 'cheap', 'premium', 'basic', 'family', 'business', 'student', 'senior', 'junior', 'express', 'standard', 'digital', 'paper', 'mobile', 'home', 'office', 'travel', 'winter', 'summer', 'spring', 'autumn', 'night', 'morning', 'weekend', 'holiday', 'urgent', 'simple', 'shared', 'private', 'public', 'special', 'annual', 'instant'];
const NOUN = ['account', 'booking', 'card', 'delivery', 'invoice', 'order', 'parcel', 'payment', 'plan', 'refund', 'reservation', 'subscription', 'ticket', 'voucher', 'table', 'room', 'flight', 'train', 'car', 'bike', 'loan', 'policy', 'claim', 'appointment', 'lesson', 'course', 'membership', 'gift', 'coupon', 'statement', 'transfer', 'deposit', 'profile', 'password', 'address', 'contract', 'meter', 'bill', 'package', 'upgrade'];
const ADJ_FR = ['rouge', 'bleu', 'vert', 'calme', 'rapide', 'grand', 'petit', 'matinal', 'tardif', 'clair', 'sombre', 'frais', 'local', 'distant', 'quotidien', 'hebdomadaire', 'mensuel', 'annuel', 'économique', 'premium', 'basique', 'familial', 'professionnel', 'étudiant', 'senior', 'junior', 'express', 'standard', 'numérique', 'papier', 'mobile', 'domestique', 'de bureau', 'de voyage', "d'hiver", "d'été", 'de printemps', "d'automne", 'de nuit', 'du matin', 'du week-end', 'de vacances', 'urgent', 'simple', 'partagé', 'privé', 'public', 'spécial', 'de fin d’année', 'instantané'];
const NOUN_FR = ['compte', 'réservation', 'carte', 'livraison', 'facture', 'commande', 'colis', 'paiement', 'forfait', 'remboursement', 'place', 'abonnement', 'billet', 'bon', 'table', 'chambre', 'vol', 'train', 'voiture', 'vélo', 'prêt', 'contrat', 'sinistre', 'rendez-vous', 'leçon', 'cours', 'adhésion', 'cadeau', 'coupon', 'relevé', 'virement', 'dépôt', 'profil', 'mot de passe', 'adresse', 'bail', 'compteur', 'note', 'paquet', 'surclassement'];
const VERB = ['check', 'change', 'cancel', 'renew', 'open', 'close', 'track', 'pay', 'update', 'find', 'book', 'confirm', 'move', 'pause', 'resume', 'split', 'report', 'transfer', 'print', 'share'];
const VERB_FR = ['vérifier', 'modifier', 'annuler', 'renouveler', 'ouvrir', 'fermer', 'suivre', 'payer', 'mettre à jour', 'trouver', 'réserver', 'confirmer', 'déplacer', 'suspendre', 'reprendre', 'partager', 'signaler', 'transférer', 'imprimer', 'envoyer'];

const TEMPLATES_EN = [
  'I want to {v} my {t}', 'can you {v} the {t} for me', 'please {v} my {t}', 'how do I {v} a {t}', 'I need to {v} my {t} today',
  'help me {v} the {t}', "I'd like to {v} my {t}", 'is it possible to {v} my {t}', 'could you {v} my {t} please', '{v} my {t}',
  'I have to {v} the {t} right now', 'what do I need to {v} a {t}', 'where can I {v} my {t}', 'can I {v} my {t} online', 'let me {v} the {t}',
  'I would love to {v} my {t}', 'time to {v} the {t}', 'quickly {v} my {t}', 'I am trying to {v} my {t}', 'go ahead and {v} the {t}',
  'why can I not {v} my {t}', 'I must {v} my {t} before friday', 'remind me how to {v} the {t}', 'need help to {v} a {t}', 'start to {v} my {t}',
  'I forgot how to {v} my {t}', 'show me how to {v} the {t}', 'assist me to {v} my {t}', 'can we {v} the {t} together', 'I plan to {v} my {t}',
];
const TEMPLATES_FR = [
  'je veux {v} mon {t}', 'pouvez-vous {v} le {t} pour moi', "merci de {v} mon {t}", 'comment {v} un {t}', "je dois {v} mon {t} aujourd'hui",
  'aidez-moi à {v} le {t}', "j'aimerais {v} mon {t}", 'est-il possible de {v} mon {t}', "pourriez-vous {v} mon {t} s'il vous plaît", '{v} mon {t}',
  'il faut que je {v} le {t} maintenant', 'que faut-il pour {v} un {t}', 'où puis-je {v} mon {t}', 'puis-je {v} mon {t} en ligne', 'laissez-moi {v} le {t}',
  "j'adorerais {v} mon {t}", 'il est temps de {v} le {t}', 'vite, {v} mon {t}', "j'essaie de {v} mon {t}", 'allez-y, {v} le {t}',
  'pourquoi je ne peux pas {v} mon {t}', 'je dois {v} mon {t} avant vendredi', 'rappelez-moi comment {v} le {t}', "besoin d'aide pour {v} un {t}", 'je commence à {v} mon {t}',
  "j'ai oublié comment {v} mon {t}", 'montrez-moi comment {v} le {t}', 'assistez-moi pour {v} mon {t}', 'pouvons-nous {v} le {t} ensemble', 'je prévois de {v} mon {t}',
];

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
const q = (s: string) => (/^[\w ,.-]+$/.test(s) && !/^(yes|no|on|off|true|false|null)$/i.test(s) ? s : JSON.stringify(s));

/** The files of a large bot, path → text. */
export function generateLargeBot(options: LargeBotOptions = {}): Map<string, string> {
  const id = options.id ?? 'big-bot';
  const intents = options.intents ?? 2000;
  const utterances = options.utterances ?? 20;
  const perIntentFile = options.intentsPerFile ?? 50;
  const perFlowFile = options.flowsPerFile ?? 100;
  const perResponseFile = options.responsesPerFile ?? 106;
  const rand = rng(options.seed ?? 1);
  const files = new Map<string, string>();
  const slotTypes = 24;
  const width = Math.max(2, String(Math.ceil(intents / perIntentFile)).length);

  files.set(
    'bot.yaml',
    `# Generated benchmark bot: ${intents} intents, ${intents * utterances * LOCALES.length} utterances.
bot:
  id: ${id}
  name: Benchmark bot
  description: A large generated bot for performance measurements.
  locales: [${LOCALES.join(', ')}]
  defaultLocale: en-US

include: [slots/*.yaml, intents/*.yaml, responses/*.yaml, flows/*.yaml]

variables:
  API_URL:
    default: https://staging.example.com/api
    environments:
      production: https://api.example.com

functions:
  - name: lookup
    url: \${API_URL}/lookup
    method: GET
  - name: submit
    url: \${API_URL}/submit
    method: POST
`,
  );

  let slots = 'slotTypes:\n';
  for (let s = 0; s < slotTypes; s++) {
    slots += `  - name: Kind${pad(s, 2)}\n    values:\n`;
    for (let k = 0; k < 6; k++) {
      const en = `${ADJ[(s * 6 + k) % ADJ.length]} option ${s}-${k}`;
      const fr = `option ${ADJ_FR[(s * 6 + k) % ADJ_FR.length]} ${s}-${k}`;
      slots += `      - value: v${s}_${k}\n        synonyms: { en-US: [${q(en)}], fr-FR: [${q(fr)}] }\n`;
    }
  }
  files.set('slots/slot-types.yaml', slots);

  const intentFile = (f: number) => `intents/intents-${pad(f + 1, width)}.yaml`;
  const parts = new Map<string, string[]>();
  const add = (path: string, text: string) => parts.set(path, [...(parts.get(path) ?? []), text]);

  for (let i = 0; i < intents; i++) {
    const name = `Intent${pad(i + 1)}`;
    const a = i % ADJ.length;
    const n = Math.floor(i / ADJ.length) % NOUN.length;
    const topic = `${ADJ[a]} ${NOUN[n]}`;
    const topicFr = `${NOUN_FR[n]} ${ADJ_FR[a]}`;
    const hasSlot = i % 3 === 0;
    const slotType = `Kind${pad(i % slotTypes, 2)}`;
    const start = Math.floor(rand() * TEMPLATES_EN.length);
    const step = 1 + Math.floor(rand() * 5);
    const lines: Record<string, string[]> = { 'en-US': [], 'fr-FR': [] };
    const seen = { 'en-US': new Set<string>(), 'fr-FR': new Set<string>() };
    for (let u = 0, k = 0; lines['en-US']!.length < utterances; k++) {
      const t = (start + k * step) % TEMPLATES_EN.length;
      const v = (i + u + Math.floor(k / TEMPLATES_EN.length)) % VERB.length;
      const suffix = hasSlot && u % 4 === 0 ? ' for {choice}' : k >= TEMPLATES_EN.length ? ` number ${k}` : '';
      const en = TEMPLATES_EN[t]!.replace('{v}', VERB[v]!).replace('{t}', topic) + suffix;
      const fr = TEMPLATES_FR[t]!.replace('{v}', VERB_FR[v]!).replace('{t}', topicFr) + (suffix ? suffix.replace('for', 'pour').replace('number', 'numéro') : '');
      if (seen['en-US'].has(en) || seen['fr-FR'].has(fr)) continue;
      seen['en-US'].add(en);
      seen['fr-FR'].add(fr);
      lines['en-US']!.push(en);
      lines['fr-FR']!.push(fr);
      u++;
    }
    let text = `  - name: ${name}\n    utterances:\n`;
    for (const loc of LOCALES) {
      text += `      ${loc}:\n`;
      for (const l of lines[loc]!) text += `        - ${q(l)}\n`;
    }
    if (hasSlot) {
      text += `    slots:\n      - name: choice\n        type: ${slotType}\n        required: true\n        prompt: { en-US: ${q(`Which ${topic} option?`)}, fr-FR: ${q(`Quelle option pour ${topicFr} ?`)} }\n`;
    }
    add(intentFile(Math.floor(i / perIntentFile)), text);

    const resp = `reply_${pad(i + 1)}`;
    add(
      `responses/responses-${pad(Math.floor(i / perResponseFile) + 1, 2)}.yaml`,
      `  ${resp}:\n    en-US: [${q(`Done: your ${topic}${hasSlot ? ' ({choice})' : ''} is handled.`)}]\n    fr-FR: [${q(`C'est fait : votre ${topicFr}${hasSlot ? ' ({choice})' : ''} est traité.`)}]\n`,
    );

    let flow = `  - name: flow_${pad(i + 1)}\n    trigger: { intent: ${name} }\n    steps:\n`;
    if (hasSlot) flow += `      - ask: choice\n`;
    if (i % 5 === 0) flow += `      - call: ${i % 10 === 0 ? 'submit' : 'lookup'}\n`;
    flow += `      - say: ${resp}\n      - end: true\n`;
    add(`flows/flows-${pad(Math.floor(i / perFlowFile) + 1, 2)}.yaml`, flow);
  }
  for (const [path, chunks] of [...parts].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const key = path.startsWith('intents/') ? 'intents' : path.startsWith('responses/') ? 'responses' : 'flows';
    files.set(path, `${key}:\n${chunks.join(key === 'intents' || key === 'flows' ? '\n' : '')}`);
  }
  return files;
}

/** Writes the large bot into `dir`; returns how many files and bytes were written. */
export function writeLargeBot(dir: string, options: LargeBotOptions = {}): { files: number; bytes: number } {
  let bytes = 0;
  const files = generateLargeBot(options);
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
    process.stderr.write('usage: node --import tsx bench/generate-bot.ts <out-dir> [--intents 2000] [--utterances 20] [--seed 1] [--id big-bot]\n');
    process.exitCode = 2;
    return;
  }
  const num = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? Number(argv[i + 1]) : undefined;
  };
  const idx = argv.indexOf('--id');
  const opts: LargeBotOptions = {};
  const intents = num('--intents');
  const utterances = num('--utterances');
  const seed = num('--seed');
  if (intents !== undefined) opts.intents = intents;
  if (utterances !== undefined) opts.utterances = utterances;
  if (seed !== undefined) opts.seed = seed;
  if (idx >= 0) opts.id = argv[idx + 1]!;
  const r = writeLargeBot(resolve(out), opts);
  process.stdout.write(`wrote ${r.files} files, ${(r.bytes / 1024 / 1024).toFixed(2)} MB to ${out}\n`);
}

if (require.main === module) cli(process.argv.slice(2));

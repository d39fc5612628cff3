/**
 * Generates a large, valid LivePerson Conversation Builder bot for benchmarks: one exported
 * JSON file, as the bot dashboard writes it (2-space indent, arrays sorted by id), with
 * `dialogs` dialogs of `interactions` interactions each — a dialog starter with patterns (every
 * tenth with an intent), texts, questions with rules that go to other interactions and
 * dialogs, an API integration call, code that jumps by name — a fallback dialog, API
 * integrations, an associated domain and its intents. Defaults: 300 dialogs × 20 interactions.
 *
 *   node --import tsx bench/generate-liveperson.ts <out-file> [--dialogs 300] [--interactions 20]
 *
 * Library use: `generateLargeLivePersonBot(options)` returns the file's text.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export interface LargeLivePersonOptions {
  dialogs?: number;
  interactions?: number;
  name?: string;
}

const hex = (s: string, n = 40) => createHash('sha1').update(s).digest('hex').slice(0, n);
const uuid = (s: string) => {
  const h = hex(s, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};

export function generateLargeLivePersonBot(options: LargeLivePersonOptions = {}): string {
  const dialogs = options.dialogs ?? 300;
  const per = Math.max(4, options.interactions ?? 20);
  const name = options.name ?? 'Benchmark Support Bot';
  const BOT = uuid(`bot:${name}`);
  const DOMAIN = uuid('domain');
  const intents = Array.from({ length: Math.ceil(dialogs / 10) }, (_, i) => ({ id: uuid(`intent:${i}`), name: `topic_${i}`, displayName: `topic ${i}`, domainId: DOMAIN, domain: 'Benchmark Intents', type: 'INTENT', isLiveIntent: false, intentOrigin: 'DOMAIN', modifiedBy: '1' }));
  const responders = Array.from({ length: 20 }, (_, i) => ({ chatbotId: BOT, id: uuid(`responder:${i}`), name: `Lookup${i}`, integrationType: 'API', method: 'GET', webhook: `https://api.example.com/lookup/${i}/{$botContext.key}`, headers: [{ key: 'Accept', value: 'application/json' }], postBody: '', transformResultsScript: '', responseDataVariable: `Lookup${i}`, customDataFields: [], defaultValues: [], results: '', tangoContextEnabled: false }));
  const groups: Record<string, unknown>[] = [];
  const messages: Record<string, unknown>[] = [];
  const tile = (text: string) => ({ contentType: 'STATIC', results: { type: 'TEXT', tile: { tileData: [{ text, buttons: [], quickReplyList: [] }] } } });
  const rule = (n: string, patterns: string[], action: string, value: string) => ({ name: n, conditions: patterns.length ? [{ matchType: 'PATTERN', patternMatch: { patterns, excludeKeywords: [] } }] : [], contextConditions: [], contextMatchConditionType: 'ANY', contextDataVariables: [], action: { name: action, value } });
  const total = dialogs + 1;
  for (let d = 0; d < total; d++) {
    const fallback = d === dialogs;
    const gname = fallback ? 'Fallback' : `Dialog ${d}`;
    const gid = uuid(`group:${d}`);
    groups.push({ chatBotId: BOT, id: gid, name: gname, creationTime: '2024-01-01 00:00:00', modificationTime: '2024-01-02 00:00:00', dialogType: fallback ? 'FALLBACK_DIALOG' : 'DIALOG', status: 'ENABLED', disambiguteOnlySelectedDomains: false });
    const count = fallback ? 2 : per;
    const ids = Array.from({ length: count }, (_, i) => hex(`msg:${d}:${i}`));
    for (let i = 0; i < count; i++) {
      const n = fallback ? `Fallback ${i}` : `D${d} step ${i}`;
      const kind = fallback ? 'TEXT' : i === 0 ? 'DIALOG_STARTER' : i % 5 === 2 ? 'TEXT_QUESTION' : i % 7 === 3 ? 'API_INTEGRATION' : 'TEXT';
      const m: Record<string, unknown> = {
        id: ids[i],
        chatBotId: BOT,
        name: n,
        type: 'BOT_MESSAGE',
        interactionType: kind,
        group: gid,
        status: 'ACTIVE',
        required: false,
        userInputRequired: kind === 'TEXT_QUESTION',
        prevMessageId: i > 0 ? ids[i - 1] : '',
        nextMessageId: i < count - 1 ? ids[i + 1] : '',
        responseMatches: [rule('Next Action', [], 'INTERACTION', i < count - 1 ? 'next' : 'close_dialog')],
        content: kind === 'API_INTEGRATION' ? { contentType: 'DYNAMIC', responderId: responders[(d + i) % responders.length]!.id, responderName: responders[(d + i) % responders.length]!.name } : tile(kind === 'DIALOG_STARTER' ? '' : `Message ${i} of dialog ${d}: something the bot says to the user at this point of the conversation.`),
        interactionDelay: '0',
        changeResponse: { enabled: true },
        cancelResponse: { enabled: true },
      };
      if (kind === 'DIALOG_STARTER') {
        m.pattern = [`topic ${d}`, `about ${d} *`, `(ask|tell) ${d}`];
        if (d % 10 === 0) m.intentId = intents[d / 10]!.id;
      }
      if (kind === 'TEXT_QUESTION') {
        // Back to this dialog's first step after the starter, or on to the next dialog.
        m.responseMatches = [rule('Again', ['again*'], 'INTERACTION', ids[1]!), rule('Other', ['other*'], 'DIALOG', uuid(`group:${(d + 1) % dialogs}`)), rule('Next Action', [], 'INTERACTION', 'next')];
      }
      if (kind === 'API_INTEGRATION') m.postProcessMessage = `if (botContext.getBotVariable('status') === 'done') {\n  botContext.setTriggerNextMessage('D${d} step ${count - 1}');\n}`;
      messages.push(m);
    }
  }
  messages.sort((a, b) => ((a.id as string) < (b.id as string) ? -1 : 1));
  groups.sort((a, b) => ((a.id as string) < (b.id as string) ? -1 : 1));
  const bot = {
    hash: '-1',
    bot: { id: BOT, name, chatBotType: 'CUSTOMER_FACING_BOT', description: 'A generated bot.', status: 'NEW', getStartedButtonPayload: 'hi', creationTime: 1700000000000, modificationTime: 1700000000000, demo: false, skipNLP: false, language: 'en-US', botAttributes: { ENABLE_DEBUG: 'false' }, sessionLength: 0, passThroughMode: false, transcriptDisabled: false, version: '2', publicBot: false, readOnly: false, entityDataSourceId: DOMAIN },
    responder: responders,
    requiredContext: [],
    conversationMessage: messages,
    menus: [],
    groups,
    globalFunctions: { chatBotId: BOT, methods: "function initConversation() {\n  botContext.setTriggerNextMessage('D0 step 1');\n}\n", creationTime: '2024-01-01 00:00:00', modificationTime: '2024-01-01 00:00:00' },
    platforms: [],
    associatedDomains: [{ id: DOMAIN, name: 'Benchmark Intents', language: 'en-US', type: 'LivePersonV2', status: 'ACTIVE', organizationId: uuid('org'), chatBotPlatformUserId: '1', creationTime: 1700000000000, modificationTime: 1700000000000, modifiedBy: '1', liveIntentIds: [], primary: true }],
    associatedIntents: intents,
    dialogTemplates: [],
  };
  return JSON.stringify(bot, null, 2);
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const opt = (k: string) => (args.includes(k) ? Number(args[args.indexOf(k) + 1]) : undefined);
  const out = resolve(args[0] ?? 'large-bot.json');
  mkdirSync(dirname(out), { recursive: true });
  const text = generateLargeLivePersonBot({ ...(opt('--dialogs') ? { dialogs: opt('--dialogs')! } : {}), ...(opt('--interactions') ? { interactions: opt('--interactions')! } : {}) });
  writeFileSync(out, text);
  console.log(`${out}: ${text.length} bytes`);
}

// One small bot written twice, in YAML and in JSON with comments, for the feature tests;
// and helpers to find offsets and apply edits.
import { createWorkspace } from '../../../../server/src/formats/index';
import { BotWorkspace } from '../../../../server/src/definitions/index';
import type { FileEdit } from '../../../../server/src/definitions/index';

export interface TestBot {
  format: 'yaml' | 'jsonc';
  manifest: string;
  main: string;
  files: Record<string, string>;
}

export const YAML_BOT: TestBot = {
  format: 'yaml',
  manifest: 'bot.yaml',
  main: 'parts/main.yaml',
  files: {
    'bot.yaml': `bot:
  id: demo
  locales: [en-US, fr-FR]
include: [parts/*.yaml]
variables:
  API_URL: https://example.com
functions:
  - name: lookup
    url: \${API_URL}/x
`,
    'parts/main.yaml': `intents:
  - name: OrderPizza
    utterances:
      en-US:
        - I want a {size} pizza
        - order pizza
        - pizza please
      fr-FR: [une pizza, pizza svp, je veux une pizza]
    slots:
      - name: size
        type: PizzaSize
        prompt: { en-US: What size?, fr-FR: Quelle taille ? }
slotTypes:
  - name: PizzaSize
    values:
      - value: large
responses:
  confirm:
    en-US: ["Your {size} pizza is coming"]
    fr-FR: ["Votre pizza {size} arrive"]
flows:
  - name: order
    trigger: { intent: OrderPizza }
    steps:
      - ask: size
      - call: lookup
      - say: confirm
`,
  },
};

export const JSONC_BOT: TestBot = {
  format: 'jsonc',
  manifest: 'bot.jsonc',
  main: 'parts/main.json',
  files: {
    'bot.jsonc': `// the manifest
{
  "bot": { "id": "demo", "locales": ["en-US", "fr-FR"] },
  "include": ["parts/*.json"],
  "variables": { "API_URL": "https://example.com" },
  "functions": [{ "name": "lookup", "url": "\${API_URL}/x" }]
}
`,
    'parts/main.json': `{
  "intents": [
    {
      "name": "OrderPizza",
      "utterances": {
        "en-US": ["I want a {size} pizza", "order pizza", "pizza please"],
        "fr-FR": ["une pizza", "pizza svp", "je veux une pizza"]
      },
      "slots": [
        { "name": "size", "type": "PizzaSize", "prompt": { "en-US": "What size?", "fr-FR": "Quelle taille ?" } }
      ]
    }
  ],
  "slotTypes": [{ "name": "PizzaSize", "values": [{ "value": "large" }] }],
  "responses": {
    "confirm": { "en-US": ["Your {size} pizza is coming"], "fr-FR": ["Votre pizza {size} arrive"] }
  },
  "flows": [
    {
      "name": "order",
      "trigger": { "intent": "OrderPizza" },
      "steps": [{ "ask": "size" }, { "call": "lookup" }, { "say": "confirm" }]
    }
  ]
}
`,
  },
};

export const BOTS = [YAML_BOT, JSONC_BOT];

/** A workspace holding the bot, with some files replaced. */
export function load(bot: TestBot, replace: Record<string, string> = {}): BotWorkspace {
  const ws = createWorkspace();
  for (const [p, t] of Object.entries({ ...bot.files, ...replace })) ws.setDocument(p, t);
  return ws;
}

/** The offset of the n-th occurrence of `needle` in `text`, plus `delta`; throws when absent. */
export function offsetOf(text: string, needle: string, delta = 0, nth = 0): number {
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`"${needle}" not found`);
  }
  return i + delta;
}

/** Applies edits to a set of texts (each file's edits from the end backwards). */
export function applyEdits(files: Record<string, string>, edits: readonly FileEdit[]): Record<string, string> {
  const out = { ...files };
  const sorted = [...edits].sort((a, b) => b.start - a.start);
  for (const e of sorted) {
    const t = out[e.file];
    if (t === undefined) throw new Error(`edit for unknown file ${e.file}`);
    out[e.file] = t.slice(0, e.start) + e.newText + t.slice(e.end);
  }
  return out;
}

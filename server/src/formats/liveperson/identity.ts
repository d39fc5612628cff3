// A LivePerson bot's identity, from its JSON: the bot id its name gives (the date and time
// an import appends left out), the name as Conversation Builder shows it, its language; and
// a release into it, as Conversation Builder's Upgrade makes one: the released bot takes the
// target's own identity — `bot.id`, `bot.name`, `chatBotId` on every record, its associated
// domains and platforms, its domain and environment settings — and everything else from the
// release. Only those values' text changes; the rest of the file is the release's, byte for
// byte.
import { parseDocument, walk } from '../../definitions/index';
import type { AdoptedIdentity, BotIdentity, Node, ObjectNode, ParsedDocument, ReleaseTarget } from '../../definitions/index';
import { obj, val } from './facts';
import { baseName, botIdOf } from './model';
import { topLevelValue } from './recognise';

/** What the bot JSON (its text, or undefined when unreadable) says of the bot. */
export function readLivePersonIdentity(text: string | undefined, file: string): BotIdentity {
  if (text === undefined) return { locales: [], keep: [], problem: `${file} could not be read` };
  // Only the `bot` object is parsed: an export of thousands of interactions is read no further.
  const at = topLevelValue(text, 'bot');
  const bot = at ? obj(parseDocument('bot.json', text.slice(at.start, at.end)).root) : undefined;
  const name = stringAt(bot, 'name');
  const language = stringAt(bot, 'language');
  const out: BotIdentity = { locales: language ? [language] : [], keep: [] };
  if (name) {
    out.name = name;
    const id = botIdOf(name);
    if (id) out.id = id;
  }
  if (!out.id) {
    // A bot without a usable name: its platform id, when it is one.
    const id = stringAt(bot, 'id');
    if (id && /^[a-z0-9][a-z0-9-]*$/.test(id.toLowerCase())) out.id = id.toLowerCase();
  }
  return out;
}

function stringAt(node: Node | null | undefined, key: string): string | undefined {
  const v = val(node, key);
  return v && v.type === 'scalar' && typeof v.value === 'string' ? v.value : undefined;
}

/** Keys of `bot` that belong to the bot they are in, never to a release: its identity, its domain, its environment. */
function ownBotKey(key: string): boolean {
  return key === 'id' || key === 'name' || key === 'entityDataSourceId' || /environment/i.test(key);
}

/** Top-level parts of an export that are the bot's own deployment: the domains it uses and the channels it is on. */
const OWN_SECTIONS = ['associatedDomains', 'platforms'];

interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * The released bot JSON with the target's identity: the target's values of the keys that are
 * its own, in place of the release's. A key the release has and the target lacks keeps the
 * release's value; the release's chatBotId values all become the target's.
 */
export function adoptLivePersonIdentity(released: ReadonlyMap<string, string>, target: ReleaseTarget): AdoptedIdentity {
  const entries = [...released];
  if (entries.length !== 1) return { problem: `a LivePerson bot is one JSON file, and the release holds ${entries.length}` };
  const [path, text] = entries[0]!;
  const theirs = parseDocument(path.endsWith('.json') ? path : `${path}.json`, text);
  const own = parseDocument(target.marker.endsWith('.json') ? target.marker : `${target.marker}.json`, target.markerText);
  const broken = (d: ParsedDocument) => d.syntax.some((f) => f.severity === 'error');
  if (broken(theirs)) return { problem: `its bot JSON (${path}) does not parse` };
  if (broken(own)) return { problem: `its own bot JSON (${target.marker}) does not parse; fix it first` };
  const theirBot = obj(val(theirs.root, 'bot'));
  const ownBot = obj(val(own.root, 'bot'));
  if (!theirBot) return { problem: `the released file (${path}) is no LivePerson bot: it has no "bot"` };
  if (!ownBot) return { problem: `${target.marker} has no "bot" to keep` };
  const rawOf = (n: Node) => target.markerText.slice(n.start, n.end);
  const edits: Edit[] = [];
  const replaced: { start: number; end: number }[] = [];
  const replace = (n: Node, by: string) => {
    edits.push({ start: n.start, end: n.end, text: by });
    replaced.push({ start: n.start, end: n.end });
  };
  for (const p of theirBot.properties) {
    if (!ownBotKey(p.key) || !p.value) continue;
    const mine = val(ownBot, p.key);
    if (mine) replace(p.value, rawOf(mine));
  }
  const theirRoot = obj(theirs.root)!;
  for (const key of OWN_SECTIONS) {
    const p = theirRoot.properties.find((x) => x.key === key);
    const mine = val(own.root, key);
    if (p?.value && mine) replace(p.value, rawOf(mine));
  }
  // chatBotId (spelt chatbotId in some records) everywhere else: the target's.
  const ownChatBotId = firstChatBotId(own.root) ?? val(ownBot, 'id');
  if (ownChatBotId) {
    const by = rawOf(ownChatBotId);
    walk(theirs.root, (n) => {
      if (n.type !== 'object') return;
      for (const p of (n as ObjectNode).properties) {
        if ((p.key === 'chatBotId' || p.key === 'chatbotId') && p.value?.type === 'scalar' && typeof p.value.value === 'string') {
          const v = p.value;
          if (!replaced.some((r) => v.start >= r.start && v.end <= r.end)) edits.push({ start: v.start, end: v.end, text: by });
        }
      }
    });
  }
  let out = text;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return { rewritten: new Map([[path, out]]) };
}

function firstChatBotId(root: Node | null): Node | undefined {
  let found: Node | undefined;
  walk(root, (n) => {
    if (found || n.type !== 'object') return;
    for (const p of n.properties) {
      if ((p.key === 'chatBotId' || p.key === 'chatbotId') && p.value?.type === 'scalar' && typeof p.value.value === 'string' && p.value.value !== '') {
        found = p.value;
        return;
      }
    }
  });
  return found;
}

export { baseName };

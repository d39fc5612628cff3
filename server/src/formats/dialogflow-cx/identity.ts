// A Dialogflow CX agent's identity, from agent.json: its display name (present in some
// exports, dropped by many current ones) gives its name and, for a folder, its id; its
// languages are `defaultLanguageCode` then `supportedLanguageCodes`. A zip's id is its file
// name's, so that an export zip beside its unzipped copy are two bots. Read with JSON.parse:
// discovery asks this of every agent it finds.
import { toBotId } from '../../definitions/format';
import type { BotIdentity } from '../../definitions/index';

/** Files a release into a CX agent never overwrites: its webhooks point at that agent's own services and hold its credentials. */
export const CX_KEEP = ['webhooks/*.json'];

/** What agent.json says, loosely: undefined fields for a file that is not the JSON it should be. */
export function readAgentJson(text: string | undefined): { displayName?: string; languages: string[] } {
  let v: unknown;
  try {
    v = text === undefined ? undefined : JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    v = undefined;
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) return { languages: [] };
  const o = v as Record<string, unknown>;
  const languages: string[] = [];
  const add = (l: unknown): void => {
    if (typeof l === 'string' && l !== '' && !languages.includes(l)) languages.push(l);
  };
  add(o.defaultLanguageCode);
  if (Array.isArray(o.supportedLanguageCodes)) for (const l of o.supportedLanguageCodes) add(l);
  const out: { displayName?: string; languages: string[] } = { languages };
  if (typeof o.displayName === 'string' && o.displayName.trim() !== '') out.displayName = o.displayName;
  return out;
}

/** Whether a bot folder is inside a committed zip (`exports/agent.zip`, `exports/agent.zip/agent`). */
export const inZip = (dir: string): boolean => /\.zip(\/|$)/i.test(dir);

/** The identity agent.json (its text, or undefined) gives the agent at `dir`. */
export function readCxIdentity(text: string | undefined, dir: string): BotIdentity {
  const agent = readAgentJson(text);
  const out: BotIdentity = { locales: agent.languages, keep: CX_KEEP };
  if (agent.displayName !== undefined) {
    out.name = agent.displayName;
    const id = toBotId(agent.displayName);
    if (id !== '' && !inZip(dir)) out.id = id;
  }
  return out;
}

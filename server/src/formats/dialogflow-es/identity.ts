// A Dialogflow ES agent's identity: the export names no agent (the console's agent name is
// not in its files), so the folder's or the zip's name gives the bot its id and name; the
// languages are `language` then `supportedLanguages`. Read with JSON.parse: discovery asks
// this of every agent it finds.
import type { BotIdentity } from '../../definitions/index';

/** What agent.json says of the languages, loosely (none for a file that is not the JSON it should be). */
export function readEsLanguages(text: string | undefined): string[] {
  let v: unknown;
  try {
    v = text === undefined ? undefined : JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    v = undefined;
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) return [];
  const o = v as Record<string, unknown>;
  const out: string[] = [];
  const add = (l: unknown): void => {
    if (typeof l === 'string' && l !== '' && !out.includes(l)) out.push(l);
  };
  add(o.language);
  if (Array.isArray(o.supportedLanguages)) for (const l of o.supportedLanguages) add(l);
  return out;
}

export function readEsIdentity(text: string | undefined): BotIdentity {
  return { locales: readEsLanguages(text), keep: [] };
}

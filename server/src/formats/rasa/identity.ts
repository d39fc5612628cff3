// A Rasa project's identity, from its config file: `assistant_id` (Rasa 3.5 and later) as
// the bot id, made a valid id where it is not one; `language` and `additional_languages` as
// its locales; and the files a release into it keeps: its own endpoints and credentials.
import { parseDocument } from '../../definitions/index';
import type { BotIdentity } from '../../definitions/index';
import { ASSISTANT_ID_PLACEHOLDER } from './builtins';
import { extractRasaFacts } from './facts';

/** Files a release into a Rasa project never overwrites: they point at that project's own servers and channels. */
export const RASA_KEEP = ['endpoints.yml', 'endpoints.yaml', 'credentials.yml', 'credentials.yaml'];

/** A bot id from any text: lower case, runs of other characters as one "-". */
export function slugId(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
}

/** What config.yml (its text, or undefined when unreadable) says of the project. */
export function readRasaIdentity(text: string | undefined, file: string): BotIdentity {
  if (text === undefined) return { locales: [], keep: RASA_KEEP, problem: `${file} could not be read` };
  const facts = extractRasaFacts(parseDocument(file, text));
  const c = facts.config;
  const out: BotIdentity = { locales: [...(c.language ? [c.language.text] : []), ...c.additionalLanguages.map((l) => l.text)], keep: RASA_KEEP };
  const id = c.assistantId?.text;
  // The placeholder is rewritten by `rasa train`: it is no identity, so the folder gives one.
  if (id && id !== ASSISTANT_ID_PLACEHOLDER && slugId(id) !== '') {
    out.id = slugId(id);
  }
  return out;
}

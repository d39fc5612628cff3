// A Rasa project's identity, from its config file: `assistant_id` (Rasa 3.5 and later) as
// the bot id, made a valid id where it is not one; `language` and `additional_languages` as
// its locales; and the files a release into it keeps: its own endpoints and credentials.
import { parseDocument, toBotId } from '../../definitions/index';
import type { AdoptedIdentity, BotIdentity, ReleaseTarget } from '../../definitions/index';
import { CONFIG_FILES } from './model';
import { ASSISTANT_ID_PLACEHOLDER } from './builtins';
import { extractRasaFacts } from './facts';

/** Files a release into a Rasa project never overwrites: they point at that project's own servers and channels. */
export const RASA_KEEP = ['endpoints.yml', 'endpoints.yaml', 'credentials.yml', 'credentials.yaml'];

/** What config.yml (its text, or undefined when unreadable) says of the project. */
export function readRasaIdentity(text: string | undefined, file: string): BotIdentity {
  if (text === undefined) return { locales: [], keep: RASA_KEEP, problem: `${file} could not be read` };
  const facts = extractRasaFacts(parseDocument(file, text));
  const c = facts.config;
  const out: BotIdentity = { locales: [...(c.language ? [c.language.text] : []), ...c.additionalLanguages.map((l) => l.text)], keep: RASA_KEEP };
  const id = c.assistantId?.text;
  // The placeholder is rewritten by `rasa train`: it is no identity, so the folder gives one.
  if (id && id !== ASSISTANT_ID_PLACEHOLDER && toBotId(id) !== '') {
    out.id = toBotId(id);
  }
  return out;
}

/**
 * A release into a Rasa project keeps the project's own `assistant_id`: the released config
 * takes it in place of the released one (only that value changes, so its comments and layout
 * stay). Its endpoints and credentials are kept whole (RASA_KEEP).
 */
export function adoptRasaIdentity(released: ReadonlyMap<string, string>, target: ReleaseTarget): AdoptedIdentity {
  const config = CONFIG_FILES.find((c) => released.has(c));
  if (!config) return { problem: 'it has no config.yml, so it is no Rasa project' };
  const own = extractRasaFacts(parseDocument(target.marker, target.markerText)).config.assistantId;
  const text = released.get(config)!;
  const theirs = extractRasaFacts(parseDocument(config, text)).config.assistantId;
  if (!own || !theirs || own.text === theirs.text) return { rewritten: new Map() };
  const value = target.markerText.slice(own.start, own.end);
  return { rewritten: new Map([[config, text.slice(0, theirs.start) + value + text.slice(theirs.end)]]) };
}

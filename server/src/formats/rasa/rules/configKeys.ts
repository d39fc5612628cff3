// config.yml as Rasa's validator and recipes read it: the mandatory keys `language` and
// `assistant_id` (warn_if_config_mandatory_keys_are_not_set), the placeholder id Rasa
// writes for a missing one, and a `recipe` Rasa has.
import { ASSISTANT_ID_PLACEHOLDER, RECIPES } from '../builtins';
import { relOf } from '../model';
import { didYouMean, guessName, renameFixes, withFixes } from './renameFix';
import type { RasaRule } from './types';

const MANDATORY = ['language', 'assistant_id'] as const;

const WHY: Record<(typeof MANDATORY)[number], string> = {
  language: 'Add `language: en` (the language code of the training data) at the top.',
  assistant_id:
    'Add `assistant_id:` with a unique name for this assistant (for example `assistant_id: parcel-bot`); Rasa Pro and Rasa X identify the assistant by it, and `rasa train` writes a generated one into the file when it is missing.',
};

export const configKeysRule: RasaRule = {
  codes: ['rasa/config-missing-key', 'rasa/assistant-id-placeholder', 'rasa/unknown-recipe'],
  check(ctx) {
    const { bot } = ctx;
    let config: string | undefined;
    for (const [file, role] of bot.roles) if (role === 'config') config = file;
    if (!config || bot.unreadable.includes(config)) return;
    const doc = bot.docs.get(config)!;
    const sections = doc.facts.sections;
    const first = sections.values().next().value;
    const at = first ? { start: first.keyStart, end: first.keyEnd } : { start: 0, end: 0 };
    const rel = relOf(bot, config);
    for (const key of MANDATORY) {
      const p = sections.get(key);
      const value = p?.value;
      const empty = p && (!value || (value.type === 'scalar' && (value.value === null || value.value === '')));
      if (p && !empty) continue;
      ctx.report(config, {
        ...(p ? { start: p.keyStart, end: p.keyEnd } : at),
        code: 'rasa/config-missing-key',
        message: `The config file ${rel} is missing ${p ? 'a value for ' : ''}the '${key}' mandatory key. ${WHY[key]}`,
      });
    }

    const id = sections.get('assistant_id')?.value;
    if (id && id.type === 'scalar' && id.value === ASSISTANT_ID_PLACEHOLDER) {
      ctx.report(config, {
        start: id.start,
        end: id.end,
        code: 'rasa/assistant-id-placeholder',
        message: `The config file is missing a unique value for the 'assistant_id' mandatory key. Please replace the default placeholder value with a unique identifier. \`rasa train\` rewrites ${rel} with a generated id (a timestamp and a random name) when it finds the placeholder, so every checkout would get another id: set a unique id by hand, for example \`assistant_id: parcel-bot\`.`,
      });
    }

    const recipe = sections.get('recipe')?.value;
    if (recipe && !(recipe.type === 'scalar' && typeof recipe.value === 'string' && RECIPES.has(recipe.value))) {
      const name = recipe.type === 'scalar' ? String(recipe.value) : doc.doc.text.slice(recipe.start, recipe.end);
      const guess = guessName(name, RECIPES);
      const span = { text: name, start: recipe.start, end: recipe.end };
      ctx.report(config, {
        start: recipe.start,
        end: recipe.end,
        code: 'rasa/unknown-recipe',
        message: `No recipe with name '${name}' was found.${didYouMean(guess)} Rasa has the recipes 'default.v1' (pipeline and policies) and 'graph.v1' (a graph of your own, Rasa Pro).`,
        ...withFixes(renameFixes(bot, config, span, guess ?? 'default.v1')),
      });
    }
  },
};

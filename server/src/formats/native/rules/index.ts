// The lists of checks, by kind (see types.ts). A new check is a new file and one line here.
import { duplicateNamesRule } from './duplicateNames';
import { environmentsRule } from './environments';
import { flowGraphRule } from './flowGraph';
import { flowStepsRule } from './flowSteps';
import { includesRule } from './includes';
import { localesRule } from './locales';
import { manifestRule } from './manifest';
import { nearDuplicatesRule } from './nearDuplicates';
import { protectedBotRule } from './protectedBot';
import { referencesRule } from './references';
import { repeatsRule } from './repeats';
import { slotPromptsRule } from './slotPrompts';
import { synonymsRule } from './synonyms';
import { tooFewUtterancesRule } from './tooFewUtterances';
import type { BotRule, FileRule, RecordRule } from './types';
import { unusedRule } from './unused';

/** Whole-bot checks, run on every check of a bot (cheap ones only). */
export const BOT_RULES: readonly BotRule[] = [manifestRule, includesRule];

/** Checks of one file against its bot, kept with the file until something they read changes. */
export const FILE_RULES: readonly FileRule[] = [
  duplicateNamesRule,
  referencesRule,
  localesRule,
  tooFewUtterancesRule,
  synonymsRule,
  slotPromptsRule,
  flowGraphRule,
  flowStepsRule,
  unusedRule,
  environmentsRule,
  protectedBotRule,
];

/** Checks of one utterance, run for the utterances an edit touched. */
export const RECORD_RULES: readonly RecordRule[] = [repeatsRule, nearDuplicatesRule];

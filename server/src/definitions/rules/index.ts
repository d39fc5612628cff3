// The list of checks. A new check is a new file and one line here.
import { duplicateBotIdRule } from './duplicateBotId';
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
import { slotPromptsRule } from './slotPrompts';
import { synonymsRule } from './synonyms';
import type { BotRule, WorkspaceRule } from './types';
import { unusedRule } from './unused';
import { utterancesRule } from './utterances';

export const BOT_RULES: readonly BotRule[] = [
  manifestRule,
  includesRule,
  duplicateNamesRule,
  referencesRule,
  localesRule,
  utterancesRule,
  nearDuplicatesRule,
  synonymsRule,
  slotPromptsRule,
  flowGraphRule,
  flowStepsRule,
  unusedRule,
  environmentsRule,
  protectedBotRule,
];

export const WORKSPACE_RULES: readonly WorkspaceRule[] = [duplicateBotIdRule];

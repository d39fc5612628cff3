// The checks of a Lex V2 export. A new check is a new file and one line here.
import type { LexRule } from './types';
import { schemaRule } from './schema';
import { manifestRule } from './manifest';
import { namesRule } from './names';
import { descriptionsRule } from './descriptions';
import { settingsRule } from './settings';
import { quotasRule } from './quotas';
import { placeholdersRule } from './placeholders';
import { slotTypesRule } from './slotTypes';
import { slotPrioritiesRule } from './slotPriorities';
import { utterancesRequiredRule } from './utterancesRequired';
import { fallbackRule } from './fallback';
import { duplicateNamesRule } from './duplicateNames';
import { nextStepsRule } from './nextSteps';
import { duplicateUtterancesRule } from './duplicateUtterances';
import { translationsRule } from './translations';
import { testSetsRule } from './testSets';

export const LEX_RULES: readonly LexRule[] = [
  schemaRule,
  manifestRule,
  namesRule,
  descriptionsRule,
  settingsRule,
  quotasRule,
  placeholdersRule,
  slotTypesRule,
  slotPrioritiesRule,
  utterancesRequiredRule,
  fallbackRule,
  duplicateNamesRule,
  nextStepsRule,
  duplicateUtterancesRule,
  translationsRule,
  testSetsRule,
];

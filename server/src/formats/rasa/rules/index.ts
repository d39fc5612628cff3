// The checks of a Rasa project. A new check is a new file and one line here.
import type { RasaRule } from './types';
import { configKeysRule } from './configKeys';
import { domainDuplicatesRule } from './domainDuplicates';
import { domainEmptyRule } from './domainEmpty';
import { formSlotsRule } from './formSlots';
import { mappingPolicyRule } from './mappingPolicy';
import { responsesRule } from './responses';
import { slotsRule } from './slots';
import { schemaRule } from './schema';
import { versionKeyRule } from './versionKey';
import { intentsRule } from './intents';
import { exampleRepeatsRule } from './exampleRepeats';
import { exampleFormatRule } from './exampleFormat';
import { entitiesRule } from './entities';
import { synonymsRule } from './synonyms';
import { utterancesRule } from './utterances';
import { dialogueNamesRule } from './dialogueNames';
import { storyConflictsRule } from './storyConflicts';
import { ruleConflictsRule } from './ruleConflicts';
import { flowSlotsRule } from './flowSlots';
import { flowActionsRule } from './flowActions';
import { flowLinksRule } from './flowLinks';
import { flowCollectPromptsRule } from './flowCollectPrompts';
import { flowConditionsRule } from './flowConditions';
import { flowStructureRule } from './flowStructure';
import { flowNluTriggersRule } from './flowNluTriggers';
import { testExampleConflictRule } from './testExampleConflict';

export const RASA_RULES: readonly RasaRule[] = [
  schemaRule,
  versionKeyRule,
  configKeysRule,
  domainEmptyRule,
  domainDuplicatesRule,
  mappingPolicyRule,
  responsesRule,
  slotsRule,
  formSlotsRule,
  intentsRule,
  exampleRepeatsRule,
  exampleFormatRule,
  entitiesRule,
  synonymsRule,
  utterancesRule,
  dialogueNamesRule,
  storyConflictsRule,
  ruleConflictsRule,
  flowSlotsRule,
  flowActionsRule,
  flowLinksRule,
  flowCollectPromptsRule,
  flowConditionsRule,
  flowStructureRule,
  flowNluTriggersRule,
  testExampleConflictRule,
];

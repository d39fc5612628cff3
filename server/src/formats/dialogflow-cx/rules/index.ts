// The checks of a Dialogflow CX agent. A new check is a new file and one line here.
import type { CxRule } from './types';
import { agentKeysRule } from './agentKeys';
import { startFlowRule } from './startFlow';
import { unknownIntentRule } from './unknownIntent';
import { unknownPageRule } from './unknownPage';
import { unknownFlowRule } from './unknownFlow';
import { unknownRouteGroupRule } from './unknownRouteGroup';
import { unknownWebhookRule } from './unknownWebhook';
import { unknownEntityTypeRule } from './unknownEntityType';
import { unknownParameterRule } from './unknownParameter';
import { languagesRule } from './languages';
import { missingLanguageRule } from './missingLanguage';
import { duplicatePhrasesRule } from './duplicatePhrases';
import { synonymConflictRule } from './synonymConflict';
import { annotationsRule } from './annotations';
import { fallbackNegativesRule } from './fallbackNegatives';
import { unreachablePagesRule } from './unreachablePages';
import { unusedIntentsRule } from './unusedIntents';
import { metadataFileRule } from './metadataFile';
import { duplicateNamesRule } from './duplicateNames';
import { formSysAnyRule } from './formSysAny';
import { testExampleConflictRule } from './testExampleConflict';

export const CX_RULES: readonly CxRule[] = [
  agentKeysRule,
  startFlowRule,
  unknownIntentRule,
  unknownPageRule,
  unknownFlowRule,
  unknownRouteGroupRule,
  unknownWebhookRule,
  unknownEntityTypeRule,
  unknownParameterRule,
  languagesRule,
  missingLanguageRule,
  duplicatePhrasesRule,
  synonymConflictRule,
  annotationsRule,
  fallbackNegativesRule,
  unreachablePagesRule,
  unusedIntentsRule,
  metadataFileRule,
  duplicateNamesRule,
  formSysAnyRule,
  testExampleConflictRule,
];

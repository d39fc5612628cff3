// The checks of a Dialogflow ES agent. A new check is a new file and one line here.
import type { EsRule } from './types';
import { agentKeysRule } from './agentKeys';
import { orphansRule } from './orphans';
import { annotationsRule } from './annotations';
import { parameterTypesRule } from './parameterTypes';
import { contextsRule } from './contexts';
import { parentsRule } from './parents';
import { languagesRule } from './languages';
import { missingLanguageRule } from './missingLanguage';
import { duplicatePhrasesRule } from './duplicatePhrases';
import { synonymConflictRule } from './synonymConflict';
import { annotationInconsistentRule } from './annotationInconsistent';
import { fallbackNegativesRule } from './fallbackNegatives';
import { fileNameRule } from './fileName';
import { duplicateNamesRule } from './duplicateNames';

export const ES_RULES: readonly EsRule[] = [
  agentKeysRule,
  orphansRule,
  annotationsRule,
  parameterTypesRule,
  contextsRule,
  parentsRule,
  languagesRule,
  missingLanguageRule,
  duplicatePhrasesRule,
  synonymConflictRule,
  annotationInconsistentRule,
  fallbackNegativesRule,
  fileNameRule,
  duplicateNamesRule,
];

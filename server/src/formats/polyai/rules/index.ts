// The checks of a PolyAI project. A new check is a new file and one line here.
import type { PolyRule } from './types';
import { referencesRule } from './references';
import { stepsRule } from './steps';
import { entityRefsRule } from './entityRefs';
import { fileNamesRule } from './fileNames';
import { defaultsRule } from './defaults';
import { variantValuesRule } from './variantValues';
import { translationLanguagesRule } from './translationLanguages';
import { testsRule } from './tests';
import { functionsRule } from './functions';
import { exampleQueriesRule } from './exampleQueries';
import { reachabilityRule } from './reachability';
import { topicContentRule } from './topicContent';
import { functionStepNamesRule } from './functionStepNames';

export const POLYAI_RULES: readonly PolyRule[] = [
  referencesRule,
  stepsRule,
  entityRefsRule,
  fileNamesRule,
  defaultsRule,
  variantValuesRule,
  translationLanguagesRule,
  testsRule,
  functionsRule,
  exampleQueriesRule,
  reachabilityRule,
  topicContentRule,
  functionStepNamesRule,
];

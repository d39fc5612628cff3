// The checks of a LivePerson bot. A new check is a new file and one line here.
import type { LivePersonRule } from './types';
import { interactionLinksRule } from './interactionLinks';
import { actionTargetsRule } from './actionTargets';
import { dialogGroupsRule } from './dialogGroups';
import { integrationsRule } from './integrations';
import { intentsRule } from './intents';
import { triggersRule } from './triggers';
import { interactionNamesRule } from './interactionNames';
import { dialogStartersRule } from './dialogStarters';
import { chainsRule } from './chains';
import { reachabilityRule } from './reachability';
import { fallbacksRule } from './fallbacks';
import { starterPatternsRule } from './starterPatterns';
import { languageRule } from './language';
import { limitsRule } from './limits';

export const LIVEPERSON_RULES: readonly LivePersonRule[] = [
  interactionLinksRule,
  actionTargetsRule,
  dialogGroupsRule,
  integrationsRule,
  intentsRule,
  triggersRule,
  interactionNamesRule,
  dialogStartersRule,
  chainsRule,
  reachabilityRule,
  fallbacksRule,
  starterPatternsRule,
  languageRule,
  limitsRule,
];

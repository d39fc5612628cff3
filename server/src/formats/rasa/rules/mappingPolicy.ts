// Intents with `triggers:`, the MappingPolicy format Rasa 3 removed: Rasa's validator warns
// and fails (Validator.verify_domain_validity returns false). A rule does the same job.
import { relOf } from '../model';
import type { RasaRule } from './types';

export const mappingPolicyRule: RasaRule = {
  codes: ['rasa/mapping-policy-trigger'],
  check(ctx) {
    const { bot } = ctx;
    for (const [name, list] of bot.intents) {
      for (const { file, decl } of list) {
        const t = decl.triggers;
        if (!t) continue;
        const value = t.value && t.value.type === 'scalar' && typeof t.value.value === 'string' ? t.value.value : 'the action';
        ctx.report(file, {
          start: t.keyStart,
          end: t.keyEnd,
          code: 'rasa/mapping-policy-trigger',
          message: `The intent ${name} in the domain file ${relOf(bot, file)} is using the MappingPolicy format which has now been deprecated. Please migrate to RulePolicy: remove \`triggers:\` and add a rule with the steps \`- intent: ${name}\` and \`- action: ${value}\` (and RulePolicy under policies in config.yml).`,
        });
      }
    }
  },
};

// An integration interaction calls one of the bot's API integrations (`responder`) by id
// (`content.responderId`); deleting an integration that is still used breaks the interaction
// (Conversation Builder's integration basics say to check first).
import { dialogLabel, dialogOf, labelOf } from '../model';
import type { LivePersonRule } from './types';

export const integrationsRule: LivePersonRule = {
  codes: ['liveperson/unknown-integration'],
  needsWholeFile: true,
  check({ bot, report }) {
    for (const it of bot.facts.interactions) {
      const r = it.responderId;
      if (!r || r.text === '' || bot.respondersById.has(r.text)) continue;
      const names = bot.facts.responders.map((x) => x.name?.text).filter((x): x is string => !!x);
      report({
        start: r.start,
        end: r.end,
        code: 'liveperson/unknown-integration',
        message: `The integration interaction '${labelOf(it)}' (dialog '${dialogLabel(dialogOf(bot, it))}') calls the API integration '${r.text}', which this bot does not have. ${names.length ? `Choose one of its integrations (${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''}), or add the integration.` : 'Add the integration to the bot.'}`,
      });
    }
  },
};

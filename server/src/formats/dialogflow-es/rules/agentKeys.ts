// dialogflow-es/agent-missing-key: agent.json says the agent's default language (`language`).
import type { EsRule } from './types';

export const agentKeysRule: EsRule = {
  codes: ['dialogflow-es/agent-missing-key'],
  check(ctx) {
    const { bot } = ctx;
    if (!bot.agent || bot.unreadable.has(bot.agent)) return;
    const facts = bot.facts.get(bot.agent)!;
    if (!facts.top || facts.agent?.language) return;
    ctx.report(bot.agent, { start: facts.top.start, end: facts.top.start + 1, code: 'dialogflow-es/agent-missing-key', message: 'agent.json has no "language": ES does not import an agent without its default language. Add it, e.g. "language": "en".' });
  },
};

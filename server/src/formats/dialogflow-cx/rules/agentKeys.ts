// dialogflow-cx/agent-missing-key: agent.json must say the agent's default language and where
// a conversation starts (`startFlow`, or `startPlaybook` for a generative agent).
import type { CxRule } from './types';

export const agentKeysRule: CxRule = {
  codes: ['dialogflow-cx/agent-missing-key'],
  check(ctx) {
    const { bot } = ctx;
    if (!bot.agent || bot.unreadable.includes(bot.agent)) return;
    const facts = bot.facts.get(bot.agent)!;
    const top = facts.top;
    if (!top) return;
    const at = { start: top.start, end: Math.min(top.start + 1, top.end) };
    if (!facts.agent?.defaultLanguageCode)
      ctx.report(bot.agent, { ...at, code: 'dialogflow-cx/agent-missing-key', message: 'agent.json has no "defaultLanguageCode": the console cannot restore an agent without its default language. Add it, e.g. "defaultLanguageCode": "en".' });
    if (!facts.agent?.startFlow && !facts.agent?.startPlaybook)
      ctx.report(bot.agent, { ...at, code: 'dialogflow-cx/agent-missing-key', message: 'agent.json names neither a "startFlow" nor a "startPlaybook": the agent has nowhere to start. Add "startFlow": "Default Start Flow" (or the flow that starts it).' });
  },
};

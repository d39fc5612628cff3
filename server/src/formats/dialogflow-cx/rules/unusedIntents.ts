// dialogflow-cx/unused-intent: an intent no transition route names — the agent can match it
// but nothing happens (dfcx-scrapi's "unused intents"). The negative intent is meant to be
// unused. Off while a file of the agent cannot be read.
import type { CxFacts } from '../facts';
import type { CxRule } from './types';

/** The intents a file's routes name, once per version of the file. */
const byFacts = new WeakMap<CxFacts, string[]>();
function routeIntents(facts: CxFacts): string[] {
  let names = byFacts.get(facts);
  if (!names) byFacts.set(facts, (names = facts.refs2.filter((r) => r.kind === 'intent' && r.role === 'route').map((r) => r.name)));
  return names;
}

export const unusedIntentsRule: CxRule = {
  codes: ['dialogflow-cx/unused-intent'],
  check(ctx) {
    const { bot } = ctx;
    if (bot.unreadable.length > 0) return;
    const used = new Set<string>();
    for (const file of bot.files) for (const name of routeIntents(bot.facts.get(file)!)) used.add(name);
    for (const [name, list] of bot.intents) {
      if (used.has(name)) continue;
      for (const intent of list) {
        if (!intent.file || bot.facts.get(intent.file)!.isFallback) continue;
        const at = intent.displayName ?? bot.facts.get(intent.file)!.top;
        if (!at) continue;
        ctx.report(intent.file, {
          start: at.start,
          end: intent.displayName ? at.end : at.start + 1,
          code: 'dialogflow-cx/unused-intent',
          message: `No route uses the intent "${name}": when it matches, the agent does nothing with it. Add a route with "intent": "${name}" to a flow or page, or remove the intent.`,
        });
      }
    }
  },
};

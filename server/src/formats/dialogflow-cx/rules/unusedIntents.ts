// dialogflow-cx/unused-intent: an intent no transition route names — the agent can match it
// but nothing happens (dfcx-scrapi's "unused intents"). The negative intent is meant to be
// unused. Off while a file of the agent cannot be read.
import type { CxRule } from './types';

export const unusedIntentsRule: CxRule = {
  codes: ['dialogflow-cx/unused-intent'],
  check(ctx) {
    const { bot } = ctx;
    if (bot.unreadable.length > 0) return;
    const used = new Set<string>();
    for (const file of bot.files) for (const r of bot.facts.get(file)!.refs2) if (r.kind === 'intent' && r.role === 'route') used.add(r.name);
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

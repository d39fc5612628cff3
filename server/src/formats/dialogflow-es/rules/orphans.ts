// dialogflow-es/usersays-without-intent and dialogflow-es/entries-without-entity: a training
// phrases file `<Name>_usersays_<lang>.json` belongs to the intent in `<Name>.json`, an entries
// file to its entity; without it ES imports nothing of it.
import type { EsRule } from './types';

export const orphansRule: EsRule = {
  codes: ['dialogflow-es/usersays-without-intent', 'dialogflow-es/entries-without-entity'],
  check(ctx) {
    const { bot } = ctx;
    for (const file of bot.files) {
      const facts = bot.facts.get(file)!;
      const role = facts.place.role;
      if (role !== 'usersays' && role !== 'entries') continue;
      const owner = bot.owner.get(file);
      if (!owner || owner.file) continue;
      const root = bot.docs.get(file)!.doc.root;
      const at = root ? { start: root.start, end: root.start + 1 } : { start: 0, end: 0 };
      const kind = role === 'usersays' ? 'intent' : 'entity';
      ctx.report(file, {
        ...at,
        code: role === 'usersays' ? 'dialogflow-es/usersays-without-intent' : 'dialogflow-es/entries-without-entity',
        message: `${bot.rel.get(file)} belongs to the ${kind} "${owner.base}", but there is no ${role === 'usersays' ? 'intents' : 'entities'}/${owner.base}.json: ES imports nothing of it. Restore the ${kind}'s file, or rename this one after the ${kind} it belongs to.`,
      });
    }
  },
};

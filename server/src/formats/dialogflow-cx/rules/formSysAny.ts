// dialogflow-cx/form-sys-any: a page's form parameter of type `@sys.any`, which matches
// anything the user says — the console's validation advises against it.
import type { CxRule } from './types';

export const formSysAnyRule: CxRule = {
  codes: ['dialogflow-cx/form-sys-any'],
  checkFile(ctx, file) {
    const { bot } = ctx;
    {
      const facts = bot.facts.get(file)!;
      if (facts.place.role !== 'page') return;
      for (const p of facts.parameters)
        if (p.entityType?.text === '@sys.any')
          ctx.report(file, {
            start: p.entityType.start,
            end: p.entityType.end,
            code: 'dialogflow-cx/form-sys-any',
            message: `The form parameter "${p.id.text}" is @sys.any: it takes whatever the user says, so the page can never re-prompt. Use a narrower entity type where one fits.`,
          });
    }
  },
};

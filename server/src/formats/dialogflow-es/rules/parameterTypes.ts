// dialogflow-es/unknown-entity in an intent: a parameter's `dataType` names an entity the
// agent does not define (entities/<name>.json) and that is no system one (@sys.…).
import { closest } from '../../../definitions/text/didYouMean';
import type { Finding } from '../../../definitions/index';
import { entityName } from '../builtins';
import type { EsRule } from './types';

export const parameterTypesRule: EsRule = {
  codes: ['dialogflow-es/unknown-entity'],
  check(ctx) {
    const { bot } = ctx;
    for (const file of bot.files) {
      const facts = bot.facts.get(file)!;
      if (facts.place.role !== 'intent') continue;
      for (const p of facts.parameters) {
        const name = p.dataType ? entityName(p.dataType.text) : undefined;
        if (!p.dataType || name === undefined || name === '' || name.startsWith('sys.') || bot.entities.has(name)) continue;
        const f: Finding = {
          start: p.dataType.start,
          end: p.dataType.end,
          code: 'dialogflow-es/unknown-entity',
          message: `The parameter "${p.name.text}" is of the entity "@${name}", which is not defined: there is no entities/${name}.json, and it is no system entity (@sys.…). Create it, or use one that exists.`,
        };
        const near = closest(name, bot.entities.keys());
        if (near) {
          f.message += ` Did you mean "@${near}"?`;
          f.fixes = [{ title: `Change to "@${near}"`, edits: [{ file, start: p.dataType.start, end: p.dataType.end, newText: JSON.stringify(`@${near}`) }], preferred: true }];
        }
        ctx.report(file, f);
      }
    }
  },
};

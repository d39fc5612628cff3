// Entities that examples and stories name must be declared in the domain, with their roles
// and groups: Rasa does not check this, but drops undeclared entities from featurization, so
// an annotation `[words](e)`, `[words](e:value)`, `[words]{"entity": "e", "role": "r"}`
// or a story step's `entities:` naming an undeclared one trains nothing.
import { closest } from '../../../definitions/text/didYouMean';
import { addToDomainFix, declared, renameFix } from './names';
import { dataFiles, usesOf, type EntityUse } from './uses';
import type { RasaRule, RasaRuleContext } from './types';

const CODE = 'rasa/entity-not-in-domain';

export const entitiesRule: RasaRule = {
  codes: [CODE],
  check(ctx) {
    const { bot } = ctx;
    const names = declared(bot);
    if (ctx.isOff(CODE) || names.domainUnsure) return;
    for (const { file } of dataFiles(bot)) {
      for (const [name, uses] of usesOf(bot, file)!.entities) {
        const decl = names.entityRoles.get(name);
        if (!decl) {
          for (const use of uses) unknownEntity(ctx, file, use);
          continue;
        }
        for (const use of uses) {
          if (use.role && !decl.roles.has(use.role.text)) unknownPart(ctx, file, use, 'role', decl.roles);
          if (use.group && !decl.groups.has(use.group.text)) unknownPart(ctx, file, use, 'group', decl.groups);
        }
      }
    }
  },
};

function unknownEntity(ctx: RasaRuleContext, file: string, use: EntityUse): void {
  const { bot } = ctx;
  const { name } = use;
  const guess = closest(name.text, bot.entities.keys());
  ctx.report(file, {
    start: name.start,
    end: name.end,
    code: CODE,
    message: `The entity '${name.text}' is not declared in the domain, so Rasa leaves it out of training.${guess ? ` Did you mean '${guess}'?` : ''} Add it to the domain's entities${guess ? ', or change the name' : ''}.`,
    fixes: [...renameFix(bot, file, name, guess), ...addToDomainFix(bot, 'entities', name.text)],
  });
}

function unknownPart(ctx: RasaRuleContext, file: string, use: EntityUse, kind: 'role' | 'group', known: Set<string>): void {
  const value = use[kind]!;
  const entity = use.name.text;
  const guess = closest(value.text, known);
  ctx.report(file, {
    start: value.start,
    end: value.end,
    code: CODE,
    message: `The entity '${entity}' has no ${kind} '${value.text}' in the domain.${guess ? ` Did you mean '${guess}'?` : ''} Add it to the entity's ${kind}s in the domain (- ${entity}: {${kind}s: [${value.text}]})${guess ? ', or change the name' : ''}.`,
    fixes: renameFix(ctx.bot, file, value, guess),
  });
}

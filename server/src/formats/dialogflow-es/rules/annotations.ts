// The annotations of training phrases: dialogflow-es/unknown-parameter (an `alias` that is no
// parameter of the phrase's intent), dialogflow-es/unknown-entity (a `meta` entity the agent
// does not define and that is no `@sys.` one) and dialogflow-es/annotation-type-mismatch (a
// `meta` that is not the entity of the parameter the alias names). Not reported while the
// intent's file cannot be read.
import { closest, requote } from '../../../definitions/text/didYouMean';
import type { Finding } from '../../../definitions/index';
import { entityName } from '../builtins';
import type { EsRule } from './types';

export const annotationsRule: EsRule = {
  codes: ['dialogflow-es/unknown-parameter', 'dialogflow-es/unknown-entity', 'dialogflow-es/annotation-type-mismatch'],
  check(ctx) {
    const { bot } = ctx;
    for (const file of bot.files) {
      const facts = bot.facts.get(file)!;
      if (facts.place.role !== 'usersays') continue;
      const intent = bot.owner.get(file);
      if (!intent || intent.kind !== 'intent' || !intent.file || bot.unreadable.has(intent.file)) continue;
      const params = bot.facts.get(intent.file)!.parameters;
      const text = bot.docs.get(file)!.doc.text;
      // A parameter of an unknown entity is reported in the intent: its annotations are not compared with it.
      const knownEntity = (n: string | undefined): boolean => n !== undefined && (n.startsWith('sys.') || bot.entities.has(n));
      for (const ph of facts.phrases)
        for (const part of ph.parts) {
          const param = part.alias ? params.find((p) => p.name.text === part.alias!.text) : undefined;
          if (part.alias && !param) {
            const f: Finding = {
              start: part.alias.start,
              end: part.alias.end,
              code: 'dialogflow-es/unknown-parameter',
              message: `"${part.alias.text}" is not a parameter of the intent "${intent.name}": ES annotates the text with a parameter the intent does not have. Add the parameter to the intent's responses, or use one it has.`,
            };
            const near = closest(part.alias.text, params.map((p) => p.name.text));
            if (near) {
              f.message += ` Did you mean "${near}"?`;
              f.fixes = [{ title: `Change to "${near}"`, edits: [{ file, start: part.alias.start, end: part.alias.end, newText: requote(text, part.alias.start, part.alias.end, near) }], preferred: true }];
            }
            ctx.report(file, f);
          }
          if (!part.meta) continue;
          const name = entityName(part.meta.text);
          if (name === undefined) continue;
          if (!name.startsWith('sys.') && !bot.entities.has(name)) {
            const f: Finding = {
              start: part.meta.start,
              end: part.meta.end,
              code: 'dialogflow-es/unknown-entity',
              message: `The entity "@${name}" is not defined: there is no entities/${name}.json, and it is no system entity (@sys.…). Create it, or annotate with one that exists.`,
            };
            const near = closest(name, bot.entities.keys());
            if (near) {
              f.message += ` Did you mean "@${near}"?`;
              f.fixes = [{ title: `Change to "@${near}"`, edits: [{ file, start: part.meta.start, end: part.meta.end, newText: JSON.stringify(`@${near}`) }], preferred: true }];
            }
            ctx.report(file, f);
          } else if (param?.dataType && entityName(param.dataType.text) !== name && knownEntity(entityName(param.dataType.text))) {
            ctx.report(file, {
              start: part.meta.start,
              end: part.meta.end,
              code: 'dialogflow-es/annotation-type-mismatch',
              message: `This text is annotated as ${part.meta.text}, but the parameter "${param.name.text}" it fills is ${param.dataType.text}. Annotate it with ${param.dataType.text}, or fill another parameter.`,
              fixes: [{ title: `Change to "${param.dataType.text}"`, edits: [{ file, start: part.meta.start, end: part.meta.end, newText: JSON.stringify(param.dataType.text) }], preferred: true }],
              related: [{ file: intent.file, start: param.name.start, end: param.name.end, message: `the parameter "${param.name.text}"` }],
            });
          }
        }
    }
  },
};

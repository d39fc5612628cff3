// dialogflow-cx/unknown-parameter: a training phrase part's `parameterId` is no parameter of
// its intent (the `parameters` of intents/<intent>/<intent>.json).
import { unknownRefRule } from './unknownRefs';

export const unknownParameterRule = unknownRefRule('parameter', 'dialogflow-cx/unknown-parameter', (ref, file, ctx) => {
  const intent = ctx.bot.owner.get(file);
  // Without a readable metadata file the intent's parameters are unknown: nothing to say.
  if (!intent?.file || ctx.bot.unreadable.includes(intent.file)) return undefined;
  return `"${ref.name}" is not a parameter of the intent "${intent.name}": the part is annotated with a parameter the intent does not have. Add it to the intent's parameters, or annotate with one it has.`;
});

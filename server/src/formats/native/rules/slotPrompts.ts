// A required slot needs a prompt, or the bot has nothing to ask for it with.
import type { FileRule } from './types';

export const slotPromptsRule: FileRule = {
  codes: ['slot/missing-prompt'],
  check(ctx) {
    for (const intent of ctx.doc.facts.intents) {
      for (const slot of intent.slots) {
        if (!slot.required || slot.prompt) continue;
        ctx.report({
          start: slot.def.start,
          end: slot.def.end,
          code: 'slot/missing-prompt',
          message: `The required slot ${slot.def.name} of ${intent.def.name} has no prompt, so the bot cannot ask for it. Add prompt: with a question per locale.`,
        });
      }
    }
  },
};

// The checks of names used by display name, one per kind of name (their files are below):
// every use that resolves to nothing is reported at the name, with the closest name of that
// kind as a quick fix.
import { closest, requote } from '../../../definitions/text/didYouMean';
import type { Finding } from '../../../definitions/index';
import type { CxRef } from '../facts';
import { candidates, resolves } from '../resolve';
import type { CxRule, CxRuleContext } from './types';

/** A rule reporting the uses of one kind of name that name nothing. */
export function unknownRefRule(kind: CxRef['kind'], code: string, describe: (ref: CxRef, file: string, ctx: CxRuleContext) => string | undefined, roles?: readonly CxRef['role'][]): CxRule {
  return {
    codes: [code],
    checkFile(ctx, file) {
      const { bot } = ctx;
      {
        const facts = bot.facts.get(file)!;
        if (!facts.refs2.some((r) => r.kind === kind)) return;
        const text = bot.docs.get(file)!.doc.text;
        for (const ref of facts.refs2) {
          if (ref.kind !== kind || (roles && !roles.includes(ref.role))) continue;
          if (resolves(bot, file, ref)) continue;
          const message = describe(ref, file, ctx);
          if (message === undefined) continue;
          const f: Finding = { start: ref.start, end: ref.end, code, message };
          const near = ref.name === '' ? undefined : closest(ref.name, candidates(bot, file, kind));
          if (near !== undefined) {
            const prefix = kind === 'entityType' ? '@' : '';
            f.message += ` Did you mean "${prefix}${near}"?`;
            f.fixes = [{ title: `Change to "${prefix}${near}"`, edits: [{ file, start: ref.start, end: ref.end, newText: requote(text, ref.start, ref.end, prefix + near) }], preferred: true }];
          }
          ctx.report(file, f);
        }
      }
    },
  };
}

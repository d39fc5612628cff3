// A topic has at most 20 example queries (`poly validate`); reported over the ones past the
// twentieth.
import type { PolyRule } from './types';

const MAX = 20;

export const exampleQueriesRule: PolyRule = {
  codes: ['polyai/too-many-example-queries'],
  needsEveryFile: false,
  check({ project, report }) {
    for (const { file, decl: t } of project.topics) {
      const q = t.exampleQueriesNode;
      if (!q || q.items.length <= MAX) continue;
      report(file, {
        start: q.items[MAX]!.start,
        end: q.items[q.items.length - 1]!.end,
        code: 'polyai/too-many-example-queries',
        message: `The topic '${t.name?.text ?? '?'}' has ${q.items.length} example queries; the ADK allows at most ${MAX}. Keep the ${MAX} that cover it best.`,
      });
    }
  },
};

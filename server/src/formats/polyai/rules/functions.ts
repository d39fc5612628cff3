// Function files as the ADK reads them (resources/function.py): the file holds the literal
// `def <name>(conv: Conversation, …)` — with `flow: Flow` second in a flow's functions, and
// nothing else in a function step — with parameters typed str, int, float or bool; global
// and transition functions carry a non-empty, trimmed @func_description (helper modules in
// functions/ carry a placeholder one, as the ADK's examples do). Lifecycle functions need no
// description.
import { LIFECYCLE, stem } from '../paths';
import type { PyFunction } from '../python';
import type { PolyRule } from './types';

const TYPES = new Set(['str', 'int', 'float', 'bool']);

export const functionsRule: PolyRule = {
  codes: ['polyai/function-signature', 'polyai/function-description'],
  needsEveryFile: false,
  check({ project, report }) {
    const check = (file: string, fn: PyFunction, kind: 'global' | 'transition' | 'step') => {
      const name = stem(file);
      const def = fn.def;
      const want = kind === 'global' ? `def ${name}(conv: Conversation, …)` : kind === 'transition' ? `def ${name}(conv: Conversation, flow: Flow, …)` : `def ${name}(conv: Conversation, flow: Flow)`;
      if (!def) {
        report(file, { start: 0, end: 0, code: 'polyai/function-signature', message: `This file has no \`def ${name}(…)\`: the ADK wants ${want}, named like the file.${fn.defs.length ? ` It defines ${fn.defs.slice(0, 3).join(', ')}.` : ''}` });
      } else {
        const [first, second, ...rest] = def.params;
        const bad = (at: { start: number; end: number }, why: string) => report(file, { start: at.start, end: at.end, code: 'polyai/function-signature', message: `${why} The ADK wants ${want}.` });
        if (!first || first.name !== 'conv' || first.type !== 'Conversation') bad(first ?? def.name, 'The first parameter must be `conv: Conversation`.');
        else if (kind !== 'global' && (!second || second.name !== 'flow' || second.type !== 'Flow')) bad(second ?? def.name, 'A flow\'s function takes `flow: Flow` second.');
        else {
          const extra = kind === 'global' ? [second, ...rest].filter((p) => !!p) : rest;
          if (kind === 'step' && extra.length) bad(extra[0]!, 'A function step takes no parameters of its own.');
          else for (const p of extra) if (!p!.type || !TYPES.has(p!.type)) bad(p!, `The parameter \`${p!.name}\` must be typed str, int, float or bool (no defaults, no Optional).`);
        }
      }
      if (kind === 'step' || LIFECYCLE.has(name)) return;
      const d = fn.description;
      if (!d || d.text.trim() === '' || d.text !== d.text.trim()) {
        report(file, {
          start: d?.start ?? def?.name.start ?? 0,
          end: d?.end ?? def?.name.end ?? 0,
          code: 'polyai/function-description',
          message: d ? 'The description has leading or trailing spaces, or is empty: the ADK wants a non-empty, trimmed @func_description.' : `${kind === 'global' ? 'A global' : 'A transition'} function needs @func_description("…"): the agent decides when to call it from that text.`,
        });
      }
    };
    for (const { file, decl } of project.functions.values()) check(file, decl, 'global');
    for (const flow of project.flows.values()) {
      for (const { file, decl } of flow.transitionFunctions.values()) check(file, decl, 'transition');
      for (const { file, decl } of flow.functionSteps.values()) check(file, decl, 'step');
    }
  },
};

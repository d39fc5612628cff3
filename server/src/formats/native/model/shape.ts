// A file's shape: what the other files' checks may read of it — the names it defines, the
// names it uses, the sections it has, how its flows start and chain — and nothing of
// positions or training texts. Typing inside an utterance or a message leaves it as it was,
// so the other files' findings stay valid (rules/types.ts says which rules may rely on it).
import type { DocFacts } from './facts';

const shapes = new WeakMap<DocFacts, string>();

/** The shape of a file's facts, as a string to compare (computed once per parse). */
export function shapeOf(facts: DocFacts): string {
  let s = shapes.get(facts);
  if (s !== undefined) return s;
  const parts: string[] = [];
  for (const [key, p] of facts.sections) parts.push(`s${key}=${p.value?.type ?? 'null'}`);
  for (const d of facts.defs) parts.push(`d${d.key}/${d.container ?? ''}`);
  for (const r of facts.refs) parts.push(`r${r.key}/${r.role}/${r.scope ?? ''}`);
  for (const f of facts.flows) {
    parts.push(`f${f.def.name}/${f.trigger ? `${f.trigger.kind}:${f.trigger.item.text}` : ''}`);
    for (const step of f.steps) parts.push(`.${step.action ?? ''}:${step.target?.text ?? ''}`);
  }
  s = parts.join('\u0000');
  shapes.set(facts, s);
  return s;
}

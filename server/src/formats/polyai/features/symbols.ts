// The outline of a PolyAI file: a flow's config shows the flow as its step graph — from the
// start step, each step with where its conditions go, in the order the graph reaches them,
// then the steps nothing reaches; a step shows its conditions; a topic its example queries;
// the config lists (entities, handoffs, translations, variants, attributes, SMS templates)
// their items.
import type { DocumentSymbol, WorkspaceView } from '../../../definitions/index';
import type { Str } from '../facts';
import type { PolyFlow } from '../model';
import { polyProject } from './locate';

function sym(name: string, kind: string, whole: { start: number; end: number }, sel: { start: number; end: number }, detail = '', children: DocumentSymbol[] = []): DocumentSymbol {
  return { name, kind, detail, start: Math.min(whole.start, sel.start), end: Math.max(whole.end, sel.end), selectionStart: sel.start, selectionEnd: sel.end, children };
}

/** The flow's steps in the order its graph reaches them from the start step, then the rest. */
export function stepGraph(flow: PolyFlow): { name: string; next: string[]; kind: 'step' | 'function step' }[] {
  const out: { name: string; next: string[]; kind: 'step' | 'function step' }[] = [];
  const nextOf = (name: string): string[] => {
    const step = flow.steps.get(name)?.[0];
    if (step) return step.decl.conditions.map((c) => (c.type?.text === 'exit_flow_condition' ? '(exit)' : (c.childStep?.text ?? '?')));
    const fs = flow.functionSteps.get(name);
    return fs ? fs.decl.gotoSteps.map((g) => g.text) : [];
  };
  const seen = new Set<string>();
  const queue: string[] = [];
  const start = flow.config?.decl.startStep?.text;
  if (start) queue.push(start);
  while (queue.length) {
    const name = queue.shift()!;
    if (seen.has(name) || !(flow.steps.has(name) || flow.functionSteps.has(name))) continue;
    seen.add(name);
    const next = nextOf(name);
    out.push({ name, next, kind: flow.steps.has(name) ? 'step' : 'function step' });
    for (const n of next) if (!seen.has(n)) queue.push(n);
  }
  for (const name of [...flow.steps.keys(), ...flow.functionSteps.keys()].sort()) if (!seen.has(name)) out.push({ name, next: nextOf(name), kind: flow.steps.has(name) ? 'step' : 'function step' });
  return out;
}

export function documentSymbols(ws: WorkspaceView, file: string): DocumentSymbol[] {
  const project = polyProject(ws, file);
  const facts = project?.facts.get(file);
  const doc = project?.docs.get(file)?.doc;
  if (!project || !facts || !doc) return [];
  const whole = { start: 0, end: doc.text.length };
  if (facts.role === 'flow-config' && facts.flow !== undefined) {
    const flow = project.flows.get(facts.flow);
    const c = facts.flowConfig;
    if (!flow || !c) return [];
    const start = c.startStep;
    const steps = stepGraph(flow).map((s) => sym(s.name, 'step', start && s.name === start.text ? start : whole, start && s.name === start.text ? start : { start: 0, end: 0 }, `${s.kind}${s.next.length ? ` → ${s.next.join(', ')}` : ''}`));
    return [sym(c.name?.text ?? facts.flow, 'flow', whole, c.name ?? whole, c.description?.text ?? '', steps)];
  }
  if (facts.role === 'step' && facts.step) {
    const s = facts.step;
    const conditions = s.conditions.map((c) => sym(c.name?.text ?? 'condition', 'key', c.node, c.name ?? c.node, c.type?.text === 'exit_flow_condition' ? 'exits the flow' : `→ ${c.childStep?.text ?? '?'}`));
    return [sym(s.name?.text ?? 'step', 'step', s.node, s.name ?? s.node, s.type?.text ?? '', conditions)];
  }
  if (facts.role === 'topic' && facts.topic) {
    const t = facts.topic;
    return [sym(t.name?.text ?? 'topic', 'intent', t.node, t.name ?? t.node, `${t.exampleQueries.length} example queries`, t.exampleQueries.map((q) => sym(q.text, 'value', q, q)))];
  }
  const lists: [string, { name: Str; node: { start: number; end: number } }[], string][] = [
    ['entities', facts.entities, 'entity'],
    ['handoffs', facts.handoffs, 'action'],
    ['translations', facts.translations, 'response'],
    ['variants', facts.variants, 'variable'],
    ['attributes', facts.attributes, 'variable'],
    ['sms_templates', facts.smsTemplates, 'response'],
  ];
  const out: DocumentSymbol[] = [];
  for (const [key, items, kind] of lists) {
    if (!items.length) continue;
    const p = facts.root?.properties.find((x) => x.key === key);
    const children = items.map((i) => sym(i.name.text, kind, i.node, i.name));
    out.push(p ? sym(key, 'section', p, { start: p.keyStart, end: p.keyEnd }, `${children.length}`, children) : sym(key, 'section', whole, whole, '', children));
  }
  return out;
}

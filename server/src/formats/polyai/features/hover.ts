// Hover in a PolyAI project: on {{fn:x}} (or a test's assertion, or the def itself) the
// function's description and parameters; on {{ft:x}} the transition function's; on a step
// name (start_step, child_step, goto_step) the step's type and where its conditions go; on
// the other references what they name and where.
import type { Hover, WorkspaceView } from '../../../definitions/index';
import type { PolyProject } from '../model';
import type { PyFunction } from '../python';
import { definitionsOf, placeAt, where } from './locate';
import type { Place } from './locate';

function describeFunction(project: PolyProject, name: string, file: string, fn: PyFunction, kind: string): string {
  const params = (fn.def?.params ?? []).filter((p) => p.name !== 'conv' && p.name !== 'flow');
  const docs = new Map(fn.paramDocs.map((d) => [d.name.text, d.description]));
  const lines = [`**${kind}** \`${name}(${params.map((p) => `${p.name}${p.type ? `: ${p.type}` : ''}`).join(', ')})\``];
  if (fn.description) lines.push(fn.description.text);
  if (params.length) lines.push(params.map((p) => `- \`${p.name}\`${p.type ? ` (${p.type})` : ''}${docs.get(p.name) ? ` — ${docs.get(p.name)}` : ''}`).join('\n'));
  lines.push(`\`${where(project, file)}\``);
  return lines.join('\n\n');
}

function contentsOf(project: PolyProject, t: Place): string | undefined {
  switch (t.kind) {
    case 'function': {
      const f = project.functions.get(t.name);
      return f ? describeFunction(project, t.name, f.file, f.decl, 'global function') : `No global function \`${t.name}\` in functions/.`;
    }
    case 'transition': {
      const f = t.flow !== undefined ? project.flows.get(t.flow)?.transitionFunctions.get(t.name) : undefined;
      return f ? describeFunction(project, t.name, f.file, f.decl, 'transition function') : `No transition function \`${t.name}\` in this flow.`;
    }
    case 'step': {
      const flow = t.flow !== undefined ? project.flows.get(t.flow) : undefined;
      const step = flow?.steps.get(t.name)?.[0];
      const fstep = flow?.functionSteps.get(t.name);
      if (step) {
        const goes = step.decl.conditions.map((c) => `- ${c.name?.text ?? 'condition'} → ${c.type?.text === 'exit_flow_condition' ? 'exits the flow' : (c.childStep?.text ?? '?')}`);
        return [`**${step.decl.type?.text === 'default_step' ? 'default step' : 'advanced step'}** ${t.name}`, ...(goes.length ? [goes.join('\n')] : []), `\`${where(project, step.file)}\``].join('\n\n');
      }
      if (fstep) return describeFunction(project, t.name, fstep.file, fstep.decl, 'function step');
      return `No step \`${t.name}\` in this flow.`;
    }
    case 'flow': {
      const flow = project.flowsByName.get(t.name);
      return flow ? `**flow** ${t.name}${flow.config?.decl.description ? `\n\n${flow.config.decl.description.text}` : ''}\n\nstarts at ${flow.config?.decl.startStep?.text ?? '?'}` : `No flow \`${t.name}\`.`;
    }
    default: {
      const defs = definitionsOf(project, t);
      const words: Record<string, string> = { entity: 'entity', attr: 'variant attribute', sms: 'SMS template', handoff: 'handoff', variable: 'state variable', translation: 'translation', variant: 'variant' };
      return defs.length ? `**${words[t.kind] ?? t.kind}** ${t.name}\n\n${[...new Set(defs.map((d) => `\`${where(project, d.file)}\``))].join(', ')}` : `No ${words[t.kind] ?? t.kind} \`${t.name}\`.`;
    }
  }
}

export function hover(ws: WorkspaceView, file: string, offset: number): Hover | undefined {
  const at = placeAt(ws, file, offset);
  if (!at) return undefined;
  const contents = contentsOf(at.project, at.place);
  return contents ? { contents, start: at.place.start, end: at.place.end } : undefined;
}

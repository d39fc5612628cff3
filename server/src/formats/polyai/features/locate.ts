// What is at an offset of a PolyAI project's file, and where things are defined and used:
// every reference kind the project has — {{prefix:name}} in texts, a flow's start step and
// conditions' child steps, the entities steps extract and conditions require, goto_step and
// goto_flow in code, a test's variant and function assertions — and every definition (a
// step's name, a function's def, an entity, a handoff, …). Built once per model.
import type { WorkspaceView } from '../../../definitions/index';
import type { Str } from '../facts';
import type { PolyProject } from '../model';
import { relOf } from '../model';
import { stem } from '../paths';

/** What a name is: the prefixes' kinds, and steps and flows. */
export type TargetKind = 'function' | 'transition' | 'entity' | 'attr' | 'sms' | 'handoff' | 'variable' | 'translation' | 'variant' | 'step' | 'flow';

export const KIND_OF_PREFIX: Readonly<Record<string, TargetKind>> = {
  fn: 'function',
  ft: 'transition',
  entity: 'entity',
  attr: 'attr',
  twilio_sms: 'sms',
  ho: 'handoff',
  vrbl: 'variable',
  tn: 'translation',
};

export interface Target {
  kind: TargetKind;
  name: string;
  /** The flow folder, for steps and transition functions. */
  flow?: string;
}

export interface Place extends Target {
  file: string;
  start: number;
  end: number;
}

export interface ProjectIndex {
  defs: Place[];
  uses: Place[];
  /** Places by file, sorted by start, for lookups at an offset. */
  byFile: Map<string, Place[]>;
}

const indexes = new WeakMap<PolyProject, ProjectIndex>();

const keyOf = (t: Target) => `${t.kind}\0${t.flow ?? ''}\0${t.name}`;

/** The project's definitions and uses, made once per model. */
export function indexOf(p: PolyProject): ProjectIndex {
  let ix = indexes.get(p);
  if (ix) return ix;
  const defs: Place[] = [];
  const uses: Place[] = [];
  const def = (file: string, s: Str | { start: number; end: number; text?: string } | undefined, kind: TargetKind, name: string, flow?: string) => {
    if (s) defs.push({ kind, name, file, start: s.start, end: s.end, ...(flow !== undefined ? { flow } : {}) });
  };
  const use = (file: string, s: Str, kind: TargetKind, flow?: string) => uses.push({ kind, name: s.text, file, start: s.start, end: s.end, ...(flow !== undefined ? { flow } : {}) });
  for (const [name, list] of p.entities) for (const e of list) def(e.file, e.decl.name, 'entity', name);
  for (const h of p.handoffs) def(h.file, h.decl.name, 'handoff', h.decl.name.text);
  for (const [name, list] of p.smsTemplates) for (const s of list) def(s.file, s.decl.name, 'sms', name);
  for (const [name, list] of p.translations) for (const t of list) def(t.file, t.decl.name, 'translation', name);
  for (const [name, list] of p.attributes) for (const a of list) def(a.file, a.decl.name, 'attr', name);
  for (const v of p.variants) def(v.file, v.decl.name, 'variant', v.decl.name.text);
  for (const [name, list] of p.variables) for (const w of list) def(w.file, w.decl, 'variable', name);
  for (const [name, f] of p.functions) def(f.file, f.decl.def?.name ?? { start: 0, end: 0 }, 'function', name);
  for (const flow of p.flows.values()) {
    const c = flow.config;
    if (c?.decl.name) def(c.file, c.decl.name, 'flow', c.decl.name.text);
    for (const { file, decl } of flow.stepFiles) if (decl.name) def(file, decl.name, 'step', decl.name.text, flow.folder);
    for (const [name, f] of flow.functionSteps) def(f.file, f.decl.def?.name ?? { start: 0, end: 0 }, 'step', name, flow.folder);
    for (const [name, f] of flow.transitionFunctions) def(f.file, f.decl.def?.name ?? { start: 0, end: 0 }, 'transition', name, flow.folder);
    if (c?.decl.startStep) use(c.file, c.decl.startStep, 'step', flow.folder);
    for (const { file, decl } of flow.stepFiles) {
      for (const e of decl.extractedEntities) use(file, e, 'entity');
      for (const cond of decl.conditions) {
        if (cond.childStep && cond.type?.text !== 'exit_flow_condition') use(file, cond.childStep, 'step', flow.folder);
        for (const e of cond.requiredEntities) use(file, e, 'entity');
      }
    }
    for (const f of [...flow.functionSteps.values(), ...flow.transitionFunctions.values()]) for (const g of f.decl.gotoSteps) use(f.file, g, 'step', flow.folder);
  }
  for (const [file, facts] of p.facts) {
    for (const g of facts.python?.gotoFlows ?? []) use(file, g, 'flow');
  }
  for (const { file, decl: r } of p.textRefs) {
    const kind = KIND_OF_PREFIX[r.prefix];
    if (kind) uses.push({ kind, name: r.name, file, start: r.start, end: r.end, ...(kind === 'transition' && r.flow !== undefined ? { flow: r.flow } : {}) });
  }
  for (const { file, decl: t } of p.tests) {
    if (t.variant) use(file, t.variant, 'variant');
    for (const a of t.assertions) if (a.name) use(file, a.name, 'function');
  }
  const byFile = new Map<string, Place[]>();
  for (const x of [...defs, ...uses]) {
    const list = byFile.get(x.file);
    if (list) list.push(x);
    else byFile.set(x.file, [x]);
  }
  for (const list of byFile.values()) list.sort((a, b) => a.start - b.start);
  ix = { defs, uses, byFile };
  indexes.set(p, ix);
  return ix;
}

/** The PolyAI project a file belongs to. */
export function polyProject(ws: WorkspaceView, file: string): PolyProject | undefined {
  const bot = ws.botOf(file);
  return bot && bot.format === 'polyai' ? (bot as PolyProject) : undefined;
}

/** The name at an offset, as a definition or a use. */
export function placeAt(ws: WorkspaceView, file: string, offset: number): { project: PolyProject; place: Place } | undefined {
  const project = polyProject(ws, file);
  if (!project) return undefined;
  const list = indexOf(project).byFile.get(file) ?? [];
  for (const x of list) {
    if (x.start > offset) break;
    if (offset <= x.end && !(x.start === 0 && x.end === 0)) return { project, place: x };
  }
  return undefined;
}

export function sameTarget(a: Target, b: Target): boolean {
  return keyOf(a) === keyOf(b);
}

/** Where a target is defined. */
export function definitionsOf(project: PolyProject, t: Target): Place[] {
  return indexOf(project).defs.filter((d) => sameTarget(d, t));
}

/** Where a target is used. */
export function usesOf(project: PolyProject, t: Target): Place[] {
  return indexOf(project).uses.filter((u) => sameTarget(u, t));
}

/** A function's file name, for people. */
export function where(project: PolyProject, file: string): string {
  return relOf(project, file);
}

export { stem };

// Completion in a PolyAI project: inside `{{prefix:` the names that prefix takes there (the
// flow's own transition functions for {{ft:}}), and after `{{` the prefixes the text allows —
// only where the prefix is allowed (a default step's prompt offers no function); in a flow's
// start_step and a condition's child_step, the flow's steps.
import type { CompletionItem, CompletionResult, WorkspaceView } from '../../../definitions/index';
import { nodeAt } from '../../../definitions/index';
import type { PolyProject } from '../model';
import { namesFor } from '../model';
import { flowFolderOf } from '../paths';
import { ALLOWED, PREFIXES } from '../refs';
import type { TextPlace } from '../refs';
import { polyProject } from './locate';

/** The kind of text the offset is in, from the file's role and the key of the value there. */
function placeAt(project: PolyProject, file: string, offset: number): { place?: TextPlace; key?: string } {
  const facts = project.facts.get(file);
  if (!facts) return {};
  if (facts.role === 'rules') return { place: 'rules' };
  const doc = project.docs.get(file)?.doc;
  const hit = doc ? nodeAt(doc.root, offset) : undefined;
  const key = hit?.node.property?.key ?? hit?.keyOf?.key;
  switch (facts.role) {
    case 'topic':
      return key === 'actions' ? { place: 'topic-actions', key } : key === 'content' ? { place: 'topic-content', key } : { ...(key ? { key } : {}) };
    case 'step':
      if (key === 'prompt') return { place: facts.step?.type?.text === 'default_step' ? 'default-prompt' : 'advanced-prompt', key };
      return { ...(key ? { key } : {}) };
    case 'personality':
    case 'role':
      return key === 'custom' ? { place: 'persona-custom', key } : {};
    case 'sms':
      return key === 'text' ? { place: 'sms-text', key } : {};
    case 'voice-config':
    case 'chat-config':
      return key === 'welcome_message' || key === 'message' ? { place: 'greeting', key } : {};
    default:
      return { ...(key ? { key } : {}) };
  }
}

export function complete(ws: WorkspaceView, file: string, offset: number): CompletionResult {
  const none = { items: [], start: offset, end: offset };
  const project = polyProject(ws, file);
  const doc = project?.docs.get(file)?.doc;
  if (!project || !doc) return none;
  const text = doc.text;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const rel = project.facts.get(file);
  const flow = rel?.flow ?? flowFolderOf(file);
  const { place, key } = placeAt(project, file, offset);
  const ref = /\{\{([A-Za-z_]+):([^{}\s]*)$/.exec(before);
  if (ref) {
    const prefix = ref[1]!;
    if (place && !ALLOWED[place].includes(prefix)) return none;
    const start = offset - ref[2]!.length;
    let end = offset;
    while (end < text.length && /[^{}\s]/.test(text[end]!) && text[end] !== '}') end++;
    const items: CompletionItem[] = namesFor(project, prefix, flow).map((name) => ({ label: name, kind: KIND[prefix] ?? 'value', detail: PREFIXES[prefix] ?? '', ...docOf(project, prefix, name, flow) }));
    return { items, start, end };
  }
  const open = /\{\{([A-Za-z_]*)$/.exec(before);
  if (open && place) {
    const start = offset - open[1]!.length;
    return { items: ALLOWED[place].map((p) => ({ label: p, kind: 'key', detail: PREFIXES[p] ?? '', insertText: `${p}:` })), start, end: offset };
  }
  // A flow's start step and a condition's child step name a step of the flow.
  if ((key === 'start_step' || key === 'child_step') && flow !== undefined) {
    const f = project.flows.get(flow);
    if (!f) return none;
    const hit = nodeAt(doc.root, offset);
    const node = hit?.node.type === 'scalar' ? hit.node : undefined;
    const items = [...f.steps.keys(), ...f.functionSteps.keys()].map((name) => ({ label: name, kind: 'flow', detail: f.steps.has(name) ? 'step' : 'function step' }));
    return { items, start: node?.start ?? offset, end: node?.end ?? offset };
  }
  return none;
}

const KIND: Record<string, string> = { fn: 'function', ft: 'function', entity: 'entity', attr: 'variable', twilio_sms: 'response', ho: 'action', vrbl: 'variable', tn: 'response' };

function docOf(project: PolyProject, prefix: string, name: string, flow: string | undefined): { documentation?: string } {
  const fn = prefix === 'fn' ? project.functions.get(name) : prefix === 'ft' && flow !== undefined ? project.flows.get(flow)?.transitionFunctions.get(name) : undefined;
  const d = fn?.decl.description?.text;
  return d ? { documentation: d } : {};
}

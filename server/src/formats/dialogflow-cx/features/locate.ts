// What name is at an offset of a CX file, what it resolves to, and where that resource is
// defined and used across the agent — the one place the editor features ask. A resource is
// defined by its display name (the `displayName` of its metadata file; a page's file) and
// used by routes, targets, route group lists, fulfillments' webhooks, parameters' entity
// types, phrase parts' parameter ids, agent.json's start flow and test cases.
import type { WorkspaceView } from '../../../definitions/index';
import { normalizePath } from '../../../definitions/index';
import type { CxFacts, CxRef, Str } from '../facts';
import type { CxBot, Resource } from '../model';
import { resolveRef } from '../resolve';

/** The agent of a file and the file's facts, when the file belongs to a CX agent. */
export function cxFile(ws: WorkspaceView, file: string): { bot: CxBot; facts: CxFacts; path: string } | undefined {
  const bot = ws.botOf(file);
  if (!bot || bot.format !== 'dialogflow-cx') return undefined;
  const path = normalizePath(file);
  const cx = bot as CxBot;
  const facts = cx.facts.get(path);
  return facts ? { bot: cx, facts, path } : undefined;
}

/** What is under the cursor: a use of a name, or a resource's own display name, or an intent parameter's id. */
export interface At {
  bot: CxBot;
  file: string;
  /** The token under the cursor (quotes included). */
  start: number;
  end: number;
  ref?: CxRef;
  /** The resources it names or defines (empty for a name that resolves to nothing). */
  resources: Resource[];
  /** For a parameter: the intent's metadata file and the parameter's id. */
  parameter?: { file: string; id: Str };
  builtin?: boolean;
}

const within = (s: { start: number; end: number }, offset: number): boolean => offset >= s.start && offset <= s.end;

export function at(ws: WorkspaceView, file: string, offset: number): At | undefined {
  const f = cxFile(ws, file);
  if (!f) return undefined;
  const { bot, facts, path } = f;
  for (const ref of facts.refs2) {
    if (!within(ref, offset)) continue;
    const r = resolveRef(bot, path, ref);
    if (r === 'builtin') return { bot, file: path, start: ref.start, end: ref.end, ref, resources: [], builtin: true };
    const out: At = { bot, file: path, start: ref.start, end: ref.end, ref, resources: r.resources };
    if (r.parameter) out.parameter = r.parameter;
    return out;
  }
  const own = bot.owner.get(path);
  if (own && facts.displayName && own.file === path && within(facts.displayName, offset)) {
    const same = sameResources(bot, own);
    return { bot, file: path, start: facts.displayName.start, end: facts.displayName.end, resources: same };
  }
  if (facts.place.role === 'intent' && own) {
    for (const p of facts.parameters)
      if (within(p.id, offset)) return { bot, file: path, start: p.id.start, end: p.id.end, resources: [own], parameter: { file: path, id: p.id } };
  }
  return undefined;
}

/** The resources a reference to `r` resolves to: `r` and any other of its kind and scope with its name. */
function sameResources(bot: CxBot, r: Resource): Resource[] {
  const pick = (m: ReadonlyMap<string, Resource[]> | undefined): Resource[] => m?.get(r.name) ?? [r];
  switch (r.kind) {
    case 'intent':
      return pick(bot.intents);
    case 'entityType':
      return pick(bot.entityTypes);
    case 'flow':
      return pick(bot.flows);
    case 'webhook':
      return pick(bot.webhooks);
    case 'playbook':
      return pick(bot.playbooks);
    case 'page':
      return pick(bot.flowsByFolder.get(bot.facts.get(r.file!)?.place.folder ?? '')?.pages);
    case 'routeGroup': {
      const place = bot.facts.get(r.file!)?.place;
      return place?.role === 'flowGroup' ? pick(bot.flowsByFolder.get(place.folder ?? '')?.groups) : pick(bot.agentGroups);
    }
    default:
      return [r];
  }
}

/** Where a resource is defined: its display name in its metadata file, or the file's start. */
export function definitionSpan(bot: CxBot, r: Resource): { file: string; start: number; end: number; fullStart?: number; fullEnd?: number } | undefined {
  const file = r.file ?? r.files[0];
  if (!file) return undefined;
  const top = bot.facts.get(file)?.top;
  const name = r.file ? r.displayName : undefined;
  const out: { file: string; start: number; end: number; fullStart?: number; fullEnd?: number } = name ? { file, start: name.start, end: name.end } : { file, start: top?.start ?? 0, end: top ? top.start + 1 : 0 };
  if (top) {
    out.fullStart = top.start;
    out.fullEnd = top.end;
  }
  return out;
}

/** Every use of any of `resources` (or of the parameter) across the agent's files, in file order. */
export function usesOf(bot: CxBot, resources: readonly Resource[], parameter?: { file: string; id: Str }): { file: string; ref: CxRef }[] {
  const out: { file: string; ref: CxRef }[] = [];
  if (resources.length === 0) return out;
  const kinds = new Set(resources.map((r) => r.kind));
  for (const file of bot.files) {
    for (const ref of bot.facts.get(file)!.refs2) {
      const refKind = ref.kind === 'parameter' ? 'parameter' : ref.kind;
      if (parameter ? refKind !== 'parameter' : !kinds.has(refKind as Resource['kind'])) continue;
      const r = resolveRef(bot, file, ref);
      if (r === 'builtin') continue;
      if (parameter) {
        if (r.parameter && r.parameter.file === parameter.file && r.parameter.id.start === parameter.id.start) out.push({ file, ref });
      } else if (r.resources.some((x) => resources.includes(x))) out.push({ file, ref });
    }
  }
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.ref.start - b.ref.start));
}

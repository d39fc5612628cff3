// Rename an intent, page, flow, entity type, route group or webhook of a CX agent: its display
// name, every reference to it across the package, and its folder and file, named as the
// console names them (percent-encoded), as one edit the user can undo. An intent parameter's
// id renames with the phrase parts annotated with it. A zip's entries are read-only.
import type { FileEdit, PrepareRenameResult, RenameResult, WorkspaceView } from '../../../definitions/index';
import { dirOf, joinPath } from '../../../definitions/index';
import { SPECIAL_PAGES } from '../builtins';
import { encodeName } from '../names';
import type { CxBot, Resource } from '../model';
import { at, usesOf } from './locate';
import type { At } from './locate';

const KIND_WORDS: Record<Resource['kind'], string> = {
  intent: 'intent',
  entityType: 'entity type',
  flow: 'flow',
  page: 'page',
  routeGroup: 'route group',
  webhook: 'webhook',
  testCase: 'test case',
  playbook: 'playbook',
  generator: 'generator',
  tool: 'tool',
};

const RENAMEABLE = new Set<Resource['kind']>(['intent', 'entityType', 'flow', 'page', 'routeGroup', 'webhook']);

function plan(ws: WorkspaceView, file: string, offset: number): { a: At; what: string; old: string } | { error: string } {
  const a = at(ws, file, offset);
  if (!a) return { error: 'There is no name here to rename. Put the cursor on an intent, page, flow, entity type, route group or webhook (where it is defined or used).' };
  if (/\.zip(\/|$)/i.test(a.bot.dir)) return { error: 'This agent is a committed export zip: its files are read-only. Export the agent again after renaming it in the console, or unzip it to edit it.' };
  if (a.builtin) return { error: 'This is one of the console\'s own names (a special page, a system entity type or a language); it cannot be renamed.' };
  if (a.parameter) return { a, what: 'parameter', old: a.parameter.id.text };
  const r = a.resources[0];
  if (!r) return { error: `"${a.ref?.name ?? ''}" names nothing the agent defines, so there is nothing to rename.` };
  if (!RENAMEABLE.has(r.kind)) return { error: `A ${KIND_WORDS[r.kind]} is not renamed here: rename it in the console.` };
  return { a, what: KIND_WORDS[r.kind], old: r.name };
}

export function prepareRename(ws: WorkspaceView, file: string, offset: number): PrepareRenameResult {
  const p = plan(ws, file, offset);
  if ('error' in p) return p;
  const prefix = p.a.ref?.kind === 'entityType' ? 2 : 1;
  return { start: p.a.start + prefix, end: Math.max(p.a.start + prefix, p.a.end - 1), placeholder: p.old };
}

/** Whether another resource of the same kind and scope already has `name`. */
function taken(bot: CxBot, r: Resource, name: string): boolean {
  switch (r.kind) {
    case 'intent':
      return bot.intents.has(name);
    case 'entityType':
      return bot.entityTypes.has(name);
    case 'flow':
      return bot.flows.has(name);
    case 'webhook':
      return bot.webhooks.has(name);
    case 'page':
      return SPECIAL_PAGES.has(name) || !!bot.flowsByFolder.get(bot.facts.get(r.file!)?.place.folder ?? '')?.pages.has(name);
    case 'routeGroup': {
      const place = bot.facts.get(r.file!)?.place;
      return place?.role === 'flowGroup' ? !!bot.flowsByFolder.get(place.folder ?? '')?.groups.has(name) : bot.agentGroups.has(name);
    }
    default:
      return false;
  }
}

/**
 * The file and folder moves that give a renamed resource the console's names for it: a file
 * or folder is moved when its name (decoded) is the old name; one named otherwise keeps it.
 * The file first, then its folder, so that each move names a path that still exists.
 */
function moves(bot: CxBot, r: Resource, name: string): { from: string; to: string }[] {
  const out: { from: string; to: string }[] = [];
  if (!r.file) return out;
  const enc = `${encodeName(name)}`;
  const place = bot.facts.get(r.file)!.place;
  const foldered = r.kind === 'intent' || r.kind === 'entityType' || r.kind === 'flow';
  const fileName = foldered ? place.file : place.name;
  if (fileName === r.name) out.push({ from: r.file, to: joinPath(dirOf(r.file), `${enc}.json`) });
  if (foldered && place.folder === r.name) {
    const folder = dirOf(r.file);
    out.push({ from: folder, to: joinPath(dirOf(folder), enc) });
  }
  return out.filter((m) => m.from !== m.to);
}

export function rename(ws: WorkspaceView, file: string, offset: number, newName: string): RenameResult {
  const p = plan(ws, file, offset);
  if ('error' in p) return p;
  const { a } = p;
  const name = newName.trim();
  if (name === '') return { error: 'A display name cannot be empty.' };
  if (name === p.old) return { edits: [] };
  const bot = a.bot;
  const edits: FileEdit[] = [];
  if (a.parameter) {
    if (bot.facts.get(a.parameter.file)!.parameters.some((x) => x.id.text === name)) return { error: `The intent already has a parameter "${name}".` };
    edits.push({ file: a.parameter.file, start: a.parameter.id.start, end: a.parameter.id.end, newText: JSON.stringify(name) });
    for (const u of usesOf(bot, a.resources, a.parameter)) edits.push({ file: u.file, start: u.ref.start, end: u.ref.end, newText: JSON.stringify(name) });
    return { edits };
  }
  const r = a.resources[0]!;
  if (name.length > 64 && r.kind !== 'page') return { error: 'The console takes display names of at most 64 characters.' };
  if (taken(bot, r, name)) return { error: `The agent already has ${/^[aeiou]/.test(p.what) ? 'an' : 'a'} ${p.what} "${name}".` };
  for (const res of a.resources) if (res.file && res.displayName) edits.push({ file: res.file, start: res.displayName.start, end: res.displayName.end, newText: JSON.stringify(name) });
  for (const u of usesOf(bot, a.resources)) edits.push({ file: u.file, start: u.ref.start, end: u.ref.end, newText: JSON.stringify(u.ref.kind === 'entityType' ? `@${name}` : name) });
  const renames: { from: string; to: string }[] = [];
  for (const res of a.resources) renames.push(...moves(bot, res, name));
  for (const m of renames) if (ws.botDocument(m.to) || ws.getDocument(m.to)) return { error: `${m.to} already exists: move it away first.` };
  return renames.length ? { edits, renames } : { edits };
}

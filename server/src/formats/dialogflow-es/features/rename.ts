// Rename in an ES agent, as one edit the user can undo: an entity (its `name`, every `@name`
// in parameters and annotations, and its files entities/<name>.json and
// <name>_entries_<lang>.json), an intent (its `name` and its files intents/<name>.json and
// <name>_usersays_<lang>.json: ES names files after names, as they are), a parameter (its
// `name`, `$name` values and the annotations' `alias`), a context (everywhere it is set or
// required). A zip's entries are read-only.
import type { FileEdit, PrepareRenameResult, RenameResult, WorkspaceView } from '../../../definitions/index';
import { dirOf, joinPath } from '../../../definitions/index';
import { UNSAFE_IN_FILE_NAMES } from '../names';
import type { EsBot } from '../model';
import { useAt, usesOf } from './locate';
import type { Target, Use } from './locate';

const WORDS: Record<Target['kind'], string> = { entity: 'entity', intent: 'intent', parameter: 'parameter', context: 'context' };

function plan(ws: WorkspaceView, file: string, offset: number): { bot: EsBot; use: Use; old: string } | { error: string } {
  const at = useAt(ws, file, offset);
  if (!at) return { error: 'There is no name here to rename. Put the cursor on an intent\'s or entity\'s name, an @entity, a parameter or a context.' };
  if (/\.zip(\/|$)/i.test(at.bot.dir)) return { error: 'This agent is a committed export zip: its files are read-only. Unzip it to edit it.' };
  const t = at.use.target;
  if (t.kind === 'intent' && at.use.offset === 1 && !at.use.def) return { error: 'This is the id of a follow-up\'s parent: rename the parent intent by its name.' };
  const old = t.kind === 'intent' ? t.intent.name : t.name;
  const written = at.use.text.slice(at.use.offset - 1, at.use.offset - 1 + old.length);
  return { bot: at.bot, use: at.use, old: t.kind === 'context' ? written || old : old };
}

export function prepareRename(ws: WorkspaceView, file: string, offset: number): PrepareRenameResult {
  const p = plan(ws, file, offset);
  if ('error' in p) return p;
  const start = p.use.start + p.use.offset;
  return { start, end: Math.max(start, p.use.end - 1), placeholder: p.old };
}

/** The new text of a use's token. */
function renamed(u: Use, old: string, name: string): string {
  const inner = u.text;
  if (u.target.kind === 'entity' && u.offset === 2) return JSON.stringify(`@${name}${inner.slice(1 + old.length)}`);
  if (u.target.kind === 'parameter' && u.offset === 2) return JSON.stringify(`$${name}`);
  return JSON.stringify(name);
}

export function rename(ws: WorkspaceView, file: string, offset: number, newName: string): RenameResult {
  const p = plan(ws, file, offset);
  if ('error' in p) return p;
  const { bot, use } = p;
  const name = newName.trim();
  const t = use.target;
  if (name === '') return { error: 'A name cannot be empty.' };
  if (name === p.old) return { edits: [] };
  if ((t.kind === 'intent' || t.kind === 'entity') && UNSAFE_IN_FILE_NAMES.test(name)) return { error: 'ES names files after intents and entities: a name cannot hold / \\ : * ? " < > |.' };
  if (t.kind === 'entity' && !/^[A-Za-z0-9_-]+$/.test(name)) return { error: 'An entity name holds letters, digits, "_" and "-" only.' };
  if ((t.kind === 'parameter' || t.kind === 'context') && !/^[A-Za-z0-9_.-]+$/.test(name)) return { error: `A ${WORDS[t.kind]} name holds letters, digits, "_", "-" and "." only.` };
  if (t.kind === 'intent' && bot.intents.has(name)) return { error: `The agent already has an intent "${name}".` };
  if (t.kind === 'entity' && bot.entities.has(name)) return { error: `The agent already has an entity "${name}".` };
  if (t.kind === 'parameter' && t.intent.file && bot.facts.get(t.intent.file)!.parameters.some((x) => x.name.text === name)) return { error: `The intent already has a parameter "${name}".` };
  const old = t.kind === 'intent' ? t.intent.name : t.kind === 'context' ? t.name : t.name;
  const edits: FileEdit[] = usesOf(bot, t)
    .filter((u) => !(t.kind === 'intent' && !u.def))
    .map((u) => ({ file: u.file, start: u.start, end: u.end, newText: renamed(u, old, name) }));
  const renames: { from: string; to: string }[] = [];
  const move = (from: string, base: string, suffix: string): void => {
    const to = joinPath(dirOf(from), `${name}${suffix}`);
    if (to !== from) renames.push({ from, to });
    void base;
  };
  if (t.kind === 'intent') {
    const i = t.intent;
    if (i.file && i.base === i.name) move(i.file, i.base, '.json');
    if (i.base === i.name) for (const [lang, f] of i.phrases) move(f, i.base, `_usersays_${lang}.json`);
  }
  if (t.kind === 'entity') {
    for (const e of bot.entities.get(t.name) ?? []) {
      if (e.base !== e.name) continue;
      if (e.file) move(e.file, e.base, '.json');
      for (const [lang, f] of e.entries) move(f, e.base, `_entries_${lang}.json`);
    }
  }
  for (const m of renames) if (ws.botDocument(m.to) || ws.getDocument(m.to)) return { error: `${m.to} already exists: move it away first.` };
  return renames.length ? { edits, renames } : { edits };
}

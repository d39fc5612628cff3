// What name is at an offset of an ES file, what it names, and where that is defined and used
// across the agent — the one place the editor features ask. ES links few things by name:
// entities (`@name` in a parameter's `dataType` and a phrase's `meta`), an intent's
// parameters (a phrase's `alias`, `$name` in a parameter's `value`), contexts (an intent's
// `contexts` and `affectedContexts`, compared without case) and follow-up parents by `id`.
import type { WorkspaceView } from '../../../definitions/index';
import { normalizePath } from '../../../definitions/index';
import { entityName } from '../builtins';
import type { EsFacts, Str } from '../facts';
import type { EsBot, EsEntity, EsIntent } from '../model';

export function esFile(ws: WorkspaceView, file: string): { bot: EsBot; facts: EsFacts; path: string } | undefined {
  const bot = ws.botOf(file);
  if (!bot || bot.format !== 'dialogflow-es') return undefined;
  const path = normalizePath(file);
  const es = bot as EsBot;
  const facts = es.facts.get(path);
  return facts ? { bot: es, facts, path } : undefined;
}

/** What a name names. `scope`: a parameter's intent (by the base name of its files). */
export type Target =
  | { kind: 'entity'; name: string }
  | { kind: 'intent'; intent: EsIntent }
  | { kind: 'parameter'; name: string; intent: EsIntent }
  | { kind: 'context'; name: string };

/** A name in a file: what it names, whether it defines it, and where the name is inside the token. */
export interface Use extends Str {
  file: string;
  target: Target;
  def: boolean;
  /** The name's offset inside the token: 1 after a quote, 2 after `"@`, 2 after `"$`. */
  offset: number;
}

/** Every name a file holds. */
export function usesIn(bot: EsBot, file: string): Use[] {
  const facts = bot.facts.get(file);
  if (!facts) return [];
  const out: Use[] = [];
  const owner = bot.owner.get(file);
  const intent = owner?.kind === 'intent' ? owner : undefined;
  const entityRef = (s: Str | undefined): void => {
    if (!s) return;
    const name = entityName(s.text);
    if (name !== undefined && name !== '' && !name.startsWith('sys.')) out.push({ ...s, file, target: { kind: 'entity', name }, def: false, offset: 2 });
  };
  switch (facts.place.role) {
    case 'intent':
      if (facts.name && intent) out.push({ ...facts.name, file, target: { kind: 'intent', intent }, def: true, offset: 1 });
      for (const p of facts.parameters) {
        if (intent) out.push({ ...p.name, file, target: { kind: 'parameter', name: p.name.text, intent }, def: true, offset: 1 });
        entityRef(p.dataType);
        if (intent && p.value && p.value.text.startsWith('$') && /^\$[\w.-]+$/.test(p.value.text)) out.push({ ...p.value, file, target: { kind: 'parameter', name: p.value.text.slice(1), intent }, def: false, offset: 2 });
      }
      for (const c of facts.contexts) out.push({ ...c, file, target: { kind: 'context', name: c.text.toLowerCase() }, def: false, offset: 1 });
      for (const c of facts.affected) out.push({ ...c, file, target: { kind: 'context', name: c.text.toLowerCase() }, def: true, offset: 1 });
      for (const ref of [facts.parentId, facts.rootParentId]) {
        const parent = ref ? bot.intentsById.get(ref.text) : undefined;
        if (ref && parent) out.push({ ...ref, file, target: { kind: 'intent', intent: parent }, def: false, offset: 1 });
      }
      break;
    case 'usersays':
      for (const ph of facts.phrases)
        for (const part of ph.parts) {
          if (part.alias && intent) out.push({ ...part.alias, file, target: { kind: 'parameter', name: part.alias.text, intent }, def: false, offset: 1 });
          entityRef(part.meta);
        }
      break;
    case 'entity':
      if (facts.name) out.push({ ...facts.name, file, target: { kind: 'entity', name: facts.name.text }, def: true, offset: 1 });
      break;
  }
  return out;
}

const same = (a: Target, b: Target): boolean =>
  a.kind === b.kind &&
  (a.kind === 'intent'
    ? a.intent === (b as typeof a).intent
    : a.kind === 'parameter'
      ? a.name === (b as typeof a).name && a.intent === (b as typeof a).intent
      : a.name === (b as { name: string }).name);

/** The use at an offset. */
export function useAt(ws: WorkspaceView, file: string, offset: number): { bot: EsBot; use: Use } | undefined {
  const f = esFile(ws, file);
  if (!f) return undefined;
  const use = usesIn(f.bot, f.path).find((u) => offset >= u.start && offset <= u.end);
  return use ? { bot: f.bot, use } : undefined;
}

/** Every use of a target across the agent (files that can hold it), in file order. */
export function usesOf(bot: EsBot, target: Target): Use[] {
  const out: Use[] = [];
  for (const file of bot.files) {
    const owner = bot.owner.get(file);
    if (target.kind === 'parameter' && owner !== target.intent) continue;
    for (const u of usesIn(bot, file)) if (same(u.target, target)) out.push(u);
  }
  return out;
}

/** The entity resources of a name. */
export function entitiesNamed(bot: EsBot, name: string): EsEntity[] {
  return bot.entities.get(name) ?? [];
}

// Hover in a CX agent: on an intent (where a route names it, or its own display name) its
// training phrases in the default language and how many it has in each language; on a page,
// flow, route group, webhook or entity type what it is and where it lives; on a special page
// or a system entity type, what the console does with it.
import type { Hover, WorkspaceView } from '../../../definitions/index';
import { SPECIAL_PAGES } from '../builtins';
import type { CxBot, EntityTypeResource, FlowResource, IntentResource, Resource } from '../model';
import { at } from './locate';

const SHOWN = 10;

const SPECIAL: Record<string, string> = {
  'End Session': 'ends the conversation and clears the session.',
  'End Flow': 'ends the current flow and returns to the page that started it.',
  'Current Page': 'stays on the current page (its form and routes run again).',
  'Previous Page': 'goes back to the page the conversation came from.',
  'Start Page': "goes to the flow's start page.",
};

function intentHover(bot: CxBot, r: IntentResource): string {
  const lines = [`**Intent** \`${r.name}\``];
  const def = bot.languages[0];
  const counts: string[] = [];
  for (const lang of bot.languages.length ? bot.languages : [...r.phrases.keys()]) {
    const f = r.phrases.get(lang);
    counts.push(`${lang}: ${f ? bot.facts.get(f)!.phrases.length : 0}`);
  }
  if (counts.length) lines.push(`Training phrases — ${counts.join(', ')}`);
  const f = def !== undefined ? r.phrases.get(def) : undefined;
  const phrases = f ? bot.facts.get(f)!.phrases : [];
  if (phrases.length) {
    lines.push('', ...phrases.slice(0, SHOWN).map((p) => `- ${p.text.replace(/[\\`*_[\]]/g, '\\$&')}`));
    if (phrases.length > SHOWN) lines.push(`- … ${phrases.length - SHOWN} more`);
  }
  const meta = r.file ? bot.facts.get(r.file) : undefined;
  if (meta?.parameters.length) lines.push('', `Parameters: ${meta.parameters.map((p) => `\`${p.id.text}\`${p.entityType ? ` (${p.entityType.text})` : ''}`).join(', ')}`);
  if (meta?.isFallback) lines.push('', 'The negative intent: its phrases are what the agent should not match.');
  return lines.join('\n');
}

function describe(bot: CxBot, r: Resource): string {
  const where = r.file ? bot.rel.get(r.file) : r.folder;
  switch (r.kind) {
    case 'intent':
      return intentHover(bot, r as IntentResource);
    case 'page': {
      const facts = bot.facts.get(r.file!)!;
      const routes = facts.routes.filter((x) => x.kind === 'route').length;
      return `**Page** \`${r.name}\` of the flow \`${r.flow}\`\n\n${routes} route${routes === 1 ? '' : 's'}${facts.parameters.length ? `, form: ${facts.parameters.map((p) => `\`${p.id.text}\``).join(', ')}` : ''} — ${where}`;
    }
    case 'flow': {
      const fl = r as FlowResource;
      return `**Flow** \`${r.name}\`\n\n${fl.pages.size} page${fl.pages.size === 1 ? '' : 's'}, ${fl.groups.size} route group${fl.groups.size === 1 ? '' : 's'} — ${where ?? ''}`;
    }
    case 'entityType': {
      const et = r as EntityTypeResource;
      const counts = [...et.entries].map(([lang, f]) => `${lang}: ${bot.facts.get(f)!.entries.length}`);
      const kind = r.file ? bot.facts.get(r.file)!.top?.properties.find((p) => p.key === 'kind')?.value : undefined;
      return `**Entity type** \`@${r.name}\`${kind && kind.type === 'scalar' ? ` (${String(kind.value)})` : ''}\n\nEntries — ${counts.join(', ') || 'none'}`;
    }
    case 'webhook': {
      const top = r.file ? bot.facts.get(r.file)!.top : undefined;
      const gws = top?.properties.find((p) => p.key === 'genericWebService')?.value;
      const uri = gws && gws.type === 'object' ? gws.properties.find((p) => p.key === 'uri')?.value : undefined;
      return `**Webhook** \`${r.name}\`${uri && uri.type === 'scalar' ? `\n\n${String(uri.value)}` : ''}`;
    }
    case 'routeGroup':
      return `**Route group** \`${r.name}\`${r.flow ? ` of the flow \`${r.flow}\`` : ' of the agent'} — ${where}`;
    default:
      return `\`${r.name}\` — ${where}`;
  }
}

export function hover(ws: WorkspaceView, file: string, offset: number): Hover | undefined {
  const a = at(ws, file, offset);
  if (!a) return undefined;
  if (a.builtin && a.ref) {
    if (a.ref.kind === 'page' && SPECIAL_PAGES.has(a.ref.name)) return { contents: `**Special page** \`${a.ref.name}\`: ${SPECIAL[a.ref.name] ?? 'one of the console\'s own pages.'}`, start: a.start, end: a.end };
    if (a.ref.kind === 'entityType') return { contents: `**System entity type** \`@${a.ref.name}\``, start: a.start, end: a.end };
    return undefined;
  }
  if (a.parameter) return { contents: `**Parameter** \`${a.parameter.id.text}\` of the intent \`${a.resources[0]?.name ?? ''}\``, start: a.start, end: a.end };
  const r = a.resources[0];
  if (!r) return a.ref ? { contents: `\`${a.ref.name}\` is not defined in this agent.`, start: a.start, end: a.end } : undefined;
  return { contents: describe(a.bot, r), start: a.start, end: a.end };
}

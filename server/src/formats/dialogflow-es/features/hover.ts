// Hover in an ES agent: an intent's name shows its training phrases in the default language
// and how many each language has; an entity, its entries per language; a parameter, its
// entity; a context, the intents that set it and those that need it.
import type { Hover, WorkspaceView } from '../../../definitions/index';
import { useAt, usesOf } from './locate';

const SHOWN = 10;

export function hover(ws: WorkspaceView, file: string, offset: number): Hover | undefined {
  const at = useAt(ws, file, offset);
  if (!at) return undefined;
  const { bot, use } = at;
  const t = use.target;
  const range = { start: use.start, end: use.end };
  switch (t.kind) {
    case 'intent': {
      const i = t.intent;
      const langs = bot.languages.length ? bot.languages : [...i.phrases.keys()];
      const lines = [`**Intent** \`${i.name}\``, `Training phrases — ${langs.map((l) => `${l}: ${i.phrases.has(l) ? bot.facts.get(i.phrases.get(l)!)!.phrases.length : 0}`).join(', ')}`];
      const f = bot.languages[0] !== undefined ? i.phrases.get(bot.languages[0]) : undefined;
      const phrases = f ? bot.facts.get(f)!.phrases : [];
      if (phrases.length) {
        lines.push('', ...phrases.slice(0, SHOWN).map((p) => `- ${p.text.replace(/[\\`*_[\]]/g, '\\$&')}`));
        if (phrases.length > SHOWN) lines.push(`- … ${phrases.length - SHOWN} more`);
      }
      return { contents: lines.join('\n'), ...range };
    }
    case 'entity': {
      const e = bot.entities.get(t.name)?.[0];
      if (!e) return { contents: `\`@${t.name}\` is not defined in this agent.`, ...range };
      const counts = [...e.entries].map(([lang, f]) => `${lang}: ${bot.facts.get(f)!.entries.length}`);
      return { contents: `**Entity** \`@${e.name}\`\n\nEntries — ${counts.join(', ') || 'none'}`, ...range };
    }
    case 'parameter': {
      const p = t.intent.file ? bot.facts.get(t.intent.file)!.parameters.find((x) => x.name.text === t.name) : undefined;
      return { contents: p ? `**Parameter** \`${t.name}\` of \`${t.intent.name}\`${p.dataType ? ` — ${p.dataType.text}` : ''}` : `\`${t.name}\` is no parameter of \`${t.intent.name}\`.`, ...range };
    }
    case 'context': {
      const uses = usesOf(bot, t);
      const names = (def: boolean) => [...new Set(uses.filter((u) => u.def === def).map((u) => bot.owner.get(u.file)?.name ?? ''))].map((n) => `\`${n}\``).join(', ') || 'none';
      return { contents: `**Context** \`${use.text.slice(1, -1)}\`\n\nSet by ${names(true)}\n\nRequired by ${names(false)}`, ...range };
    }
  }
}

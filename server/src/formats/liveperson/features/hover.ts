// Hover in a LivePerson bot: on an id (a link, a rule's action, a group, an integration or
// intent id) the name of what it names and where it is, so ids read as names; on an
// interaction's own id or name, what leads to it and where it goes; on a rule, where it leads.
import type { Hover, WorkspaceView } from '../../../definitions/index';
import { conditionsOf } from '../facts';
import type { LpInteraction, LpRule } from '../facts';
import { ACTION_KEYWORDS, dialogLabel, dialogOf, labelOf } from '../model';
import type { LivePersonBot } from '../model';
import { livePersonBot, ruleAt, symbolAt } from './locate';

const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;

function describeInteraction(bot: LivePersonBot, it: LpInteraction): string {
  const parts = [`**${labelOf(it)}** · ${it.type?.text ?? 'interaction'} in dialog **${dialogLabel(dialogOf(bot, it))}**`];
  const text = it.tiles[0]?.text?.text;
  if (text) parts.push(`> ${text.length > 160 ? `${text.slice(0, 160)}…` : text}`);
  const next = it.next && it.next.text !== '' ? bot.interactionsById.get(it.next.text) : undefined;
  if (next) parts.push(`Next: **${labelOf(next)}**`);
  if (it.id) parts.push(`id ${code(it.id.text)}`);
  return parts.join('\n\n');
}

/** Where a rule leads, in words. */
export function whereRuleLeads(bot: LivePersonBot, it: LpInteraction, rule: LpRule): string {
  const v = rule.actionValue?.text;
  if (!v) return 'has no next action';
  const keyword = ACTION_KEYWORDS.get(v);
  if (keyword) {
    if (v === 'next') {
      const next = it.next && it.next.text !== '' ? bot.interactionsById.get(it.next.text) : undefined;
      return next ? `goes to the next interaction, **${labelOf(next)}**` : 'goes to the next interaction (there is none: the dialog ends)';
    }
    return keyword;
  }
  const target = bot.interactionsById.get(v);
  if (target) return target === it ? `asks again (**${labelOf(it)}**)` : `goes to **${labelOf(target)}** in dialog **${dialogLabel(dialogOf(bot, target))}**`;
  const dialog = bot.dialogsById.get(v);
  if (dialog) return `goes to the dialog **${dialogLabel(dialog)}**`;
  return `goes to ${code(v)}, which is nothing in this bot`;
}

export function hover(ws: WorkspaceView, file: string, offset: number): Hover | undefined {
  const bot = livePersonBot(ws, file);
  if (!bot) return undefined;
  const at = symbolAt(ws, file, offset);
  if (at) {
    const t = at.target;
    let contents: string;
    if (t.kind === 'interaction') {
      contents = describeInteraction(bot, t.it);
      if (!at.use) {
        const from = bot.uses.filter((u) => u.kind === 'interaction' && u.id === t.it.id?.text && u.role !== 'prev' && u.from !== t.it);
        if (from.length) contents += `\n\nReached from ${[...new Set(from.map((u) => (u.from ? `**${labelOf(u.from)}**` : 'the global functions')))].slice(0, 8).join(', ')}`;
      }
    } else if (t.kind === 'dialog') {
      const chain = bot.chains.get(t.dialog.id?.text ?? '') ?? [];
      contents = `Dialog **${dialogLabel(t.dialog)}** · ${t.dialog.type?.text ?? 'DIALOG'} · ${chain.length} interaction${chain.length === 1 ? '' : 's'}${chain[0] ? `, from **${labelOf(chain[0])}**` : ''}`;
    } else if (t.kind === 'integration') {
      contents = `API integration **${t.responder.name?.text ?? t.responder.id?.text ?? '?'}**${t.responder.type ? ` · ${t.responder.type.text}` : ''}`;
    } else if (t.kind === 'intent') {
      contents = `Intent **${t.intent.name?.text ?? t.intent.id?.text ?? '?'}**`;
    } else {
      contents = `${code(t.use.id.replace(/^name:/, ''))} names no ${t.use.kind === 'integration' ? 'API integration' : t.use.kind} of this bot.`;
    }
    return { contents, start: at.span.start, end: at.span.end };
  }
  const r = ruleAt(bot, offset);
  if (r) {
    const conditions = conditionsOf(r.rule.node);
    const when = conditions.length ? `When ${conditions.join(' and ')}` : 'Always';
    return {
      contents: `Rule ${r.rule.name ? `**${r.rule.name.text}** ` : ''}of **${labelOf(r.it)}**: ${when}, ${whereRuleLeads(bot, r.it, r.rule)}.`,
      start: r.rule.node.start,
      end: r.rule.node.end,
    };
  }
  return undefined;
}

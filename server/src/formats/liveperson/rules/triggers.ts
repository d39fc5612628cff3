// Code jumps to an interaction by its name: `botContext.setTriggerNextMessage('<name>')` in
// an interaction's pre- or post-process code, its user-response code or the global functions.
// A name no interaction has is a jump to nowhere. Reported at the name inside the code.
import { labelOf } from '../model';
import type { LivePersonRule } from './types';

export const triggersRule: LivePersonRule = {
  codes: ['liveperson/unknown-trigger'],
  needsWholeFile: true,
  check({ bot, report }) {
    // The interaction name closest to a misspelt one: the same but for case and spaces, else at most two edits away.
    const near = (name: string): string | undefined => {
      const lower = name.toLowerCase().trim();
      let best: string | undefined;
      let bestDistance = 3;
      for (const n of bot.interactionsByName.keys()) {
        if (n.toLowerCase().trim() === lower) return n;
        const d = distance(n.toLowerCase(), lower, bestDistance);
        if (d < bestDistance) {
          best = n;
          bestDistance = d;
        }
      }
      return best;
    };
    const check = (t: { text: string; start: number; end: number; where: string }, from: string) => {
      if (bot.interactionsByName.has(t.text)) return;
      const guess = near(t.text);
      report({
        start: t.start,
        end: t.end,
        code: 'liveperson/unknown-trigger',
        message: `${from} calls setTriggerNextMessage('${t.text}'), but no interaction is named '${t.text}': the jump goes nowhere. ${guess ? `Did you mean '${guess}'? ` : ''}Name an interaction of the bot (names are matched exactly).`,
      });
    };
    for (const it of bot.facts.interactions) for (const t of it.triggers) check(t, `The ${t.where} code of '${labelOf(it)}'`);
    for (const t of bot.facts.globalTriggers) check(t, 'The global functions');
  },
};

/** Edit distance of two strings, or `limit` when it is at least that. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let least = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      row.push(v);
      if (v < least) least = v;
    }
    if (least >= limit) return limit;
    prev = row;
  }
  return Math.min(prev[b.length]!, limit);
}

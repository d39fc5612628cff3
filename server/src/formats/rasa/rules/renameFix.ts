// Did-you-mean for the Rasa checks: the closest declared name to an unknown one, and the
// quick fix that writes it in place of the unknown name (keeping its quotes).
import type { Fix } from '../../../definitions/index';
import { closest, requote } from '../../../definitions/text/didYouMean';
import type { Spanned } from '../examples';
import type { RasaBot } from '../model';

/** The closest of `candidates` to `name`, or undefined. */
export function guessName(name: string, candidates: Iterable<string>): string | undefined {
  const guess = closest(name, candidates);
  return guess !== undefined && guess !== name ? guess : undefined;
}

/** " Did you mean "x"?" or nothing. */
export function didYouMean(guess: string | undefined): string {
  return guess ? ` Did you mean "${guess}"?` : '';
}

/** A fix that replaces the name at `at` in `file` with `to`; none without a guess. */
export function renameFixes(bot: RasaBot, file: string, at: Spanned, to: string | undefined): Fix[] {
  if (!to) return [];
  const text = bot.docs.get(file)?.doc.text;
  if (text === undefined) return [];
  return [{ title: `Change to "${to}"`, preferred: true, edits: [{ file, start: at.start, end: at.end, newText: requote(text, at.start, at.end, to) }] }];
}

/** `fixes` on a finding only when there are some. */
export function withFixes(fixes: Fix[]): { fixes?: Fix[] } {
  return fixes.length ? { fixes } : {};
}

/** Whether a domain file Rasa cannot read (broken YAML, or skipped for its version) may declare more names. */
export function domainUnsure(bot: RasaBot): boolean {
  for (const f of bot.unreadable) if (bot.roles.get(f) === 'domain') return true;
  for (const f of bot.skipped) if (bot.roles.get(f) === 'domain') return true;
  return false;
}

// Where a finding about a whole file or resource goes: its name's token, else the file's first character.
import type { EsFacts, Str } from '../facts';

export function spanOf(facts: EsFacts | undefined, name?: Str): { start: number; end: number } {
  if (name) return { start: name.start, end: name.end };
  const top = facts?.top;
  return top ? { start: top.start, end: top.start + 1 } : { start: 0, end: 0 };
}

import * as vscode from 'vscode';
import type { VersionInfo } from '../../server/src/lsp/protocol';

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "5 minutes ago", "yesterday", "just now". */
export function age(iso: string, now = Date.now()): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return relative.format(Math.trunc(seconds / size), unit);
  }
  return 'just now';
}

export function dateTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** The colour of an environment: the last stage of the pipeline stands out. */
export function environmentColor(index: number, count: number): vscode.ThemeColor {
  if (index === count - 1) return new vscode.ThemeColor('charts.green');
  if (index === 0) return new vscode.ThemeColor('charts.blue');
  return new vscode.ThemeColor('charts.yellow');
}

/** "v12 · Spring menu" */
export function versionTitle(v: VersionInfo): string {
  return v.name ? `${v.label} · ${v.name}` : v.label;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** What the bot's platform calls its locales: Lex (and the native format) locales, the others languages. */
export function localeWord(format: string): { one: string; many: string; Many: string } {
  return format === 'lex-v2' || format === 'native' ? { one: 'locale', many: 'locales', Many: 'Locales' } : { one: 'language', many: 'languages', Many: 'Languages' };
}

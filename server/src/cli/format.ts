/** Human output helpers: aligned tables, relative ages, environment badges, optional colour. */

/** Colours for a terminal; plain strings when output is piped or NO_COLOR is set. */
export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  green(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
  magenta(s: string): string;
}

const code = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;

/** A style that colours when `color` is true. */
export function makeStyle(color: boolean): Style {
  if (!color) {
    const id = (s: string) => s;
    return { bold: id, dim: id, green: id, red: id, yellow: id, cyan: id, magenta: id };
  }
  return { bold: code(1, 22), dim: code(2, 22), green: code(32, 39), red: code(31, 39), yellow: code(33, 39), cyan: code(36, 39), magenta: code(35, 39) };
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/** Display width of a string (ANSI codes do not count). */
export function width(s: string): number {
  return [...s.replace(ANSI, '')].length;
}

/** Lays out rows as aligned columns; the last column is not padded. */
export function table(rows: string[][], indent = ''): string[] {
  if (rows.length === 0) return [];
  const cols = Math.max(...rows.map((r) => r.length));
  const widths = Array.from({ length: cols }, (_, i) => Math.max(...rows.map((r) => width(r[i] ?? ''))));
  return rows.map((r) =>
    (
      indent +
      r
        .map((cell, i) => (i === r.length - 1 ? cell : cell + ' '.repeat(widths[i]! - width(cell))))
        .join('  ')
    ).trimEnd(),
  );
}

/** "just now", "5 min ago", "3 h ago", "yesterday", "4 days ago", then the date. */
export function age(iso: string, now: number = Date.now()): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const s = Math.round((now - t) / 1000);
  if (s < 0) return 'in the future';
  if (s < 10) return 'just now';
  if (s < 60) return `${s} s ago`;
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.round(m / 60);
  if (h < 24) return `${h} h ago`;
  const d = Math.round(h / 24);
  if (d === 1) return 'yesterday';
  if (d < 30) return `${d} days ago`;
  return iso.slice(0, 10);
}

/** Environment badges: `[staging] [production]`, the last stage highlighted. */
export function badges(envs: readonly string[], style: Style, last?: string): string {
  return envs.map((e) => (e === last ? style.magenta(`[${e}]`) : style.cyan(`[${e}]`))).join(' ');
}

/** "1 file" / "3 files". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A byte count for people. */
export function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

// A Lex V2 export's identity: `name` in Bot.json (the bot folder may be called otherwise),
// made a valid bot id; its locales, the folders under BotLocales/ (en_US, it_IT, pt_BR). A
// release into a Lex bot keeps the target's own name (and identifier) in its Bot.json. Light
// on purpose: discovery reads this for every export it finds, with JSON.parse and no more.
import { toBotId } from '../../definitions/index';
import type { AdoptedIdentity, BotIdentity, FolderProbe, Recognition, ReleaseTarget } from '../../definitions/index';
import { LOCALE_MARKER } from './layout';

/** The string `key` of a JSON text's top-level object, or undefined (never throws). */
export function topLevelString(text: string | undefined, key: string): string | undefined {
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const v = (value as Record<string, unknown>)[key];
      return typeof v === 'string' ? v : undefined;
    }
  } catch {
    // A broken Bot.json is reported by the checks; the bot is still one.
  }
  return undefined;
}

/** The bot folder of an export: the folder of its Bot.json, or of its first locale. */
export function botFolderOf(probe: FolderProbe, recognition: Recognition): string | undefined {
  if (recognition.marker.endsWith('/Bot.json')) return recognition.marker.slice(0, -'/Bot.json'.length);
  const first = probe.matches?.(LOCALE_MARKER)[0];
  return first?.slice(0, first.indexOf('/'));
}

/** What an export's marker files say of it. */
export function readLexIdentity(probe: FolderProbe, recognition: Recognition): BotIdentity {
  const folder = botFolderOf(probe, recognition);
  const locales = (probe.matches?.(LOCALE_MARKER) ?? [])
    .map((m) => m.split('/'))
    .filter((p) => p[0] === folder)
    .map((p) => p[2]!);
  const out: BotIdentity = { locales: [...new Set(locales)].sort(), keep: [] };
  const name = recognition.marker.endsWith('Bot.json') ? topLevelString(probe.read(recognition.marker), 'name') : undefined;
  if (name !== undefined && name.trim() !== '') {
    out.name = name;
    if (toBotId(name) !== '') out.id = toBotId(name);
  }
  return out;
}

/** The span of a top-level string property's value in a JSON text (quotes included), found by a light scan. */
function topLevelValueSpan(text: string, key: string): { start: number; end: number } | undefined {
  // Depth-1 keys only: a scan that skips strings and counts brackets.
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
    else if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const str = text.slice(i + 1, j);
      let k = j + 1;
      while (k < text.length && /\s/.test(text[k]!)) k++;
      if (depth === 1 && text[k] === ':' && str === key) {
        k++;
        while (k < text.length && /\s/.test(text[k]!)) k++;
        if (text[k] !== '"') return undefined;
        let e = k + 1;
        while (e < text.length && text[e] !== '"') e += text[e] === '\\' ? 2 : 1;
        return { start: k, end: e + 1 };
      }
      i = j;
    }
  }
  return undefined;
}

/**
 * A release into a Lex bot keeps the target's own `name` and `identifier` in the released
 * Bot.json (only those values change, so its layout stays). The target is the bot that the
 * console knows under its own name.
 */
export function adoptLexIdentity(released: ReadonlyMap<string, string>, target: ReleaseTarget): AdoptedIdentity {
  const botJson = [...released.keys()].filter((p) => /^[^/]+\/Bot\.json$/.test(p)).sort()[0];
  if (!botJson) return { problem: 'it has no <bot>/Bot.json, so it is no Lex V2 export' };
  let text = released.get(botJson)!;
  for (const key of ['identifier', 'name']) {
    const own = topLevelValueSpan(target.markerText, key);
    const theirs = topLevelValueSpan(text, key);
    if (!own || !theirs) continue;
    text = text.slice(0, theirs.start) + target.markerText.slice(own.start, own.end) + text.slice(theirs.end);
  }
  return { rewritten: text === released.get(botJson) ? new Map() : new Map([[botJson, text]]) };
}

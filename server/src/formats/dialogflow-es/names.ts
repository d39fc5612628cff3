// Where each file of a Dialogflow ES export sits: agent.json and package.json at the top,
// flat intents/ (an intent's file `<Name>.json` and its training phrases per language
// `<Name>_usersays_<lang>.json`) and entities/ (`<Name>.json`, `<Name>_entries_<lang>.json`),
// small talk per language. ES writes names into file names as they are (umlauts, spaces, `+`
// and dots included), so a path gives the name it was exported under.

export type EsRole = 'agent' | 'package' | 'intent' | 'usersays' | 'entity' | 'entries' | 'smalltalk' | 'other';

export interface EsPlace {
  role: EsRole;
  /** The intent's or entity's name as its file name gives it. */
  name?: string;
  /** For per-language files: the language. */
  lang?: string;
}

const LANG = '([a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*)';
const USERSAYS = new RegExp(`^(.+)_usersays_${LANG}\\.json$`);
const ENTRIES = new RegExp(`^(.+)_entries_${LANG}\\.json$`);
const SMALLTALK = new RegExp(`^customSmalltalkResponses_${LANG}\\.json$`);

/** Where a file sits in an ES agent (its path relative to the agent folder). */
export function placeOf(rel: string): EsPlace {
  const s = rel.split('/');
  if (s.length === 1) {
    if (rel === 'agent.json') return { role: 'agent' };
    if (rel === 'package.json') return { role: 'package' };
    const st = SMALLTALK.exec(rel);
    return st ? { role: 'smalltalk', lang: st[1]! } : { role: 'other' };
  }
  if (s.length !== 2 || !/\.json$/i.test(s[1]!)) return { role: 'other' };
  const [top, file] = s as [string, string];
  if (top === 'intents') {
    const u = USERSAYS.exec(file);
    if (u) return { role: 'usersays', name: u[1]!, lang: u[2]! };
    return { role: 'intent', name: file.replace(/\.json$/i, '') };
  }
  if (top === 'entities') {
    const e = ENTRIES.exec(file);
    if (e) return { role: 'entries', name: e[1]!, lang: e[2]! };
    return { role: 'entity', name: file.replace(/\.json$/i, '') };
  }
  return { role: 'other' };
}

/** Characters a file name cannot hold on some system: a name with one is written otherwise by ES, so its file name is not compared. */
export const UNSAFE_IN_FILE_NAMES = /[\/\\:*?"<>|]/;

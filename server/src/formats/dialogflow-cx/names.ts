// Dialogflow CX names in file and folder names: the console writes a resource's display name
// as its file or folder name with special characters percent-encoded as lower-case UTF-8 hex
// (`Ap%c3%b3lice Informada`, `%3e collect address`, `Confirm %28Start flow%29`); spaces, letters
// and digits stay as they are. And where each file of a JSON package sits: the role of a path
// relative to the agent folder.

/** A file or folder name as the display name it stands for: every `%xx` run read as UTF-8 (a broken run stays as written). */
export function decodeName(name: string): string {
  if (!name.includes('%')) return name;
  return name.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

/** Characters a file or folder name keeps as they are; every other one is percent-encoded. */
const KEPT = /[A-Za-z0-9 _.\-]/;

/** A display name as the console writes it into a file or folder name. */
export function encodeName(name: string): string {
  let out = '';
  for (const ch of name) {
    if (KEPT.test(ch)) out += ch;
    else for (const b of new TextEncoder().encode(ch)) out += `%${b.toString(16).padStart(2, '0')}`;
  }
  return out;
}

/** What a file of a CX agent is, by where it sits. */
export type CxRole =
  | 'agent'
  | 'intent'
  | 'phrases'
  | 'entityType'
  | 'entities'
  | 'excluded'
  | 'flow'
  | 'page'
  | 'flowGroup'
  | 'agentGroup'
  | 'webhook'
  | 'testCase'
  | 'generator'
  | 'playbook'
  | 'tool'
  | 'settings'
  | 'other';

/** A file's place in the package: its role, the resource it belongs to and its language. */
export interface CxPlace {
  role: CxRole;
  /** The resource's name as its path gives it, decoded: the intent of a phrases file, the page of a page file. */
  name?: string;
  /** The folder the resource lives in, decoded: the intent's, the entity type's, the flow's (pages and flow route groups). */
  folder?: string;
  /** The folder's name as written (encoded), for file renames. */
  folderRaw?: string;
  /** For a resource's metadata file (intents/X/Y.json), its own base name decoded: Y. */
  file?: string;
  /** For files per language (`trainingPhrases/de.json`): the language. */
  lang?: string;
}

const base = (seg: string): string => decodeName(seg.replace(/\.json$/i, ''));

/** Where a file sits in a CX agent (its path relative to the agent folder). */
export function placeOf(rel: string): CxPlace {
  const s = rel.split('/');
  const n = s.length;
  if (n === 1) return rel === 'agent.json' ? { role: 'agent' } : { role: 'other' };
  const [top, a, b, c] = s as [string, string, string | undefined, string | undefined];
  const json = /\.json$/i.test(s[n - 1]!);
  if (!json) return { role: 'other' };
  const folder = decodeName(a);
  switch (top) {
    case 'intents':
    case 'entityTypes':
    case 'generators':
    case 'playbooks':
    case 'tools': {
      if (n === 3) {
        const role = ({ intents: 'intent', entityTypes: 'entityType', generators: 'generator', playbooks: 'playbook', tools: 'tool' } as const)[top];
        return { role, name: folder, folder, folderRaw: a, file: base(b!) };
      }
      if (n === 4) {
        const lang = c!.replace(/\.json$/i, '');
        if (top === 'intents' && b === 'trainingPhrases') return { role: 'phrases', name: folder, folder, folderRaw: a, lang };
        if (top === 'entityTypes' && b === 'entities') return { role: 'entities', name: folder, folder, folderRaw: a, lang };
        if (top === 'entityTypes' && b === 'excludedPhrases') return { role: 'excluded', name: folder, folder, folderRaw: a, lang };
      }
      return { role: 'other', folder, folderRaw: a };
    }
    case 'flows':
      if (n === 3) return { role: 'flow', name: folder, folder, folderRaw: a, file: base(b!) };
      if (n === 4 && b === 'pages') return { role: 'page', name: base(c!), folder, folderRaw: a };
      if (n === 4 && b === 'transitionRouteGroups') return { role: 'flowGroup', name: base(c!), folder, folderRaw: a };
      return { role: 'other', folder, folderRaw: a };
    case 'transitionRouteGroups':
      return n === 2 ? { role: 'agentGroup', name: base(a) } : { role: 'other' };
    case 'webhooks':
      return n === 2 ? { role: 'webhook', name: base(a) } : { role: 'other' };
    case 'testCases':
      return n === 2 ? { role: 'testCase', name: base(a) } : { role: 'other' };
    case 'generativeSettings':
      return n === 2 ? { role: 'settings', lang: a.replace(/\.json$/i, '') } : { role: 'other' };
    default:
      return { role: 'other' };
  }
}

/** The path (relative to the agent folder) of a resource's file, as the console names it. */
export function resourcePath(kind: 'intent' | 'entityType' | 'flow' | 'webhook' | 'agentGroup' | 'testCase', name: string): string {
  const e = encodeName(name);
  switch (kind) {
    case 'intent':
      return `intents/${e}/${e}.json`;
    case 'entityType':
      return `entityTypes/${e}/${e}.json`;
    case 'flow':
      return `flows/${e}/${e}.json`;
    case 'webhook':
      return `webhooks/${e}.json`;
    case 'agentGroup':
      return `transitionRouteGroups/${e}.json`;
    case 'testCase':
      return `testCases/${e}.json`;
  }
}

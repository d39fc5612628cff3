/**
 * Path safety. Paths inside versions are relative, `/`-separated and checked component by
 * component before anything is written, whatever a record says: a hostile or damaged
 * record can never make a restore or a release write outside the bot's folder, into
 * `.git`, or create names that collide on case-insensitive or Windows file systems.
 */

const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\..*)?$/i;
// Characters Windows refuses in names, plus ASCII controls.
const INVALID_CHARS = /[<>:"|?*\u0000-\u001f]/;

/** Why `path` is unsafe as a file of a bot, or null when it is safe. */
export function pathProblem(path: string): string | null {
  if (typeof path !== 'string' || path.length === 0) return 'the path is empty';
  if (path.includes('\u0000')) return 'it contains a NUL byte';
  if (path.includes('\\')) return 'it contains a backslash (paths use "/")';
  if (path.startsWith('/')) return 'it is absolute';
  if (/^[A-Za-z]:/.test(path)) return 'it starts with a drive letter';
  if (path.length > 1024) return 'it is longer than 1024 characters';
  const parts = path.split('/');
  for (const part of parts) {
    if (part === '') return 'it has an empty component ("//" or a trailing "/")';
    if (part === '.' || part === '..') return `it has a "${part}" component`;
    const lower = part.toLowerCase();
    if (lower === '.git') return 'it reaches into a .git folder';
    if (lower === '.botversions') return 'it reaches into the store';
    if (RESERVED.test(part)) return `"${part}" is a reserved name on Windows`;
    if (INVALID_CHARS.test(part)) return `"${part}" has a character Windows does not allow in names (< > : " | ? * or a control character)`;
    if (part.endsWith('.') || part.endsWith(' ')) return `"${part}" ends with a dot or a space, which Windows drops`;
  }
  return null;
}

/**
 * Key under which two names collide on case-insensitive file systems: each character
 * upper-cased (when that gives one character, as NTFS's table does) and then lower-cased,
 * so letters with two lower-case forms (ſ and s, ς and σ) fold together, as they do on
 * NTFS and APFS; lower case alone would keep them apart.
 */
export function foldKey(path: string): string {
  const nfc = path.normalize('NFC');
  // eslint-disable-next-line no-control-regex
  if (/^[\u0000-\u007f]*$/.test(nfc)) return nfc.toLowerCase();
  let out = '';
  for (const ch of nfc) {
    const upper = ch.toUpperCase();
    out += ([...upper].length === 1 ? upper : ch).toLowerCase();
  }
  return out;
}

/** Every problem of a set of paths: unsafe paths, and names that collide case-insensitively or as file and folder. */
export function treeProblems(paths: readonly string[]): string[] {
  const problems: string[] = [];
  const files = new Map<string, string>();
  const dirs = new Map<string, string>();
  for (const p of paths) {
    const why = pathProblem(p);
    if (why) {
      problems.push(`${JSON.stringify(p)}: ${why}`);
      continue;
    }
    const key = foldKey(p);
    const other = files.get(key);
    if (other !== undefined) problems.push(`${JSON.stringify(p)} and ${JSON.stringify(other)} differ only in case or Unicode form`);
    else files.set(key, p);
    const parts = p.split('/');
    for (let i = 1; i < parts.length; i++) {
      const d = parts.slice(0, i).join('/');
      const dk = foldKey(d);
      const prev = dirs.get(dk);
      if (prev !== undefined && prev !== d) problems.push(`folders ${JSON.stringify(d)} and ${JSON.stringify(prev)} differ only in case`);
      else dirs.set(dk, d);
    }
  }
  for (const [k, f] of files) {
    const d = dirs.get(k);
    if (d !== undefined) problems.push(`${JSON.stringify(f)} is both a file and a folder`);
  }
  return problems;
}

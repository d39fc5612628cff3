// The semantic diff of two sides of a bot that share most of their files. A format whose
// entities are read file by file (each file's depending on its own path and text and on a
// context the format names) lets the diff read only the files that differ, and of the files
// both sides hold alike, only those that may define an entity of an identity the differing
// files hold: any other file gives the same entities on both sides, and entities of an
// identity no differing file holds are no change. The result is the whole diff's, to the
// order of the changes and the file each names (an identity's entities are all read, in the
// order the whole reading gives them: by path, then within the file).
import { diffEntities } from './differ';
import type { SemanticChange, SemanticEntity } from './entities';

/** A bot's files read for the semantic diff one by one (BotFormat.entityFiles). */
export interface EntityFiles {
  /** What a file's entities depend on besides its own path and text (Rasa: which file is the config); two sides with the same context read a file alike. */
  readonly context: string;
  /** The entities of one file; `entities` of the whole is every file's, in path order. */
  read(path: string): SemanticEntity[];
  /**
   * Of `paths`, the files that may define an entity of one of these identities, found by a
   * quick look at their text (never a parse); a file it is unsure of is included.
   */
  mayShare(paths: readonly string[], identities: readonly SemanticEntity[]): string[];
}

/** What the diff asks of a format (BotFormat has both). */
export interface EntityReader {
  entities?(files: ReadonlyMap<string, string>): SemanticEntity[];
  entityFiles?(files: ReadonlyMap<string, string>): EntityFiles;
}

const byPath = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The changes from `before` to `after` (paths relative to the bot folder → texts), reading only what can differ when the format allows it. */
export function diffBotFiles(format: EntityReader, before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): SemanticChange[] {
  const a = format.entityFiles?.(before);
  const b = format.entityFiles?.(after);
  if (!a || !b || a.context !== b.context) return diffEntities(format.entities?.(before) ?? [], format.entities?.(after) ?? []);
  const same: string[] = [];
  const onlyBefore: string[] = [];
  const onlyAfter: string[] = [];
  for (const [path, text] of before) {
    const other = after.get(path);
    if (other === text) same.push(path);
    else onlyBefore.push(path);
  }
  for (const [path, text] of after) if (before.get(path) !== text) onlyAfter.push(path);
  const read = (r: EntityFiles, paths: readonly string[]): Map<string, SemanticEntity[]> => new Map(paths.map((p) => [p, r.read(p)]));
  const was = read(a, onlyBefore);
  const now = read(b, onlyAfter);
  const identities: SemanticEntity[] = [];
  for (const list of [...was.values(), ...now.values()]) for (const e of list) identities.push(e);
  // The files both sides hold alike that may share an identity: read once, the same on both sides.
  const shared = read(a, identities.length ? a.mayShare(same, identities) : []);
  const side = (own: Map<string, SemanticEntity[]>): SemanticEntity[] => {
    const paths = [...own.keys(), ...shared.keys()].sort(byPath);
    const out: SemanticEntity[] = [];
    for (const p of paths) for (const e of own.get(p) ?? shared.get(p)!) out.push(e);
    return out;
  };
  return diffEntities(side(was), side(now));
}

// A committed export zip as a bot: the zip is read in place (never unpacked into the
// workspace), its entries are probed as a folder — at the zip's root, or inside the one
// folder that wraps every entry — by the formats whose bots may be zips, and when one of
// them claims it, each entry that format parses becomes a document at `<zip path>/<entry>`.
// Findings about the zip itself (damage, unsafe names, a zip bomb) are the zip's own.
import { isWildMarker, markerCovers } from './format';
import type { BotFormat, FolderProbe, Recognition } from './format';
import { joinPath } from './paths';
import type { Finding } from './types';
import { commonRoot, openZip } from './zip/index';
import type { ZipArchive, ZipFinding } from './zip/index';

/** Zips larger than this are not read as bots (no bot export comes near it). */
export const MAX_ZIP_BYTES = 256 * 1024 * 1024;

/** What a zip holds as a bot. */
export interface ExpandedArchive {
  format: BotFormat;
  recognition: Recognition;
  /** The bot's folder inside the zip ('' for its root, else the wrapper folder). */
  root: string;
  /** Entries the format parses, by their path in the zip ('/'-separated, wrapper included). */
  entries: Map<string, Uint8Array>;
  /** The zip's own findings (damage, refused entries), reported at the zip. */
  findings: Finding[];
}

/** Whether a file name is a zip that some of `formats` may hold a bot in. */
export function isArchiveName(formats: readonly BotFormat[], name: string): boolean {
  return /\.zip$/i.test(name) && formats.some((f) => f.zips);
}

/** A probe of one folder of a zip's entries, as recognition asks it. */
export function archiveProbe(zip: ZipArchive, dir: string, folder: string): FolderProbe {
  const prefix = folder === '' ? '' : `${folder}/`;
  const names = new Set(zip.entries.map((e) => e.name));
  const matches = (marker: string): string[] => {
    if (!isWildMarker(marker)) return names.has(prefix + marker) ? [marker] : [];
    const out: string[] = [];
    for (const name of names) if (name.startsWith(prefix) && markerCovers(marker, name.slice(prefix.length))) out.push(name.slice(prefix.length));
    return out.sort();
  };
  return {
    dir,
    hasFile: (rel) => (isWildMarker(rel) ? matches(rel).length > 0 : names.has(prefix + rel)),
    matches,
    hasDir: (rel) => {
      const p = prefix + rel.replace(/\/?$/, '/');
      return zip.entries.some((e) => e.name.startsWith(p));
    },
    read: (rel) => {
      const data = zip.get(prefix + rel) ? zip.read(prefix + rel) : undefined;
      return data ? new TextDecoder().decode(data) : undefined;
    },
  };
}

function toFinding(f: ZipFinding): Finding {
  return { start: 0, end: 0, code: f.code, severity: f.severity, message: f.message };
}

/**
 * Opens a zip (its bytes, at `zipPath` in the workspace) and, when one of `formats` whose
 * bots may be zips recognises its root or its wrapper folder, returns the bot it holds.
 * Undefined when no format claims it: then it is an ordinary file.
 */
export function expandArchive(zipPath: string, bytes: Uint8Array, formats: readonly BotFormat[]): ExpandedArchive | undefined {
  const candidates = formats.filter((f) => f.zips);
  if (candidates.length === 0 || bytes.length > MAX_ZIP_BYTES) return undefined;
  const zip = openZip(bytes);
  const wrapper = commonRoot(zip.entries);
  for (const root of wrapper === undefined ? [''] : ['', wrapper]) {
    const probe = archiveProbe(zip, joinPath(zipPath, root), root);
    for (const format of candidates) {
      const recognition = format.recognise(probe);
      if (!recognition) continue;
      const prefix = root === '' ? '' : `${root}/`;
      const entries = new Map<string, Uint8Array>();
      for (const e of zip.entries) {
        if (!e.name.startsWith(prefix) || !format.isDefinitionFile(e.name.slice(prefix.length))) continue;
        const data = zip.read(e.name);
        if (data) entries.set(e.name, data);
      }
      // Reading entries may have found more (a lying header): every finding so far is the zip's.
      return { format, recognition, root, entries, findings: zip.findings.map(toFinding) };
    }
  }
  return undefined;
}

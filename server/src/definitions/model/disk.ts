// The thin I/O helper: finds the files some format may parse under a folder and feeds them
// to a workspace. The language server uses it for files that are not open; the CLI for
// everything. The folders it skips are the ones discovery skips (files.ts).
import { closeSync, fstatSync, openSync, readdirSync, readFileSync, type Dirent } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isArchiveName, MAX_ZIP_BYTES } from '../archive';
import type { BotFormat } from '../format';
import { searchesDir } from '../files';
import type { BotWorkspace } from './workspace';

/** Files larger than this are not read (no bot file is that big; it is likely data or a mistake). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** How large a file may be to be read: a zip may hold a whole export. */
const maxBytes = (path: string): number => (/\.zip$/i.test(path) ? MAX_ZIP_BYTES : MAX_FILE_BYTES);

/** Whether any of `formats` may parse a file of this name, or read it as a bot's export zip. */
export function isDefinitionFile(formats: readonly BotFormat[], path: string): boolean {
  return formats.some((f) => f.isDefinitionFile(path)) || isArchiveName(formats, path);
}

/** Every file under `root` that one of `formats` may parse (absolute, '/'-separated paths); `sync` lists with blocking reads (see loadFiles). */
export async function listBotFiles(formats: readonly BotFormat[], root: string, options: { sync?: boolean } = {}): Promise<string[]> {
  const out: string[] = [];
  const stack = [root];
  while (stack.length) {
    const dir = stack.pop()!;
    let names: Dirent[];
    try {
      names = options.sync ? readdirSync(dir, { withFileTypes: true }) : await readdir(dir, { withFileTypes: true });
    } catch {
      continue; // unreadable folders are skipped, as an editor would
    }
    for (const d of names) {
      const full = join(dir, d.name);
      // Links are not followed: a bot is what lies inside its folder.
      if (d.isDirectory()) {
        if (searchesDir(d.name)) stack.push(full);
      } else if (d.isFile() && isDefinitionFile(formats, d.name)) out.push(full.replace(/\\/g, '/'));
    }
  }
  return out.sort();
}

/** How many files are read at once: one after the other, a bot of 80 files waits on 160 round trips. */
const READ_AHEAD = 16;

/**
 * Reads files into the workspace (bytes, so invalid UTF-8 is reported), in the order given.
 * Returns the paths read. `sync`: with blocking reads, for a process that waits for nothing
 * else (`botv validate`): a bot of thousands of small files reads in a fraction of the time
 * the promise API takes with an open, a stat, a read and a close each. The language server
 * keeps reading asynchronously, so that it answers while it loads.
 */
export async function loadFiles(ws: BotWorkspace, paths: readonly string[], options: { sync?: boolean } = {}): Promise<string[]> {
  const bytes: (Uint8Array | undefined)[] = new Array(paths.length);
  if (options.sync) {
    for (let i = 0; i < paths.length; i++) {
      let fd: number | undefined;
      try {
        fd = openSync(paths[i]!, 'r');
        if (fstatSync(fd).size <= maxBytes(paths[i]!)) bytes[i] = readFileSync(fd);
      } catch {
        // A file that vanished between listing and reading is simply not there.
      } finally {
        if (fd !== undefined) closeSync(fd);
      }
    }
    return addAll(ws, paths, bytes);
  }
  let next = 0;
  const reader = async (): Promise<void> => {
    while (next < paths.length) {
      const i = next++;
      try {
        const st = await stat(paths[i]!);
        if (st.size <= maxBytes(paths[i]!)) bytes[i] = await readFile(paths[i]!);
      } catch {
        // A file that vanished between listing and reading is simply not there.
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_AHEAD, paths.length) }, reader));
  return addAll(ws, paths, bytes);
}

/** Gives the workspace the files read, in the order given; the paths of those read. */
function addAll(ws: BotWorkspace, paths: readonly string[], bytes: readonly (Uint8Array | undefined)[]): string[] {
  const done: string[] = [];
  for (let i = 0; i < paths.length; i++) {
    const b = bytes[i];
    if (!b) continue;
    // A zip is read in place as a bot when a format claims it; its entries become documents.
    if (isArchiveName(ws.formatList, paths[i]!)) ws.setArchive(paths[i]!, b);
    else ws.setDocumentBytes(paths[i]!, b);
    done.push(paths[i]!);
  }
  return done;
}

/** Lists and loads every file under `root` that the workspace's formats may parse. */
export async function loadFolder(ws: BotWorkspace, root: string): Promise<string[]> {
  return loadFiles(ws, await listBotFiles(ws.formatList, root));
}

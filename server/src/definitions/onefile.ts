// Bots that are one file, known by what the file says: a LivePerson Conversation Builder
// export is one JSON per bot, under any name, several to a folder. A format says which file
// names may be such a bot (`fileMarkers`) and decides from the text (`recogniseFile`); the
// workspace and the store's discovery ask it of those files alone, and a file claimed so is
// a bot of its own — never a marker of its folder, so a LivePerson export saved as bot.json
// is not taken for a native manifest. docs/architecture.md, "Bots that are one file".
import type { BotFormat, FolderProbe, Recognition } from './format';

/** Whether a file name (no folder) is one a file marker names: `*` stands for any run of characters, other characters for themselves (case-insensitive). */
export function fileMarkerCovers(marker: string, name: string): boolean {
  const parts = marker.toLowerCase().split('*');
  const n = name.toLowerCase();
  if (parts.length === 1) return n === parts[0];
  if (!n.startsWith(parts[0]!) || !n.endsWith(parts[parts.length - 1]!) || n.length < parts[0]!.length + parts[parts.length - 1]!.length) return false;
  let at = parts[0]!.length;
  for (let i = 1; i < parts.length - 1; i++) {
    const j = n.indexOf(parts[i]!, at);
    if (j < 0) return false;
    at = j + parts[i]!.length;
  }
  return at <= n.length - parts[parts.length - 1]!.length;
}

/** The formats whose bots may be a file of this name (the path's last part). */
export function oneFileFormats(formats: readonly BotFormat[], path: string): BotFormat[] {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return formats.filter((f) => f.recogniseFile && f.fileMarkers?.some((m) => fileMarkerCovers(m, name)));
}

/** What recognition by content decided of a file: a bot of a format, none, or (from a beginning only) not yet. */
export type OneFileAnswer = { format: BotFormat; recognition: Recognition } | undefined | 'more';

/**
 * The first of `formats` that claims the file (`path`, '/'-separated; its last part is the
 * name the markers are matched against) as a bot of its own, from `text`: the whole file, or
 * with `partial` its beginning only. 'more' when some format needs more of the text to tell.
 */
export function recogniseOneFile(formats: readonly BotFormat[], path: string, text: string, partial = false): OneFileAnswer {
  const name = path.slice(path.lastIndexOf('/') + 1);
  let more = false;
  for (const format of oneFileFormats(formats, path)) {
    let answer: Recognition | undefined | 'more';
    try {
      answer = format.recogniseFile!(name, text, partial);
    } catch {
      answer = undefined; // recognition never takes a workspace down: such a file is simply no bot
    }
    if (answer === 'more') {
      if (!partial) continue;
      more = true;
      break;
    }
    if (answer) return { format, recognition: answer };
  }
  return more ? 'more' : undefined;
}

/**
 * The probe a one-file bot's identity is read through: its folder is the file's path (`dir`),
 * and the only marker it holds is the file itself, under its name.
 */
export function oneFileProbe(dir: string, text: string | undefined): FolderProbe {
  const name = dir.slice(dir.lastIndexOf('/') + 1);
  return {
    dir,
    hasFile: (rel) => rel === name,
    hasDir: () => false,
    read: (rel) => (rel === name ? text : undefined),
  };
}

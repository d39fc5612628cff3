// The workspace index: every bot file the caller has told us about (open documents or disk
// text), the bots they form, and their diagnostics. The formats it is given recognise bot
// folders from their marker files (a manifest, a Rasa config.yml); each bot is a session of
// its format, which models and checks it. A change re-parses only the changed file and tells
// the bot it belongs to; a change of a marker makes its folder be recognised again, and the
// workspace-wide id check runs again.
import { expandArchive } from '../archive';
import { oneFileFormats, recogniseOneFile } from '../onefile';
import { duplicateBotIds } from '../rules/duplicateBotId';
import { Settler } from './settle';
import { isWildMarker, markerCovers } from '../format';
import type { BotFormat, BotSession, FolderProbe, Recognition, SessionHost } from '../format';
import { resolveOptions } from '../options';
import type { ResolvedOptions, ValidationOptions } from '../options';
import { parseDocument } from '../parse/document';
import type { ParsedDocument } from '../parse/document';
import { decodeBotFile } from '../parse/decode';
import { dirOf, joinPath, normalizePath, relativeTo } from '../paths';
import type { Diagnostic, Finding } from '../types';
import type { WorkspaceView } from '../features/types';
import type { BotDocument, BotModel } from './bot';

interface Entry {
  path: string;
  text: string;
  version: number;
  decodeFindings: Finding[];
  /** The committed zip this entry was read from, when it is one of a zip's entries (read-only). */
  archive?: string;
  /** The parse, analysed by the format that owned the file then (undefined: no bot owned it). */
  parsed?: { by: BotFormat | undefined; value: BotDocument };
}

/** A recognised bot folder: the format that claimed it, its session and its marker. */
interface Bot {
  session: BotSession;
  recognition: Recognition;
}

/** What a change may have touched: republish diagnostics for these files (some may now have none). */
export interface ChangeResult {
  affected: string[];
}

export class BotWorkspace implements WorkspaceView {
  private readonly entries = new Map<string, Entry>();
  /** Recognised bot folders, by folder. */
  private readonly bots = new Map<string, Bot>();
  /**
   * Files that are bots by themselves (a LivePerson export), by path: the bot's folder is
   * the file's path. Such a file inside a bot folder is that bot's file (as a zip there is).
   */
  private readonly fileBots = new Map<string, Bot>();
  /** How many held files lie under each folder (for FolderProbe.hasDir). */
  private readonly filesUnder = new Map<string, number>();
  /** The sub-folders of each folder that hold files (for markers with `*` parts). */
  private readonly subfolders = new Map<string, Set<string>>();
  private options: ResolvedOptions;
  private workspaceFindings: Map<string, Finding[]> | undefined;
  private readonly host: SessionHost;
  /** Zips read as bots: their entries' paths and the zip's own findings, by zip path. */
  private readonly archives = new Map<string, { entries: string[]; findings: Finding[] }>();

  constructor(
    private readonly formats: readonly BotFormat[],
    options: ValidationOptions = {},
  ) {
    this.options = resolveOptions(options);
    const ws = this;
    this.host = {
      get options() {
        return ws.options;
      },
      paths: () => this.entries.keys(),
      has: (p) => this.entries.has(p),
      text: (p) => this.entries.get(p)?.text ?? '',
      document: (p) => this.botDocument(p),
      ownerOf: (p) => this.botAt(p)?.session,
    };
  }

  /** Replaces the validation settings; every bot is checked again on the next request. */
  setOptions(options: ValidationOptions): ChangeResult {
    this.options = resolveOptions(options);
    this.archiveSettled = new WeakMap();
    for (const b of this.bots.values()) b.session.optionsChanged();
    for (const b of this.fileBots.values()) b.session.optionsChanged();
    return { affected: this.allBotFiles() };
  }

  get resolvedOptions(): ResolvedOptions {
    return this.options;
  }

  /** The formats this workspace recognises, in order. */
  get formatList(): readonly BotFormat[] {
    return this.formats;
  }

  /** Whether one of the workspace's formats may parse a file of this name. */
  isDefinitionFile(path: string): boolean {
    return this.formats.some((f) => f.isDefinitionFile(path));
  }

  /** Adds or updates a file's text (an open document, or text read from disk). */
  setDocument(path: string, text: string, version = 0, decodeFindings: Finding[] = []): ChangeResult {
    const p = normalizePath(path);
    const old = this.entries.get(p);
    if (old && old.text === text && old.decodeFindings.length === decodeFindings.length) {
      old.version = version;
      return { affected: [] };
    }
    const before = this.filesAround(p);
    this.entries.set(p, { path: p, text, version, decodeFindings });
    if (!old) this.count(p, 1);
    return this.changed(p, before, old ? old.parsed?.value : undefined, !old);
  }

  /** Adds or updates a file from its bytes, reporting invalid UTF-8. */
  setDocumentBytes(path: string, bytes: Uint8Array, version = 0): ChangeResult {
    const { text, findings } = decodeBotFile(bytes);
    return this.setDocument(path, text, version, findings);
  }

  /**
   * Reads a committed export zip (its bytes) in place: when a format whose bots may be zips
   * claims it, each entry that format parses becomes a read-only document at
   * `<zip path>/<entry>`, and the zip's own findings are reported at the zip. A zip no format
   * claims holds nothing here. Reading the same zip again replaces what it held.
   */
  setArchive(path: string, bytes: Uint8Array): ChangeResult {
    const p = normalizePath(path);
    const affected = new Set(this.removeArchive(p).affected);
    const expanded = expandArchive(p, bytes, this.formats);
    if (!expanded) return { affected: [...affected] };
    const entries: string[] = [];
    for (const [name, data] of expanded.entries) {
      const entryPath = `${p}/${name}`;
      for (const a of this.setDocumentBytes(entryPath, data).affected) affected.add(a);
      const e = this.entries.get(entryPath);
      if (e) e.archive = p;
      entries.push(entryPath);
    }
    this.archives.set(p, { entries, findings: expanded.findings });
    affected.add(p);
    return { affected: [...affected] };
  }

  /** Forgets what a zip held (deleted, or no longer a bot). */
  removeArchive(path: string): ChangeResult {
    const p = normalizePath(path);
    const had = this.archives.get(p);
    if (!had) return { affected: [] };
    this.archives.delete(p);
    const affected = new Set<string>([p]);
    for (const entry of had.entries) for (const a of this.removeDocument(entry).affected) affected.add(a);
    return { affected: [...affected] };
  }

  /** The zip a document was read from, when it is a zip's entry (such documents are read-only). */
  archiveOf(path: string): string | undefined {
    return this.entries.get(normalizePath(path))?.archive;
  }

  /** Whether a path is a zip read as a bot. */
  isArchive(path: string): boolean {
    return this.archives.has(normalizePath(path));
  }

  /** Forgets a file (deleted, or closed and gone from disk). */
  removeDocument(path: string): ChangeResult {
    const p = normalizePath(path);
    if (!this.entries.has(p)) return { affected: [] };
    const before = this.filesAround(p);
    this.entries.delete(p);
    this.count(p, -1);
    return this.changed(p, before, undefined, true);
  }

  hasDocument(path: string): boolean {
    return this.entries.has(normalizePath(path));
  }

  /** Every path the workspace holds. */
  paths(): string[] {
    return [...this.entries.keys()];
  }

  /** The parsed file (parsing it now if needed), or undefined when unknown. */
  getDocument(path: string): ParsedDocument | undefined {
    return this.botDocument(normalizePath(path))?.doc;
  }

  /** The parsed file with what its bot's format reads in it, or undefined when unknown. */
  botDocument(path: string): BotDocument | undefined {
    const p = normalizePath(path);
    const e = this.entries.get(p);
    if (!e) return undefined;
    const format = this.botAt(p)?.session.format;
    if (!e.parsed || e.parsed.by !== format) {
      const doc = e.parsed ? e.parsed.value.doc : parseDocument(e.path, e.text, e.version, e.decodeFindings);
      e.parsed = { by: format, value: format ? format.analyse(doc) : { doc, facts: { defs: [], refs: [] }, local: [...doc.syntax] } };
    }
    return e.parsed.value;
  }

  /** Every bot, built from its files. */
  getBots(): BotModel[] {
    const out: BotModel[] = [];
    for (const b of this.bots.values()) {
      const m = b.session.model(this.host);
      if (m) out.push(m);
    }
    // A file that is a bot by itself, unless a bot folder holds it (then it is that bot's file).
    for (const [p, b] of this.fileBots) {
      if (this.folderBotAt(p)) continue;
      const m = b.session.model(this.host);
      if (m) out.push(m);
    }
    return out;
  }

  /** The bot a file belongs to (as its manifest or one of its files), if any. */
  botOf(path: string): BotModel | undefined {
    const p = normalizePath(path);
    const model = this.botAt(p)?.session.model(this.host);
    return model && (model.docs.has(p) || model.extraManifests.includes(p)) ? model : undefined;
  }

  /** The format of the bot a file belongs to, if any. */
  formatOf(path: string): BotFormat | undefined {
    return this.botOf(path) ? this.botAt(normalizePath(path))!.session.format : undefined;
  }

  /**
   * The diagnostics of one file: none for files that belong to no bot. While neither the file
   * nor anything its diagnostics depend on changed, this is the same array as before.
   */
  getDiagnostics(path: string): Diagnostic[] {
    const p = normalizePath(path);
    const archive = this.archives.get(p);
    if (archive) return this.archiveDiagnostics(p, archive.findings);
    const bot = this.botAt(p);
    if (!bot) return [];
    return bot.session.diagnostics(this.host, p, this.workspaceRuleFindings().get(p));
  }

  /** Diagnostics of every bot file, by path (a zip read as a bot, by the zip's path). */
  getAllDiagnostics(): Map<string, Diagnostic[]> {
    const out = new Map<string, Diagnostic[]>();
    for (const [zip, a] of this.archives) out.set(zip, this.archiveDiagnostics(zip, a.findings));
    for (const model of this.getBots()) {
      for (const f of [...model.files, ...model.extraManifests]) out.set(f, this.getDiagnostics(f));
    }
    return out;
  }

  // ---- internals ----

  private archiveSettled = new WeakMap<Finding[], Diagnostic[]>();

  /** A zip's own findings as diagnostics (the same array while they do not change). */
  private archiveDiagnostics(zip: string, findings: Finding[]): Diagnostic[] {
    let d = this.archiveSettled.get(findings);
    if (!d) this.archiveSettled.set(findings, (d = new Settler(this.options).finish(zip, [new Settler(this.options).settle(zip, findings, 0)])));
    return d;
  }

  private changed(p: string, before: string[], previous: BotDocument | undefined, addedOrRemoved: boolean): ChangeResult {
    const entry = this.entries.get(p);
    if (entry) entry.parsed = undefined;
    // Whether the file is a bot by itself is decided first: a file so claimed is no marker of its folder.
    const claimChanged = this.reclaim(p);
    if (claimChanged) {
      this.workspaceFindings = undefined;
      // The file joins or leaves the bot folder around it, if any: that bot is rebuilt.
      const around = this.folderBotAt(p);
      if (around) {
        for (const f of around.session.lastFiles) before.push(f);
        around.session.invalidate();
      }
    }
    const folders = this.foldersToRecognise(p, addedOrRemoved);
    let moved = false;
    if (folders.length) {
      for (const { dir, fileMarker } of folders) {
        // A new, changed or removed bot folder moves files between bots: every bot that encloses it is rebuilt too.
        const touched = [...this.bots.values()].filter((b) => b.session.dir === dir || relativeTo(b.session.dir, dir) !== undefined);
        const lastFiles = touched.flatMap((b) => b.session.lastFiles);
        const changedHere = this.recognise(dir);
        // A file that came or went under a folder marker (one more file in flows/) while the
        // folder stays the bot it was, or no bot, moves nothing between bots: an ordinary change.
        if (!changedHere && !fileMarker) continue;
        moved = true;
        this.workspaceFindings = undefined;
        for (const f of lastFiles) before.push(f);
        for (const b of [...this.bots.values()].filter((b) => b.session.dir === dir || relativeTo(b.session.dir, dir) !== undefined)) {
          b.session.invalidate();
          // Membership may have changed: the files that joined need diagnostics too.
          for (const f of b.session.model(this.host)?.files ?? []) before.push(f);
        }
        // A bot folder that came or went may now hold, or no longer hold, files that are bots by themselves.
        for (const [f, b] of this.fileBots) {
          if (relativeTo(dir, f) === undefined) continue;
          b.session.invalidate();
          before.push(f);
        }
      }
    }
    if (!moved) {
      const bot = this.botAt(p);
      if (bot) bot.session.invalidate(entry && previous && !claimChanged ? { path: p, previous } : undefined);
    }
    const affected = new Set(before);
    affected.add(p);
    // A changed id can create or clear a duplicate elsewhere: every bot's marker too.
    for (const b of this.bots.values()) affected.add(joinPath(b.session.dir, b.recognition.marker));
    for (const f of this.fileBots.keys()) affected.add(f);
    return { affected: [...affected] };
  }

  /**
   * The folders above `p` for which `p` is a marker of some format: a file marker always (its
   * text may decide), a folder marker only when a file came or went under it.
   */
  private foldersToRecognise(p: string, addedOrRemoved: boolean): { dir: string; fileMarker: boolean }[] {
    const out: { dir: string; fileMarker: boolean }[] = [];
    // Most files are no marker of any format: the markers that could cover this file are
    // found from its name, and from its folders' names for folder markers, before any walk.
    const markers = this.markerIndex();
    const name = p.slice(p.lastIndexOf('/') + 1);
    const fileMarkers = [...(markers.fileByName.get(name) ?? []), ...markers.fileAnyName];
    let folderMarkers: string[] = [];
    if (addedOrRemoved && markers.folder.length) {
      const segments = new Set(p.split('/').slice(0, -1));
      folderMarkers = markers.folder.filter((m) => m.startsWith('*') || segments.has(m.slice(0, m.indexOf('/'))));
    }
    if (fileMarkers.length === 0 && folderMarkers.length === 0) return out;
    let dir = dirOf(p);
    for (;;) {
      const rel = relativeTo(dir, p);
      if (rel !== undefined) {
        // `fileMarker`: the file is itself a marker (its text may decide the bot's identity).
        const fileMarker = fileMarkers.some((m) => markerCovers(m, rel));
        if (fileMarker || folderMarkers.some((m) => markerCovers(m, rel))) out.push({ dir, fileMarker });
      }
      if (dir === '') break;
      dir = dirOf(dir);
    }
    return out;
  }

  private markers: { fileByName: Map<string, string[]>; fileAnyName: string[]; folder: string[] } | undefined;

  /** Every format's markers: file markers by their last name (or any name, for `*`), and folder markers. */
  private markerIndex(): { fileByName: Map<string, string[]>; fileAnyName: string[]; folder: string[] } {
    if (this.markers) return this.markers;
    const index = { fileByName: new Map<string, string[]>(), fileAnyName: [] as string[], folder: [] as string[] };
    for (const f of this.formats) {
      for (const m of f.markers) {
        if (m.endsWith('/')) {
          index.folder.push(m);
          continue;
        }
        const last = m.slice(m.lastIndexOf('/') + 1);
        if (last.includes('*')) index.fileAnyName.push(m);
        else {
          const list = index.fileByName.get(last);
          if (list) list.push(m);
          else index.fileByName.set(last, [m]);
        }
      }
    }
    return (this.markers = index);
  }

  /** Recognises one folder again: the first format that claims it, in the registry's order, wins. Whether that changed what the folder is (a bot of which format, by which marker). */
  private recognise(dir: string): boolean {
    const probe = this.probe(dir);
    let found: { format: BotFormat; recognition: Recognition } | undefined;
    for (const format of this.formats) {
      const recognition = format.recognise(probe);
      if (recognition) {
        found = { format, recognition };
        break;
      }
    }
    const had = this.bots.get(dir);
    if (!found) {
      if (had) this.bots.delete(dir);
      return !!had;
    }
    if (had && had.session.format === found.format) {
      const same = had.recognition.marker === found.recognition.marker && (had.recognition.ignored ?? []).join('\0') === (found.recognition.ignored ?? []).join('\0');
      had.recognition = found.recognition;
      return !same;
    }
    this.bots.set(dir, { session: found.format.open(dir), recognition: found.recognition });
    return true;
  }

  private probe(dir: string): FolderProbe {
    const matches = (marker: string): string[] => {
      if (!isWildMarker(marker)) return this.entries.has(joinPath(dir, marker)) ? [marker] : [];
      const parts = marker.split('/');
      let at = [''];
      for (let i = 0; i < parts.length - 1; i++) {
        const part = parts[i]!;
        const next: string[] = [];
        for (const rel of at) {
          if (part !== '*') next.push(joinPath(rel, part));
          else for (const name of this.subfolders.get(rel === '' ? dir : joinPath(dir, rel)) ?? []) next.push(joinPath(rel, name));
        }
        at = next;
      }
      return at
        .map((rel) => joinPath(rel, parts[parts.length - 1]!))
        .filter((rel) => this.entries.has(joinPath(dir, rel)))
        .sort();
    };
    return {
      dir,
      hasFile: (rel) => (isWildMarker(rel) ? matches(rel).length > 0 : this.holdsMarker(joinPath(dir, rel))),
      hasDir: (rel) => (this.filesUnder.get(joinPath(dir, rel.replace(/\/$/, ''))) ?? 0) > 0,
      read: (rel) => (this.holdsMarker(joinPath(dir, rel)) ? this.entries.get(joinPath(dir, rel))?.text : undefined),
      matches,
    };
  }

  /** Counts a file coming (+1) or going (-1) in every folder above it. */
  private count(p: string, delta: number): void {
    let dir = dirOf(p);
    for (;;) {
      const n = (this.filesUnder.get(dir) ?? 0) + delta;
      if (n > 0) this.filesUnder.set(dir, n);
      else this.filesUnder.delete(dir);
      if (dir === '') break;
      const up = dirOf(dir);
      // A folder that came to hold files, or that holds none any more, is a sub-folder of its parent or no longer.
      if (n === delta || n <= 0) {
        const name = dir.slice(up === '' ? 0 : up.length + 1);
        let subs = this.subfolders.get(up);
        if (n > 0) {
          if (!subs) this.subfolders.set(up, (subs = new Set()));
          subs.add(name);
        } else if (subs) {
          subs.delete(name);
          if (subs.size === 0) this.subfolders.delete(up);
        }
      }
      dir = up;
    }
  }

  /**
   * The files a change around `p` may touch, as last known (no model is built for this: a
   * new membership shows in the next diagnostics request, and files that left are listed here).
   */
  private filesAround(p: string): string[] {
    const bot = this.botAt(p);
    return bot ? [...bot.session.lastFiles, p] : [p];
  }

  private allBotFiles(): string[] {
    return this.getBots().flatMap((b) => [...b.files, ...b.extraManifests]);
  }

  /** The bot a path belongs to: the bot folder nearest above it, else the file itself when it is a bot by itself. */
  private botAt(p: string): Bot | undefined {
    return this.folderBotAt(p) ?? this.fileBots.get(p);
  }

  /** The bot folder nearest above a path. */
  private folderBotAt(p: string): Bot | undefined {
    let dir = dirOf(p);
    for (;;) {
      const b = this.bots.get(dir);
      if (b) return b;
      if (dir === '') return undefined;
      const up = dirOf(dir);
      if (up === dir) return undefined;
      dir = up;
    }
  }

  /** Whether a held file counts as a marker of its folder: a file that is a bot by itself never does. */
  private holdsMarker(p: string): boolean {
    return this.entries.has(p) && !this.fileBots.has(p);
  }

  /**
   * Decides again whether the file at `p` is a bot by itself (its text read by the formats
   * whose file markers name it); true when that changed (it became one, stopped being one,
   * or became one of another format). A zip's entries are never such bots.
   */
  private reclaim(p: string): boolean {
    const had = this.fileBots.get(p);
    const entry = this.entries.get(p);
    // A zip's entries (at <zip>/<entry>) are never such bots; their zip is read as a bot or not at all.
    const inZip = entry?.archive !== undefined || /\.zip\//i.test(p);
    if (!had && (!entry || inZip || oneFileFormats(this.formats, p).length === 0)) return false;
    const found = entry && !inZip ? recogniseOneFile(this.formats, p, entry.text) : undefined;
    const hit = found === 'more' ? undefined : found;
    if (!hit) {
      if (!had) return false;
      this.fileBots.delete(p);
      return true;
    }
    if (had && had.session.format === hit.format) {
      had.recognition = hit.recognition;
      return false;
    }
    this.fileBots.set(p, { session: hit.format.open(p), recognition: hit.recognition });
    return true;
  }

  private workspaceRuleFindings(): Map<string, Finding[]> {
    if (this.workspaceFindings) return this.workspaceFindings;
    const out = new Map<string, Finding[]>();
    duplicateBotIds(this.getBots(), (file, f) => {
      const list = out.get(file);
      if (list) list.push(f);
      else out.set(file, [f]);
    });
    return (this.workspaceFindings = out);
  }
}

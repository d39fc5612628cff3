// Answers the client's custom requests with the versioning core: one core workspace per
// workspace folder, bots found in any of them. Pure translation; the rules live in the core.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { commonRoot, isMinifiedJson, openZip, prettyJson } from '../definitions/index';
import { formatById, markersText, semanticChanges } from '../formats/index';
import { openWorkspace, WORKING } from '../versioning/index';
import type * as core from '../versioning/index';
import { RefusedError } from './errors';
import type { BotInfo, CompareResult, DriftInfo, FileChange, GateParams, GateProgressParams, ParamsOf, PromotePreview, RequestMethod, ResultOf, SideRef, VersionFile } from './protocol';
import { environmentEventInfo, environmentInfo, gateRunInfo, gatesInfo, historyEntryInfo, releaseInfo, scheduleInfo, versionInfo } from './viewModels';

/** A request's handler; `signal` aborts when the client cancels the request (a change whose gates run stops them). */
type Handler<M extends RequestMethod> = (params: ParamsOf<M>, signal?: AbortSignal) => Promise<ResultOf<M>>;
/** Every request but botVersions/setTrust, which the server answers itself. */
export type Handlers = { [M in Exclude<RequestMethod, 'botVersions/setTrust' | 'botVersions/readDocument'>]: Handler<M> };

/** Requests that change files; an untrusted workspace refuses them. */
export const WRITING_REQUESTS: ReadonlySet<RequestMethod> = new Set<RequestMethod>([
  'botVersions/saveVersion',
  'botVersions/restoreVersion',
  'botVersions/deleteVersion',
  'botVersions/setEnvironment',
  'botVersions/promote',
  'botVersions/rollback',
  'botVersions/createRelease',
  'botVersions/acceptRelease',
  'botVersions/rejectRelease',
  'botVersions/cancelSchedule',
]);

export interface ServiceOptions {
  roots: string[];
  /** The `botVersions.author` setting, asked at each write; empty: git or the OS user. */
  author?: () => string | undefined;
  /** The promotion gate (server/src/formats/gate.ts), configured by each store, not by settings. */
  validate: core.GateValidator;
  /** Asked at each operation: while true the store is only read (an untrusted workspace). */
  readOnly?: () => boolean;
  /** Told when the flushes after a restore or a release acceptance fail (the change is in place). */
  finishFailed?(message: string): void;
  /** Told what a change's gates do as they run (sent to the client as botVersions/gateProgress). */
  gateProgress?(p: GateProgressParams): void;
}

interface Located {
  ws: core.Workspace;
  bot: core.BotInfo;
}

/** Immutable per version id, so cached for the server's life (bounded). */
const MAX_CACHED_TREES = 2000;

export class VersioningService {
  private workspaces: core.Workspace[] = [];
  private readonly trees = new Map<string, core.FileEntry[]>();

  constructor(private readonly options: ServiceOptions) {}

  async init(): Promise<void> {
    this.workspaces = await Promise.all(
      this.options.roots.map((root) => openWorkspace(root, { author: this.options.author, validate: this.options.validate, readOnly: this.options.readOnly })),
    );
  }

  /** Reports a failure of what a committed write does after answering (see Workspace.settled). */
  private watchFinish(ws: core.Workspace, what: string): void {
    void ws.settled().catch((e: unknown) => {
      const why = e instanceof Error ? e.message : String(e);
      this.options.finishFailed?.(`${what} is in place, but flushing it to disk failed: ${why} The next change to the versions finishes it.`);
    });
  }

  get roots(): readonly core.Workspace[] {
    return this.workspaces;
  }

  /**
   * The pipeline, and for each protected bot the files (relative to its folder) that the
   * versioning core counts as edited outside a release: the checks flag edits made there.
   */
  async storeFacts(): Promise<{ environments: string[]; protectedBots: Map<string, Set<string>> }> {
    const protectedBots = new Map<string, Set<string>>();
    let environments: string[] | undefined;
    for (const ws of this.workspaces) {
      const config = await ws.config();
      environments ??= config.pipeline;
      for (const e of await ws.protectedEdits()) if (e.changes.length) protectedBots.set(e.bot, new Set(e.changes.map((c) => c.path)));
    }
    return { environments: environments ?? [], protectedBots };
  }

  /** The folder of the store of each workspace root. */
  storeDirs(): string[] {
    return this.workspaces.map((w) => w.storeDir);
  }

  private async locate(id: string): Promise<Located> {
    for (const ws of this.workspaces) {
      const { bots } = await ws.bots();
      const bot = bots.find((b) => b.id === id);
      if (bot) return { ws, bot };
    }
    throw new RefusedError('NOT_FOUND', `There is no bot "${id}" in this workspace. A bot is a folder holding the marker files of its format: ${markersText()}.`);
  }

  /** The bot a file belongs to, by folder (the innermost bot folder holding it). */
  async botOfFile(path: string): Promise<{ located: Located; relative: string } | undefined> {
    let best: { located: Located; relative: string } | undefined;
    for (const ws of this.workspaces) {
      for (const bot of (await ws.bots()).bots) {
        // A bot that is one file holds that file alone (and, for a zip, nothing beside it in its folder).
        if (bot.file !== undefined) {
          if (path === join(bot.path, bot.file)) return { located: { ws, bot }, relative: bot.file };
          continue;
        }
        const dir = bot.path.endsWith('/') ? bot.path : bot.path + '/';
        if (path.startsWith(dir) && (!best || dir.length > best.located.bot.path.length)) best = { located: { ws, bot }, relative: path.slice(dir.length) };
      }
    }
    return best;
  }

  private async tree(ws: core.Workspace, bot: string, id: string): Promise<core.FileEntry[]> {
    let t = this.trees.get(id);
    if (!t) {
      t = (await ws.version(bot, id)).tree;
      if (this.trees.size >= MAX_CACHED_TREES) this.trees.delete(this.trees.keys().next().value!);
      this.trees.set(id, t);
    }
    return t;
  }

  private async botInfo(ws: core.Workspace, bot: core.BotInfo): Promise<BotInfo> {
    const [versions, envs, status, pending] = await Promise.all([
      ws.versions(bot.id),
      ws.environments(bot.id),
      ws.workingCopyStatus(bot.id),
      ws.releases(bot.id, { direction: 'in', pendingOnly: true }),
    ]);
    const infos = versions.map(versionInfo);
    const byId = new Map(infos.map((v) => [v.id, v]));
    const latest = status.latest ? (byId.get(status.latest.id) ?? null) : null;
    const base = status.base ? (byId.get(status.base.id) ?? null) : null;
    const drift: DriftInfo = { dirty: !status.clean, added: [], removed: [], modified: [] };
    for (const c of status.changes) drift[c.change].push(c.path);
    return {
      id: bot.id,
      name: bot.name,
      format: bot.format,
      platform: bot.format === 'native' ? '' : (formatById(bot.format)?.label ?? bot.format),
      locales: bot.locales,
      localeVersions: !!formatById(bot.format)?.localeOf && bot.file === undefined,
      folderUri: pathToFileURL(bot.path).toString(),
      manifestUri: pathToFileURL(join(bot.path, bot.file ?? bot.manifest)).toString(),
      ...(bot.file !== undefined ? { fileUri: pathToFileURL(join(bot.path, bot.file)).toString() } : {}),
      protected: bot.protected,
      warning: bot.warning ?? null,
      versionCount: versions.length,
      latest,
      base,
      savedAs: status.savedAs.map((v) => v.label),
      drift,
      environments: envs.filter((e) => e.inPipeline).map((e) => environmentInfo(e, byId)),
      pendingReleases: pending.map(releaseInfo),
    };
  }

  private async side(ws: core.Workspace, bot: string, side: SideRef): Promise<CompareResult['from']> {
    if (side.kind === 'working') return { kind: 'working', label: 'working copy' };
    const v = await ws.resolveVersion(bot, side.id);
    return { kind: 'version', id: v.id, label: v.label };
  }

  private async compare(ws: core.Workspace, bot: core.BotInfo, from: SideRef, to: SideRef, locale?: string): Promise<CompareResult> {
    const ref = (s: SideRef) => (s.kind === 'working' ? WORKING : s.id);
    const [diff, texts, fromSide, toSide] = await Promise.all([
      ws.diff(bot.id, ref(from), ref(to), { hunks: true, context: 0, locale }),
      // Both sides whole: an entity may move between files, and one file (a manifest) may say which others belong to the bot.
      ws.diffTexts(bot.id, ref(from), ref(to), { locale }),
      this.side(ws, bot.id, from),
      this.side(ws, bot.id, to),
    ]);
    const semantic = semanticChanges(texts.format, texts.before, texts.after);
    // A bot that is an export zip is compared by its entries; JSON on one long line is shown pretty.
    const zip = bot.file !== undefined && /\.zip$/i.test(bot.file) ? bot.file : undefined;
    const minified = (path: string) => /\.jsonc?$/i.test(path) && [texts.before.get(path), texts.after.get(path)].some((t) => t !== undefined && isMinifiedJson(t));
    const files: FileChange[] = zip
      ? entryChanges(texts.before, texts.after).map((f) => ({ ...f, entryOf: zip, ...(minified(f.path) ? { minified: true } : {}) }))
      : diff.files.map((f) => ({ path: f.path, change: f.change, additions: f.insertions, deletions: f.deletions, ...(minified(f.path) ? { minified: true } : {}) }));
    return { bot: bot.id, from: fromSide, to: toSide, files, summary: semantic.changes };
  }

  /** What promoting (or setting) would do, including the gate's verdict: the core's plan, in the editor's words. */
  private async preview(p: ParamsOf<'botVersions/previewPromote'>): Promise<PromotePreview> {
    const { ws, bot } = await this.locate(p.bot);
    const plan = await ws.previewPromotion(bot.id, p.environment, { from: p.from, skip: !!p.from, version: p.version });
    const byId = new Map((await ws.versions(bot.id)).map((v) => [v.id, versionInfo(v)]));
    const incoming = plan.incoming ? (byId.get(plan.incoming.id) ?? null) : null;
    const current = plan.current ? (byId.get(plan.current.id) ?? null) : null;
    const comparison = incoming && current && incoming.id !== current.id ? await this.compare(ws, bot, { kind: 'version', id: current.id }, { kind: 'version', id: incoming.id }) : null;
    const gates = plan.gates.map((g) => ({ name: g.name, kind: g.kind, ...(g.command !== undefined ? { command: g.command } : {}), ...(g.timeoutSeconds !== undefined ? { timeoutSeconds: g.timeoutSeconds } : {}), ...(g.run ? { run: gateRunInfo(g.run) } : {}) }));
    return { bot: bot.id, environment: plan.environment, from: plan.from, incoming, current, comparison, gate: plan.gate, gates, blocked: blockedText(plan) };
  }

  private async environmentAfter(ws: core.Workspace, bot: string, change: core.EnvironmentChange) {
    const byId = new Map((await ws.versions(bot)).map((v) => [v.id, versionInfo(v)]));
    return { ...environmentInfo(change.environment, byId), ran: change.changed ? gatesInfo(change.event.gates) : null };
  }

  /**
   * How a change asked for by the client runs its gates: a command runs only when the client
   * listed it among the commands the user approved (the editor shows each first), progress
   * goes back under the request's token, and cancelling the request stops the gates.
   */
  private gateOptions(p: GateParams, signal: AbortSignal | undefined): core.GateOptions {
    const o: core.GateOptions = {};
    if (p.override) o.override = { reason: p.override };
    if (p.skipGates !== undefined) o.skipGates = { reason: p.skipGates };
    const approved = new Set(p.approvedCommands ?? []);
    o.approve = (g) => g.command !== undefined && approved.has(g.command);
    if (signal) o.signal = signal;
    const token = p.progressToken;
    if (token !== undefined && this.options.gateProgress) {
      const send = this.options.gateProgress;
      o.progress = (x) => {
        if (x.kind === 'start') send({ token, bot: x.bot, environment: x.environment, kind: 'start', gate: x.gate.name, index: x.index, total: x.total, ...(x.gate.command ? { command: x.gate.command } : {}) });
        else if (x.kind === 'output') send({ token, bot: x.bot, environment: x.environment, kind: 'output', gate: x.gate, index: -1, total: -1, line: x.line, elapsedMs: x.elapsedMs });
        else send({ token, bot: x.bot, environment: x.environment, kind: 'end', gate: x.run.name, index: x.index, total: x.total, run: gateRunInfo(x.run) });
      };
    }
    return o;
  }

  readonly handlers: Handlers = {
    'botVersions/listBots': async () => {
      const out: BotInfo[] = [];
      const seen = new Set<string>();
      for (const ws of this.workspaces) {
        for (const bot of (await ws.bots()).bots) {
          if (seen.has(bot.id)) continue;
          seen.add(bot.id);
          out.push(await this.botInfo(ws, bot));
        }
      }
      return out.sort((a, b) => a.id.localeCompare(b.id));
    },
    'botVersions/listVersions': async (p) => {
      const { ws, bot } = await this.locate(p.bot);
      const all = await ws.versions(bot.id);
      const offset = Math.max(0, p.offset ?? 0);
      const limit = Math.max(0, p.limit ?? all.length);
      return { total: all.length, versions: all.slice(offset, offset + limit).map(versionInfo) };
    },
    'botVersions/saveVersion': async (p) => {
      const { ws, bot } = await this.locate(p.bot);
      const r = await ws.save(bot.id, {
        name: p.name,
        description: p.description,
        force: p.force,
        allowUnchanged: true,
        reason: p.force ? 'saved from the editor after unlocking' : undefined,
        locales: p.locales,
        localeFrom: p.localeFrom,
      });
      return { ...versionInfo(r.version), ...(r.warnings?.length ? { warnings: r.warnings } : {}) };
    },
    'botVersions/restoreVersion': async (p) => {
      const { ws, bot } = await this.locate(p.bot);
      const r = await ws.restore(bot.id, p.version, { force: p.force, locale: p.locale });
      this.watchFinish(ws, `The restore of ${bot.id} ${r.version.label}`);
      return { restored: versionInfo(r.version), autoSaved: r.autoSaved ? versionInfo(r.autoSaved) : null };
    },
    'botVersions/deleteVersion': async (p) => {
      const { ws, bot } = await this.locate(p.bot);
      const v = await ws.resolveVersion(bot.id, p.version);
      await ws.deleteVersion(bot.id, p.version);
      return { deleted: versionInfo(v) };
    },
    'botVersions/compare': async (p) => {
      const { ws, bot } = await this.locate(p.bot);
      return this.compare(ws, bot, p.from, p.to, p.locale);
    },
    'botVersions/versionFiles': async (p) => {
      const { ws, bot } = await this.locate(p.bot);
      const v = await ws.resolveVersion(bot.id, p.version);
      const tree = await this.tree(ws, bot.id, v.id);
      const parent = v.parent ? new Map((await this.tree(ws, bot.id, v.parent).catch(() => [])).map((f) => [f.path, f.sha256])) : null;
      return tree.map((f): VersionFile => {
        const before = parent?.get(f.path);
        const change = !parent ? null : before === undefined ? 'added' : before !== f.sha256 ? 'modified' : null;
        return { path: f.path, size: f.size, change };
      });
    },
    'botVersions/readVersionFile': async (p) => {
      const { ws, bot } = await this.locate(p.bot);
      let bytes = await ws.readVersionFile(bot.id, p.version, p.path);
      if (p.entry !== undefined) {
        // An entry of the version's export zip, by its path in the export (the zip's wrapper folder aside).
        const zip = openZip(bytes);
        const root = commonRoot(zip.entries);
        const name = zip.get(p.entry) ? p.entry : root !== undefined && zip.get(`${root}/${p.entry}`) ? `${root}/${p.entry}` : undefined;
        const data = name === undefined ? undefined : zip.read(name);
        if (!data) throw new RefusedError('NOT_FOUND', `${p.path} of ${bot.id} ${p.version} holds no entry ${p.entry}.`);
        bytes = data;
      }
      const binary = isBinary(bytes);
      const text = binary ? null : new TextDecoder().decode(bytes);
      return { text: text !== null && p.formatted && /\.jsonc?$/i.test(p.entry ?? p.path) ? prettyJson(text) : text, binary, size: bytes.length };
    },
    'botVersions/environments': async (p) => {
      const { ws, bot } = await this.locate(p.bot);
      const info = await this.botInfo(ws, bot);
      return { pipeline: (await ws.config()).pipeline, environments: info.environments };
    },
    'botVersions/environmentHistory': async (p) => {
      const { ws, bot } = await this.locate(p.bot);
      const [events, versions] = await Promise.all([ws.environmentHistory(bot.id, p.environment), ws.versions(bot.id)]);
      const byId = new Map(versions.map((v) => [v.id, versionInfo(v)]));
      return events.map((e) => environmentEventInfo(e, byId));
    },
    'botVersions/previewPromote': (p) => this.preview(p),
    'botVersions/setEnvironment': async (p, signal) => {
      const { ws, bot } = await this.locate(p.bot);
      const change = await ws.setEnvironment(bot.id, p.environment, p.version, this.gateOptions(p, signal));
      return this.environmentAfter(ws, bot.id, change);
    },
    'botVersions/promote': async (p, signal) => {
      const { ws, bot } = await this.locate(p.bot);
      const change = await ws.promote(bot.id, p.environment, { from: p.from, skip: !!p.from, ...this.gateOptions(p, signal) });
      return this.environmentAfter(ws, bot.id, change);
    },
    'botVersions/rollback': async (p, signal) => {
      const { ws, bot } = await this.locate(p.bot);
      const change = await ws.rollback(bot.id, p.environment, { to: p.to, ...this.gateOptions(p, signal) });
      return this.environmentAfter(ws, bot.id, change);
    },
    'botVersions/cancelSchedule': async (p) => {
      const { ws, bot } = await this.locate(p.bot);
      return scheduleInfo(await ws.cancelSchedule(bot.id, p.schedule, p.reason !== undefined ? { reason: p.reason } : {}));
    },
    'botVersions/releases': async (p) => {
      const { ws, bot } = await this.locate(p.bot);
      return (await ws.releases(bot.id, { direction: 'both' })).map(releaseInfo);
    },
    'botVersions/createRelease': async (p) => {
      const { ws, bot } = await this.locate(p.bot);
      const target = await this.locate(p.to);
      if (target.ws !== ws) throw new RefusedError('INVALID', `${p.to} lives in another workspace folder than ${bot.id}; a release stays within one folder's store.`);
      return releaseInfo(await ws.createRelease(bot.id, p.version, target.bot.id, { name: p.name, description: p.description }));
    },
    'botVersions/acceptRelease': async (p) => {
      const { ws, bot } = await this.locate(p.bot);
      const r = await ws.acceptRelease(bot.id, p.release);
      this.watchFinish(ws, `The release accepted into ${bot.id}`);
      return { release: releaseInfo(r.release), version: versionInfo(r.version) };
    },
    'botVersions/rejectRelease': async (p) => {
      const { ws, bot } = await this.locate(p.bot);
      return releaseInfo(await ws.rejectRelease(bot.id, p.release, { reason: p.reason }));
    },
    'botVersions/history': async (p) => {
      const { ws, bot } = await this.locate(p.bot);
      return (await ws.history(bot.id, { env: p.environment })).map(historyEntryInfo);
    },
    'botVersions/fileHistory': async (p) => {
      const path = fileUriToPath(p.uri);
      const found = path ? await this.botOfFile(path) : undefined;
      if (!found) return null;
      const { ws, bot } = found.located;
      const entries = await ws.fileHistory(bot.id, found.relative);
      return { bot: bot.id, path: found.relative, versions: entries.map((e) => versionInfo(e.version)) };
    },
    'botVersions/verify': async () => {
      const problems: string[] = [];
      for (const ws of this.workspaces) {
        if (!(await ws.storeExists())) continue;
        const r = await ws.verify();
        for (const x of r.problems) problems.push(`${x.file}: ${x.message}`);
      }
      return { ok: problems.length === 0, problems };
    },
  };
}

/**
 * The reason a preview gives for a change that cannot happen, in the editor's words where
 * the core's message names a command-line command; the reason itself is the core's.
 */
function blockedText(plan: core.PromotionPreview): string | null {
  const b = plan.blocked;
  if (!b) return null;
  switch (b.reason) {
    case 'first-stage':
      return `${plan.environment} is the first stage of the pipeline: there is nothing to promote into it. Use "Set Environment Version" to put a version there.`;
    case 'empty-source':
      return `${plan.from} holds no version yet, so there is nothing to promote into ${plan.environment}. Set ${plan.from} first.`;
    default:
      return b.message;
  }
}

/** How the entries of two sides of an export zip differ (texts by path in the export), with rough line counts. */
function entryChanges(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): FileChange[] {
  const lines = (t: string | undefined) => (t === undefined ? [] : (isMinifiedJson(t) ? prettyJson(t) : t).split('\n'));
  const count = (a: string[], b: string[]) => {
    const pool = new Map<string, number>();
    for (const l of b) pool.set(l, (pool.get(l) ?? 0) + 1);
    let gone = 0;
    for (const l of a) {
      const n = pool.get(l) ?? 0;
      if (n > 0) pool.set(l, n - 1);
      else gone++;
    }
    return gone;
  };
  const out: FileChange[] = [];
  for (const path of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const a = before.get(path);
    const b = after.get(path);
    if (a === b) continue;
    const la = lines(a);
    const lb = lines(b);
    out.push({ path, change: a === undefined ? 'added' : b === undefined ? 'removed' : 'modified', additions: count(lb, la), deletions: count(la, lb) });
  }
  return out;
}

function isBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8000);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return false;
  } catch {
    return true;
  }
}

function fileUriToPath(uri: string): string | undefined {
  try {
    const u = new URL(uri);
    return u.protocol === 'file:' ? decodeURIComponent(u.pathname) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs one command gate: the version's files, resolved for the environment as an export
 * resolves them, are written to a new temporary folder (never the working copy), and the
 * command runs there through the system shell with the bot folder as its working
 * directory. Exit code 0 passes. The command is killed with its whole process group at its
 * timeout (and fails), or when the change is cancelled. Its output is kept as a bounded
 * tail (a command that prints 10 MB costs 64 KiB), and the values of the environment
 * variables it was given never appear in what is recorded.
 *
 * The command gets a small environment of its own, not botv's: the system's (PATH, HOME,
 * locale, temporary folders, the shell's own on Windows), the variables its `env` names,
 * and BOTV_BOT, BOTV_ENVIRONMENT, BOTV_VERSION, BOTV_VERSION_ID and BOTV_CONTENT_HASH. It
 * runs as the user who runs botv, with that user's access to files: the editor runs
 * commands only in a trusted workspace and shows each before it first runs it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import type { Stored } from '../store/records';
import type { VersionRecord } from '../store/schema';
import type { BotInfo, CommandGateSpec, GateRun, StoreConfig } from '../types';
import type { Core } from './context';
import { resolveForEnvironment } from './export';
import { refOf, type BotState } from './state';

/** How much of a command's output is kept while it runs (the tail). */
const TAIL_BYTES = 64 * 1024;
/** What is recorded of it: the last lines, at most this many of them and this many characters. */
export const OUTPUT_LINES = 40;
export const OUTPUT_CHARS = 4000;
/** How long a command killed with SIGTERM has before SIGKILL. */
const KILL_GRACE_MS = 3000;
/** How long after exiting a command's output may keep its pipes open (a background child). */
const CLOSE_GRACE_MS = 2000;

/** Variables of botv's environment every command gets: what programs need to start, nothing that is a credential. */
const SYSTEM_VARIABLES = [
  'PATH',
  'HOME',
  'USER',
  'LOGNAME',
  'SHELL',
  'LANG',
  'LANGUAGE',
  'TZ',
  'TERM',
  'CI',
  'VIRTUAL_ENV',
  'CONDA_PREFIX',
  'CONDA_DEFAULT_ENV',
  'PYENV_VERSION',
  // Windows
  'SystemRoot',
  'SystemDrive',
  'ComSpec',
  'PATHEXT',
  'WINDIR',
  'USERPROFILE',
  'HOMEDRIVE',
  'HOMEPATH',
  'APPDATA',
  'LOCALAPPDATA',
  'ProgramData',
  'ProgramFiles',
  'ProgramFiles(x86)',
  'NUMBER_OF_PROCESSORS',
  'PROCESSOR_ARCHITECTURE',
];

/** The environment of a command gate. */
export function gateEnvironment(spec: CommandGateSpec, from: NodeJS.ProcessEnv, extra: Record<string, string>): { env: Record<string, string>; secrets: string[] } {
  const env: Record<string, string> = {};
  const names = new Map(Object.keys(from).map((k) => [k.toUpperCase(), k]));
  const take = (name: string): string | undefined => {
    const key = process.platform === 'win32' ? names.get(name.toUpperCase()) : name;
    const v = key === undefined ? undefined : from[key];
    if (v !== undefined) env[key!] = v;
    return v;
  };
  for (const name of SYSTEM_VARIABLES) take(name);
  for (const k of Object.keys(from)) if (k.startsWith('LC_')) env[k] = from[k]!;
  const secrets: string[] = [];
  for (const name of spec.env) {
    const v = take(name);
    if (v !== undefined && v.length >= 4) secrets.push(v);
  }
  Object.assign(env, extra);
  return { env, secrets: secrets.sort((a, b) => b.length - a.length) };
}

/** The recorded form of a command's output tail: its last lines, bounded, secrets replaced. */
export function outputTail(tail: Uint8Array, truncated: boolean, secrets: readonly string[]): string {
  let text = new TextDecoder('utf-8', { fatal: false }).decode(tail);
  // A tail cut inside a character or a line starts at the next line.
  if (truncated) {
    const nl = text.indexOf('\n');
    text = nl >= 0 ? text.slice(nl + 1) : text;
  }
  for (const s of secrets) text = text.split(s).join('***');
  text = text.replace(/\r\n?/g, '\n');
  // Progress bars redraw a line with escape codes; keep what a person can read.
  text = text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '');
  const lines = text.split('\n');
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  let out = lines.slice(-OUTPUT_LINES).join('\n');
  if (out.length > OUTPUT_CHARS) out = out.slice(out.length - OUTPUT_CHARS).replace(/^[^\n]*\n/, '');
  return out;
}

/** A ring of the last bytes a process printed. */
class Tail {
  private chunks: Buffer[] = [];
  private size = 0;
  total = 0;
  truncated = false;
  push(b: Buffer): void {
    this.total += b.length;
    this.chunks.push(b);
    this.size += b.length;
    while (this.size - this.chunks[0]!.length >= TAIL_BYTES) {
      this.size -= this.chunks.shift()!.length;
      this.truncated = true;
    }
  }
  bytes(): Uint8Array {
    const all = Buffer.concat(this.chunks);
    if (all.length <= TAIL_BYTES) return all;
    this.truncated = true;
    return all.subarray(all.length - TAIL_BYTES);
  }
}

/** Kills a process and everything it started (its process group; on Windows its tree), whether or not the process itself has ended. */
function killTree(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    if (process.platform === 'win32') {
      if (child.exitCode === null && child.signalCode === null) spawnSync('taskkill', ['/pid', String(child.pid), '/T', '/F'], { windowsHide: true });
    } else process.kill(-child.pid, signal);
  } catch {
    // The group is gone.
  }
}

/** Writes the version's files, resolved for `env`, into a new temporary folder; returns it and the bot folder in it. */
async function stage(core: Core, bot: BotInfo, state: BotState, v: Stored<VersionRecord>, env: string, config: StoreConfig): Promise<{ root: string; cwd: string; missing: string[] }> {
  const { files, missing } = await resolveForEnvironment(core, bot, state, v, env, config);
  const root = await mkdtemp(join(tmpdir(), 'botv-gate-'));
  const cwd = join(root, bot.id);
  await mkdir(cwd, { recursive: true });
  for (const f of files) {
    const path = join(cwd, ...f.entry.path.split('/'));
    // Stored paths were checked at save; a folder of the version never leaves the gate's folder.
    const rel = relative(cwd, path);
    if (rel.startsWith('..') || rel.startsWith(sep)) continue;
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, f.data);
  }
  return { root, cwd, missing };
}

const seconds = (ms: number) => (ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`);

/**
 * Runs a command gate on `v` entering `env`. Resolves with what it found, never rejects for
 * the command's sake (a command that cannot start fails, saying why); `onLine` hears its
 * latest line of output now and then.
 */
export async function runCommandGate(
  core: Core,
  bot: BotInfo,
  state: BotState,
  v: Stored<VersionRecord>,
  env: string,
  config: StoreConfig,
  spec: CommandGateSpec,
  opts: { signal?: AbortSignal; onLine?: (line: string, elapsedMs: number) => void },
): Promise<GateRun & { cancelled?: boolean }> {
  const started = Date.now();
  const base = { name: spec.name, kind: 'command' as const, content: v.record.content, command: spec.run };
  const failed = (summary: string, extra: Partial<GateRun> = {}): GateRun => ({ ...base, verdict: 'failed', summary, durationMs: Date.now() - started, ...extra });
  let folder: { root: string; cwd: string; missing: string[] };
  try {
    folder = await stage(core, bot, state, v, env, config);
  } catch (e) {
    return failed(`could not prepare the version's files: ${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    if (folder.missing.length > 0) {
      return failed(`values missing for ${env}`, { output: folder.missing.map((m) => `missing: ${m}`).join('\n') });
    }
    const label = refOf(state, v).label;
    const { env: childEnv, secrets } = gateEnvironment(spec, process.env, {
      BOTV_BOT: bot.id,
      BOTV_ENVIRONMENT: env,
      BOTV_VERSION: label,
      BOTV_VERSION_ID: v.id,
      BOTV_CONTENT_HASH: v.record.content,
      TMPDIR: folder.root,
      TEMP: folder.root,
      TMP: folder.root,
    });
    return await new Promise<GateRun & { cancelled?: boolean }>((resolve) => {
      const tail = new Tail();
      let timedOut = false;
      let cancelled = false;
      let startError: Error | undefined;
      let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
      let lastLineAt = 0;
      let killTimer: NodeJS.Timeout | undefined;
      let closeTimer: NodeJS.Timeout | undefined;
      let settled = false;
      const child = spawn(spec.run, {
        cwd: folder.cwd,
        env: childEnv,
        shell: true,
        // Its own process group, so that a timeout kills everything it started.
        detached: process.platform !== 'win32',
        windowsHide: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const stop = (why: 'timeout' | 'cancel') => {
        if (exit || startError) return;
        if (why === 'timeout') timedOut = true;
        else cancelled = true;
        killTree(child, 'SIGTERM');
        killTimer = setTimeout(() => killTree(child, 'SIGKILL'), KILL_GRACE_MS);
        killTimer.unref();
      };
      const timer = setTimeout(() => stop('timeout'), spec.timeoutSeconds * 1000);
      const onAbort = () => stop('cancel');
      opts.signal?.addEventListener('abort', onAbort);
      if (opts.signal?.aborted) onAbort();
      const onData = (b: Buffer) => {
        tail.push(b);
        const now = Date.now();
        if (opts.onLine && now - lastLineAt >= 200) {
          const text = b.toString('utf8').replace(/\r/g, '\n');
          const line = text
            .split('\n')
            .map((l) => l.trim())
            .filter(Boolean)
            .pop();
          if (line) {
            lastLineAt = now;
            let shown = line.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
            for (const s of secrets) shown = shown.split(s).join('***');
            opts.onLine(shown.slice(0, 200), now - started);
          }
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      const finish = () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        clearTimeout(killTimer);
        clearTimeout(closeTimer);
        opts.signal?.removeEventListener('abort', onAbort);
        child.stdout!.destroy();
        child.stderr!.destroy();
        const output = outputTail(tail.bytes(), tail.truncated, secrets);
        const common = { output, outputBytes: tail.total };
        if (startError) {
          resolve(failed(`could not start: ${startError.message}`, common));
          return;
        }
        const code = exit?.code ?? null;
        const signal = exit?.signal ?? null;
        const took = Date.now() - started;
        if (cancelled) resolve({ ...failed('cancelled', { ...common, exitCode: code, signal }), cancelled: true });
        else if (timedOut) resolve(failed(`timed out after ${seconds(spec.timeoutSeconds * 1000)}: killed`, { ...common, exitCode: code, signal, timedOut: true }));
        else if (code === 0) resolve({ ...base, verdict: 'passed', summary: `exit code 0 after ${seconds(took)}`, durationMs: took, exitCode: 0, signal: null, ...common });
        else if (code === 127) resolve(failed(`exit code 127: the shell could not find the command (is it installed, and on the PATH botv runs with?)`, { ...common, exitCode: code, signal }));
        else if (code === null) resolve(failed(`killed by ${signal ?? 'a signal'}`, { ...common, exitCode: code, signal }));
        else resolve(failed(`exit code ${code} after ${seconds(took)}`, { ...common, exitCode: code, signal }));
      };
      child.on('error', (e) => {
        startError = e;
        finish();
      });
      child.on('exit', (code, signal) => {
        exit = { code, signal };
        // Its pipes close when every process holding them is gone; a child it left behind
        // gets a moment, then the gate ends without it (and the group is killed).
        closeTimer = setTimeout(() => {
          killTree(child, 'SIGKILL');
          finish();
        }, CLOSE_GRACE_MS);
        closeTimer.unref();
      });
      child.on('close', () => {
        // A detached group may outlive its leader: take everything it started down with it.
        killTree(child, 'SIGKILL');
        finish();
      });
    });
  } finally {
    await rm(folder.root, { recursive: true, force: true }).catch(() => undefined);
  }
}

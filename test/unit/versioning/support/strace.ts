/**
 * Runs a command under strace and reads back the file-system calls that make a write
 * durable: writes, flushes, renames and removals, each with the path its descriptor names (strace -y)
 * and the line numbers where it started and ended (calls in other threads interleave, so
 * an fsync on libuv's pool shows as "<unfinished ...>" and is "resumed" later).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './workspace';

/** One system call, as strace saw it. */
export interface Syscall {
  name: string;
  /** The path of the descriptor argument (write, fsync), the two paths of a rename, or the path unlinked. */
  paths: string[];
  ret: number;
  /** Output line where the call began and where it returned: `a.end < b.start` means a finished before b began. */
  start: number;
  end: number;
}

const TRACED = '/^(write|pwrite64|writev|pwritev2?|fsync|fdatasync|rename|renameat2?|unlink|unlinkat)$';

/** Fails with what to do when strace is missing or may not trace here. */
export function requireStrace(): void {
  const r = spawnSync('strace', ['-V'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    throw new Error(
      'strace is not installed, and the durability test needs it to watch the order of writes, flushes and renames. ' +
        'Install it (Debian/Ubuntu: `apt-get install -y strace`; Fedora: `dnf install strace`) and run the tests again.',
    );
  }
}

function unquote(s: string): string {
  return s.replace(/\\(x[0-9a-f]{2}|[0-7]{1,3}|.)/g, (_, c: string) =>
    c[0] === 'x' ? String.fromCharCode(parseInt(c.slice(1), 16)) : /^[0-7]/.test(c) ? String.fromCharCode(parseInt(c, 8)) : ({ n: '\n', t: '\t', r: '\r' } as Record<string, string>)[c] ?? c,
  );
}

/** Parses `strace -f -y -o` output. */
export function parseStrace(text: string): Syscall[] {
  const calls: Syscall[] = [];
  const pending = new Map<string, { text: string; start: number }>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\d+)\s+(.*)$/.exec(lines[i]!);
    if (!m) continue;
    const [, tid, body] = m as unknown as [string, string, string];
    let full: string;
    let start = i;
    const resumed = /^<\.\.\. \w+ resumed>(.*)$/.exec(body);
    if (resumed) {
      const p = pending.get(tid);
      if (!p) continue;
      pending.delete(tid);
      full = p.text + resumed[1];
      start = p.start;
    } else if (body.endsWith('<unfinished ...>')) {
      pending.set(tid, { text: body.slice(0, -'<unfinished ...>'.length).trimEnd(), start: i });
      continue;
    } else {
      full = body;
    }
    const call = /^(\w+)\((.*)\)\s+=\s+(-?\d+)/s.exec(full);
    if (!call) continue; // signals, exits, calls that did not return
    const [, name, args, ret] = call as unknown as [string, string, string, string];
    let paths: string[];
    if (name.startsWith('rename') || name.startsWith('unlink')) paths = [...args.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((q) => unquote(q[1]!));
    else paths = [/^\d+<((?:[^>\\]|\\.)*)>/.exec(args)?.[1] ?? ''].map(unquote);
    calls.push({ name, paths, ret: Number(ret), start, end: i });
  }
  return calls;
}

/** Runs `command args` under strace; returns its calls and its exit status. */
export function traceRun(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): { calls: Syscall[]; status: number | null; stdout: string; stderr: string } {
  const out = join(tempDir('botv-strace-'), 'trace.txt');
  const base = ['-f', '-qq', '-y', '-o', out, '-e', `trace=${TRACED}`];
  let r = spawnSync('strace', ['--seccomp-bpf', ...base, command, ...args], { cwd: options.cwd, env: options.env, encoding: 'utf8' });
  // An older strace, or a kernel without seccomp filters: trace without them (slower).
  if (r.status !== 0 && /seccomp/i.test(r.stderr)) r = spawnSync('strace', [...base, command, ...args], { cwd: options.cwd, env: options.env, encoding: 'utf8' });
  if (/PTRACE_TRACEME|ptrace\(|Operation not permitted/.test(r.stderr) && !/^\d+ /m.test(safeRead(out))) {
    throw new Error(`strace may not trace processes here (${r.stderr.trim()}). Run the tests where ptrace is allowed (in a container: --cap-add SYS_PTRACE).`);
  }
  return { calls: parseStrace(safeRead(out)), status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function safeRead(p: string): string {
  try {
    return readFileSync(p, 'utf8');
  } catch {
    return '';
  }
}

/**
 * What the environment commands share about gates: each command printed as it runs (on
 * stderr, so that `--json` output stays one document), a line now and then while a long
 * gate runs, Ctrl-C cancelling the change, and the lines that say what the gates found.
 */
import type { EnvironmentChange, GateOptions, GateProgress, GateProblem, GateRun, GatesOutcome } from '../../versioning/index';
import type { CliIO } from '../context';
import type { Style } from '../format';

/** How often a long gate says it is still running (ms): often on a terminal, less in a CI log. */
const HEARTBEAT_TTY_MS = 5_000;
const HEARTBEAT_LOG_MS = 30_000;

const seconds = (ms: number) => (ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`);

/** One gate's outcome in a line: "✓ validation: no errors or warnings (0.2 s)". */
export function runLine(r: GateRun, style: Style): string {
  const mark = r.verdict === 'passed' ? style.green('✓') : style.red('✗');
  return `${mark} ${r.name}: ${r.summary} (${seconds(r.durationMs)})`;
}

/** The lines that say what a change's gates found, with a failed gate's last output. */
export function gatesLines(g: GatesOutcome | undefined, style: Style, indent = '  '): string[] {
  if (!g) return [];
  if (g.skipped) return [style.yellow(`${indent}gates skipped: ${g.skipped.reason}`)];
  const out: string[] = [];
  for (const r of g.runs) {
    out.push(`${indent}${runLine(r, style)}`);
    if (r.verdict === 'failed' && r.output) for (const l of r.output.split('\n').slice(-15)) out.push(style.dim(`${indent}  │ ${l}`));
  }
  return out;
}

/** What a change's gates found, for its result: the per-gate lines, the override, the first problems. */
export function changeGateLines(change: EnvironmentChange, style: Style): string[] {
  const g = change.event.gate;
  const lines: string[] = [];
  if (change.event.gates) lines.push(...gatesLines(change.event.gates, style));
  else if (g.checked) {
    const s = `gate: ${g.errors} error${g.errors === 1 ? '' : 's'}, ${g.warnings} warning${g.warnings === 1 ? '' : 's'}`;
    lines.push(style.dim(s));
  }
  if (g.override) lines.push(style.yellow(`gate overridden: ${g.override.reason}`));
  for (const p of change.problems.filter((x: GateProblem) => x.severity === 'warning' || x.severity === 'error').slice(0, 10)) {
    lines.push(`  ${p.file}:${p.line + 1}:${p.character + 1}: ${p.severity}: ${p.message} (${p.code})`);
  }
  return lines;
}

/**
 * The gate options of a command: progress on stderr (each command printed before it runs;
 * with `--json`, only the commands), and Ctrl-C cancelling the change. `done` removes the
 * Ctrl-C handler.
 */
export function gateRunOptions(io: CliIO, style: Style, json = false): { options: GateOptions; done: () => void } {
  const ctl = new AbortController();
  const every = io.isTTY ? HEARTBEAT_TTY_MS : HEARTBEAT_LOG_MS;
  let lastBeat = 0;
  let quiet = false;
  const progress = (p: GateProgress) => {
    if (p.kind === 'start') quiet = json && p.gate.kind !== 'command';
    if (quiet) return;
    if (p.kind === 'start') {
      lastBeat = 0;
      const n = `gate ${p.index + 1}/${p.total}`;
      if (p.gate.kind === 'command') io.stderr(`${n} ${p.gate.name} (${p.bot} → ${p.environment}): $ ${p.gate.command}${p.gate.timeoutSeconds ? `  (timeout ${seconds(p.gate.timeoutSeconds * 1000)})` : ''}\n`);
      else io.stderr(`${n} ${p.gate.name} (${p.bot} → ${p.environment})\n`);
    } else if (p.kind === 'output') {
      if (p.elapsedMs - lastBeat >= every) {
        lastBeat = p.elapsedMs;
        io.stderr(style.dim(`  … ${seconds(p.elapsedMs)}: ${p.line}`) + '\n');
      }
    } else {
      io.stderr(`  ${runLine(p.run, style)}\n`);
    }
  };
  const onInt = () => ctl.abort();
  process.once('SIGINT', onInt);
  return { options: { progress, signal: ctl.signal }, done: () => process.removeListener('SIGINT', onInt) };
}

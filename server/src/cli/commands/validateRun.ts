/**
 * What `botv validate` runs (./validate.ts registers it): the definitions library and every
 * format's rules, loaded with this module, which only that command loads.
 */
import { existsSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { listBotFiles, loadFiles, positionDiagnostic, sortPositioned } from '../../definitions/index';
import type { PositionedDiagnostic, Severity } from '../../definitions/index';
import { createWorkspace, FORMATS } from '../../formats/index';
import type { Cli } from '../context';
import { badArgument } from '../context';
import { plural } from '../format';

export interface ValidateOptions {
  root?: string;
  json?: boolean;
  failOnWarnings?: boolean;
}

const isInside = (dir: string, p: string): boolean => p === dir || p.startsWith(dir.endsWith('/') ? dir : `${dir}/`);
const slash = (p: string): string => p.split('\\').join('/');

export async function run(cli: Cli, paths: string[], opts: ValidateOptions): Promise<void> {
  const json = opts.json === true;
  try {
    const ws = await cli.open(opts);
    const style = cli.style(json);
    const root = slash(ws.root);
    const config = await ws.config();
    const targets = paths.map((p) => {
      const abs = slash(resolve(cli.io.cwd, p));
      if (!existsSync(abs)) badArgument(`${p}: no such file or folder. Give bot files or folders inside the workspace.`);
      return abs;
    });
    const lib = createWorkspace({ environments: config.pipeline });
    const files = new Set(await listBotFiles(FORMATS, root, { sync: true }));
    for (const t of targets) {
      if (isInside(root, t)) continue;
      // A path outside the workspace is read too, so that it can be checked on its own.
      for (const f of statSync(t).isDirectory() ? await listBotFiles(FORMATS, t, { sync: true }) : [t]) files.add(f);
    }
    await loadFiles(lib, [...files], { sync: true });
    // The protected bots' edits outside a release, as the versioning core counts them.
    const edited = new Map<string, Set<string>>();
    for (const e of await ws.protectedEdits()) if (e.changes.length) edited.set(e.bot, new Set(e.changes.map((c) => c.path)));
    if (edited.size) lib.setOptions({ environments: config.pipeline, protectedBots: edited });

    const shown: PositionedDiagnostic[] = [];
    const notInBot: string[] = [];
    for (const t of targets) {
      if (statSync(t).isFile() && !lib.botOf(t)) notInBot.push(t);
    }
    for (const [file, diags] of lib.getAllDiagnostics()) {
      if (targets.length && !targets.some((t) => isInside(t, file))) continue;
      for (const d of diags) shown.push(positionDiagnostic(lib, d, (f) => slash(relative(root, f)) || f));
    }
    sortPositioned(shown);
    const count = (s: Severity): number => shown.filter((d) => d.severity === s).length;
    const errors = count('error');
    const warnings = count('warning');
    const failed = errors > 0 || (opts.failOnWarnings === true && warnings > 0);
    const paint: Record<Severity, (s: string) => string> = { error: style.red, warning: style.yellow, information: style.cyan, hint: style.dim };
    const text = shown.map((d) => `${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${paint[d.severity](d.severity)} ${style.dim(d.code)} ${d.message}`);
    for (const f of notInBot) text.push(style.yellow(`note: ${slash(relative(root, f))} is not part of any bot (no bot's include globs name it), so it was not checked.`));
    const bots = lib.getBots().length;
    text.push(
      shown.length === 0
        ? style.green(`No problems in ${plural(bots, 'bot')}.`)
        : `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(shown.length - errors - warnings, 'note')} in ${plural(bots, 'bot')}.`,
    );
    // Say why the exit code is 1 when only warnings made it so.
    if (failed && errors === 0) text.push(style.yellow(`Failed: ${plural(warnings, 'warning')}, and --fail-on-warnings counts warnings as failures.`));
    cli.print({ json: shown, text, exitCode: failed ? 1 : 0 }, json);
  } catch (e) {
    cli.fail(e, json);
  }
}

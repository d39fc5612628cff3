/** `botv export`: a version resolved for one environment, written into a folder. */
import { relative, resolve } from 'node:path';
import { bytes, plural } from '../format';
import type { CommandModule } from './types';

export const exportCommand: CommandModule = {
  name: 'export',
  register(program, cli) {
    cli.action(
      cli.common(
        program
          .command('export')
          .description('write a version with its variables resolved for an environment into a folder (for deploy scripts)')
          .argument('<bot>', 'bot id')
          .argument('<version>', 'version (e.g. @production for what production holds)')
          .requiredOption('--env <environment>', 'environment whose variable values to use')
          .requiredOption('--out <dir>', 'folder to write (new, empty, or an earlier export)'),
      ),
      async ({ ws, args, opts, style }) => {
        const [bot, ref] = args as [string, string];
        const o = opts as { env: string; out: string };
        const r = await ws.exportVersion(bot, ref, o.env, resolve(cli.io.cwd, o.out));
        const size = r.files.reduce((n, f) => n + f.size, 0);
        return {
          json: r,
          text: [
            `Exported ${bot} ${r.version.label} for ${style.bold(r.environment)} to ${relative(cli.io.cwd, r.outDir) || '.'}: ${plural(r.files.length, 'file')}, ${bytes(size)}.`,
            `hash ${r.hash}`,
            ...(r.variables.length > 0 ? [style.dim(`variables: ${r.variables.join(', ')}`)] : []),
          ],
        };
      },
    );
  },
};

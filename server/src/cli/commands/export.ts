/** `botv export`: a version resolved for one environment, written into a folder (or as the platform's import zip in it). */
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
          .requiredOption('--out <dir>', 'folder to write (new, empty, or an earlier export)')
          .option('--zip', "write the files as one zip, <bot>.zip, in the folder: the platform's import (a Dialogflow agent, a Lex export)"),
      ),
      async ({ ws, args, opts, style }) => {
        const [bot, ref] = args as [string, string];
        const o = opts as { env: string; out: string; zip?: boolean };
        const r = await ws.exportVersion(bot, ref, o.env, resolve(cli.io.cwd, o.out), { zip: o.zip === true });
        const size = r.files.reduce((n, f) => n + f.size, 0);
        const where = relative(cli.io.cwd, r.outDir) || '.';
        return {
          json: r,
          text: [
            r.zip
              ? `Exported ${bot} ${r.version.label} for ${style.bold(r.environment)} to ${where}/${r.zip.path}: ${plural(r.files.length, 'file')}, ${bytes(size)} (${bytes(r.zip.size)} zipped).`
              : `Exported ${bot} ${r.version.label} for ${style.bold(r.environment)} to ${where}: ${plural(r.files.length, 'file')}, ${bytes(size)}.`,
            `hash ${r.hash}`,
            ...(r.variables.length > 0 ? [style.dim(`variables: ${r.variables.join(', ')}`)] : []),
          ],
        };
      },
    );
  },
};

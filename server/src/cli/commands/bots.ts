/** `botv bots`: the bots of the workspace, their format, versions and environments. */
import { age, badges, table } from '../format';
import type { CommandModule } from './types';

export const botsCommand: CommandModule = {
  name: 'bots',
  register(program, cli) {
    const cmd = cli.common(program.command('bots').description('list the bots of the workspace'));
    cli.action(cmd, async ({ ws, style, now }) => {
      const { bots, problems } = await ws.bots();
      const config = await ws.config();
      const last = config.pipeline[config.pipeline.length - 1];
      const rows = [];
      for (const b of bots) {
        const versions = await ws.versions(b.id);
        const envs = await ws.environments(b.id);
        rows.push({
          ...b,
          versions: versions.length,
          latest: versions[0] ? { id: versions[0].id, number: versions[0].number, label: versions[0].label, createdAt: versions[0].createdAt } : null,
          environments: envs.filter((e) => e.version !== null).map((e) => ({ name: e.name, version: e.version, versionId: e.versionId, label: e.label })),
        });
      }
      const text: string[] = [];
      if (rows.length === 0) {
        // The formats' entry is loaded for this message alone.
        const { markersText } = await import('../../formats/index');
        text.push(`No bots in ${ws.root}. A bot is a folder that holds the marker files of a format: ${markersText()}. Use --root to point at your workspace.`);
      } else {
        text.push(
          ...table([
            ['BOT', 'NAME', 'FORMAT', 'FOLDER', 'VERSIONS', 'LATEST', 'ENVIRONMENTS'].map(style.bold),
            ...rows.map((r) => [
              r.id + (r.protected ? style.yellow(' (protected)') : ''),
              r.name,
              r.locales.length && r.format !== 'native' ? `${r.format} ${style.dim(r.locales.join(','))}` : r.format,
              r.dir,
              String(r.versions),
              r.latest ? `${r.latest.label} ${style.dim(age(r.latest.createdAt, now))}` : style.dim('none'),
              r.environments.map((e) => `${badges([e.name], style, last)} ${e.label}`).join('  ') || style.dim('—'),
            ]),
          ]),
        );
      }
      for (const p of problems) text.push(style.yellow(`warning: ${p.message}`));
      return { json: { bots: rows, problems }, text };
    });
  },
};

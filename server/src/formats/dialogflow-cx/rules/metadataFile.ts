// dialogflow-cx/metadata-file-name: a resource folder (intents/X/, entityTypes/X/, flows/X/,
// playbooks/X/, …) holds its metadata as X.json, named like the folder; the console reads
// nothing else as the resource. A metadata file under another name is reported at that file;
// a folder with none, at its first file.
import type { CxRule } from './types';

const META = new Set(['intent', 'entityType', 'flow', 'generator', 'playbook', 'tool']);

export const metadataFileRule: CxRule = {
  codes: ['dialogflow-cx/metadata-file-name'],
  check(ctx) {
    const { bot } = ctx;
    const folders = new Set<string>();
    // Misnamed metadata files first: a folder that has one is reported there, once.
    const meta: string[] = [];
    const rest: string[] = [];
    for (const f of bot.files) (META.has(bot.facts.get(f)!.place.role) ? meta : rest).push(f);
    const files = [...meta, ...rest];
    for (const file of files) {
      const facts = bot.facts.get(file)!;
      const place = facts.place;
      const r = bot.owner.get(file);
      if (!r?.folder || !META.has(r.kind) || (r.kind === 'flow' && place.role !== 'flow')) continue;
      const rel = bot.rel.get(file)!;
      const at = { start: facts.top?.start ?? 0, end: facts.top ? facts.top.start + 1 : 0 };
      if (META.has(place.role) && place.file !== place.folder) {
        folders.add(r.folder);
        ctx.report(file, {
          ...at,
          code: 'dialogflow-cx/metadata-file-name',
          message: `${rel} is not named like its folder: the console reads ${r.folder}/${rel.split('/')[1]}.json as the ${place.role === 'entityType' ? 'entity type' : place.role}'s metadata and ignores this file. Rename it to ${rel.split('/')[1]}.json.`,
        });
      } else if (!r.file && !folders.has(r.folder)) {
        folders.add(r.folder);
        ctx.report(file, {
          ...at,
          code: 'dialogflow-cx/metadata-file-name',
          message: `${r.folder}/ has no ${r.folder.split('/')[1]}.json: without its metadata file the console does not restore the ${r.kind === 'entityType' ? 'entity type' : r.kind}. Add it (displayName and the resource's settings).`,
        });
      }
    }
  },
};

// Two bots of a workspace must not share an id: versions and releases name bots by it.
import type { WorkspaceRule } from './types';

export const duplicateBotIdRule: WorkspaceRule = {
  codes: ['bot/duplicate-id'],
  check(bots, report) {
    const byId = new Map<string, typeof bots[number][]>();
    for (const b of bots) {
      if (b.id === undefined) continue;
      const list = byId.get(b.id);
      if (list) list.push(b);
      else byId.set(b.id, [b]);
    }
    for (const [id, list] of byId) {
      if (list.length < 2) continue;
      for (const b of list) {
        const idItem = b.docs.get(b.manifest)!.facts.manifest.id!;
        const others = list.filter((o) => o !== b);
        report(b.manifest, {
          start: idItem.start,
          end: idItem.end,
          code: 'bot/duplicate-id',
          message: `The bot id "${id}" is also used by ${others.map((o) => o.manifest).join(', ')}. Give each bot its own id.`,
          related: others.map((o) => {
            const it = o.docs.get(o.manifest)!.facts.manifest.id!;
            return { file: o.manifest, start: it.start, end: it.end, message: 'same id' };
          }),
        });
      }
    }
  },
};

// Two bots of a workspace must not share an id: versions and releases name bots by it.
// Every format's bots take part, so a Rasa assistant and a native bot cannot both be "shop".
import type { BotModel } from '../model/bot';
import type { Finding } from '../types';

/** The findings of the duplicate-id check, by the file they are reported in. */
export function duplicateBotIds(bots: readonly BotModel[], report: (file: string, finding: Finding) => void): void {
  const byId = new Map<string, BotModel[]>();
  for (const b of bots) {
    if (b.id === undefined) continue;
    const list = byId.get(b.id);
    if (list) list.push(b);
    else byId.set(b.id, [b]);
  }
  for (const [id, list] of byId) {
    if (list.length < 2) continue;
    for (const b of list) {
      const at = b.idSpan ?? { start: 0, end: 0 };
      const others = list.filter((o) => o !== b);
      report(b.manifest, {
        start: at.start,
        end: at.end,
        code: 'bot/duplicate-id',
        message: `The bot id "${id}" is also used by ${others.map((o) => o.manifest).join(', ')}. Give each bot its own id.`,
        related: others.map((o) => {
          const it = o.idSpan ?? { start: 0, end: 0 };
          return { file: o.manifest, start: it.start, end: it.end, message: 'same id' };
        }),
      });
    }
  }
}

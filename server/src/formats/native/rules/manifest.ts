// The manifest holds `bot`, `include` and `release`; other files must not; one manifest per folder.
import type { BotRule } from './types';

const MANIFEST_ONLY = ['bot', 'include', 'release'];

export const manifestRule: BotRule = {
  codes: ['bot/manifest-only', 'bot/missing-section', 'bot/two-manifests'],
  check({ bot, report }) {
    const manifest = bot.docs.get(bot.manifest)!;
    if (!manifest.facts.manifest.botProp && manifest.doc.root) {
      report(bot.manifest, {
        start: 0,
        end: Math.min(1, manifest.doc.text.length),
        code: 'bot/missing-section',
        message: 'This manifest has no "bot" section, so the bot has no id or locales. Add bot: { id: my-bot, locales: [en-US] }.',
      });
    }
    for (const other of bot.extraManifests) {
      report(other, {
        start: 0,
        end: 0,
        code: 'bot/two-manifests',
        message: `This folder already has the manifest ${bot.manifest.slice(bot.manifest.lastIndexOf('/') + 1)}; this file is ignored. Keep one manifest per bot folder.`,
      });
    }
    for (const file of bot.files) {
      if (file === bot.manifest) continue;
      const facts = bot.docs.get(file)!.facts;
      for (const key of MANIFEST_ONLY) {
        const p = facts.sections.get(key);
        if (!p) continue;
        report(file, {
          start: p.keyStart,
          end: p.keyEnd,
          code: 'bot/manifest-only',
          message: `"${key}" belongs in the manifest (${bot.manifest.slice(bot.manifest.lastIndexOf('/') + 1)}) and is ignored here. Move it there.`,
        });
      }
    }
  },
};

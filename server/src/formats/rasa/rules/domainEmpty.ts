// An empty domain: Rasa's validator stops with "Encountered empty domain during validation."
// (Validator.verify_domain_validity). Nothing is reported when a domain file cannot be read:
// what it declares is unknown, and its syntax error is reported already.
import type { RasaRule } from './types';

export const domainEmptyRule: RasaRule = {
  codes: ['rasa/domain-empty'],
  check(ctx) {
    const { bot } = ctx;
    if (bot.intents.size || bot.entities.size || bot.slots.size || bot.forms.size || bot.actions.size || bot.responses.size) return;
    const domainFiles = [...bot.roles].filter(([, role]) => role === 'domain').map(([file]) => file);
    if (domainFiles.some((f) => bot.unreadable.includes(f))) return;
    // Where to say it: the first domain file (at its first key), else the config.
    const file = domainFiles[0] ?? bot.manifest;
    const doc = bot.docs.get(file);
    if (!doc) return;
    const first = doc.facts.sections.values().next().value;
    const skipped = domainFiles.filter((f) => bot.skipped.includes(f));
    ctx.report(file, {
      ...(first ? { start: first.keyStart, end: first.keyEnd } : { start: 0, end: 0 }),
      code: 'rasa/domain-empty',
      message: `Encountered empty domain during validation. ${
        domainFiles.length === 0
          ? 'The project has no domain file: add domain.yml'
          : skipped.length
            ? `Rasa skips ${skipped.length === 1 ? 'the domain file' : 'the domain files'} with a version newer than "3.1"; fix the version, or declare`
            : 'Declare'
      } the assistant's intents, responses, slots and actions${domainFiles.length === 0 ? ' beside config.yml' : ' in domain.yml or the domain/ folder'}.`,
    });
  },
};

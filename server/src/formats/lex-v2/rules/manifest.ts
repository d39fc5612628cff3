// lex-v2/manifest: Manifest.json says what the zip holds, `{"metaData": {"fileFormat":
// "LexJson", "resourceType": "BOT"}}` as real exports write it (the docs write `metadata`,
// `Bot` and `BotLocale`; both are read). The console's import refuses anything else.
import type { LexRule } from './types';

const RESOURCE_TYPES = new Set(['bot', 'botlocale']);

export const manifestRule: LexRule = {
  codes: ['lex-v2/manifest'],
  check({ bot, report }) {
    const m = bot.manifestFile;
    if (!m || !m.facts.root) return;
    const file = m.path;
    const f = m.facts;
    if (!f.metaData) {
      report(file, { start: f.root!.start, end: Math.min(f.root!.end, f.root!.start + 1), code: 'lex-v2/manifest', message: 'The manifest has no "metaData". Write {"metaData": {"schemaVersion": "1", "fileFormat": "LexJson", "resourceType": "BOT"}}.' });
      return;
    }
    const meta = f.metaData.value;
    if (!meta || meta.type !== 'object') {
      report(file, { start: (meta ?? f.metaData).start, end: (meta ?? f.metaData).end, code: 'lex-v2/manifest', message: '"metaData" must be an object with "fileFormat" and "resourceType".' });
      return;
    }
    if (!f.fileFormat) report(file, { start: f.metaData.keyStart, end: f.metaData.keyEnd, code: 'lex-v2/manifest', message: '"metaData" has no "fileFormat". Add "fileFormat": "LexJson".' });
    else if (f.fileFormat.text.toLowerCase() !== 'lexjson') {
      report(file, { start: f.fileFormat.start, end: f.fileFormat.end, code: 'lex-v2/manifest', message: `"fileFormat" is "${f.fileFormat.text}"; Lex V2 imports "LexJson" only (TSV exports hold custom vocabulary, not a bot).` });
    }
    if (!f.resourceType) report(file, { start: f.metaData.keyStart, end: f.metaData.keyEnd, code: 'lex-v2/manifest', message: '"metaData" has no "resourceType". Add "resourceType": "BOT" (or "BOT_LOCALE" for one locale).' });
    else if (!RESOURCE_TYPES.has(f.resourceType.text.toLowerCase().replace(/_/g, ''))) {
      report(file, { start: f.resourceType.start, end: f.resourceType.end, code: 'lex-v2/manifest', message: `"resourceType" is "${f.resourceType.text}"; a bot export is "BOT" (or "BOT_LOCALE" for one locale).` });
    }
  },
};

// The registry of bot formats: one line per format, in the order recognition tries them
// (the first format that claims a folder wins). Discovery and the store take the formats
// from here, the language server and the CLI through formats/index.ts, which re-exports
// it; a test keeps this list and docs/diagnostics.md in step. Adding a format is a folder
// beside native/ and one line below.
//
// This module is light on purpose: a format's index.ts holds what discovery and the store
// ask (recognition, identity, the files of a bot) and loads its analysis, rules and editor
// features on first use, so that `botv status` loads none of them (docs/architecture.md).
import type { BotFormat, FormatId } from '../definitions/index';
import { nativeFormat } from './native/index';
import { rasaFormat } from './rasa/index';
import { lexFormat } from './lex-v2/index';
import { dialogflowCxFormat } from './dialogflow-cx/index';
import { dialogflowEsFormat } from './dialogflow-es/index';
import { livePersonFormat } from './liveperson/index';
import { polyFormat } from './polyai/index';

export const FORMATS: readonly BotFormat[] = [nativeFormat, rasaFormat, lexFormat, dialogflowCxFormat, dialogflowEsFormat, livePersonFormat, polyFormat];

/** What makes a folder a bot, format by format, for messages: "Bot Versions (bot.yaml, …); Rasa (config.yml, …)". */
export function markersText(): string {
  // A format whose bots are files known by their content names those files, and says so.
  const of = (f: BotFormat) => [...f.markers.filter((m) => !m.endsWith('/')), ...(f.fileMarkers ?? []).map((m) => `${m} by its content`)].join(', ');
  return FORMATS.map((f) => `${f.label} (${of(f)})`).join('; ');
}

/** The format with this id. */
export function formatById(id: FormatId): BotFormat | undefined {
  return FORMATS.find((f) => f.id === id);
}

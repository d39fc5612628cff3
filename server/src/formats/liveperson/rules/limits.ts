// The limits Conversation Builder documents for an interaction (interaction configuration,
// questions, structured content, troubleshooting): a delay of at most 10,000 ms, question text
// of at most 255 characters, structured tiles with a title and subtitle of at most 255
// characters and at most 10 tiles, button labels of at most 128 characters, comments of at most
// 240 characters. Each reported at the value, by the interaction's name.
import { labelOf } from '../model';
import type { LivePersonRule } from './types';

const MAX_DELAY_MS = 10_000;
const MAX_QUESTION = 255;
const MAX_TILE_TEXT = 255;
const MAX_TILES = 10;
const MAX_BUTTON = 128;
const MAX_COMMENT = 240;

/** Interaction types that ask the user something and wait for the answer. */
const isQuestion = (type: string | undefined) => !!type && (type.endsWith('_QUESTION') || type === 'QUICK_REPLY');

export const limitsRule: LivePersonRule = {
  codes: ['liveperson/delay-too-long', 'liveperson/question-too-long', 'liveperson/tile-too-long', 'liveperson/too-many-tiles', 'liveperson/button-label-too-long', 'liveperson/comment-too-long'],
  needsWholeFile: false,
  check({ bot, report }) {
    for (const it of bot.facts.interactions) {
      const name = labelOf(it);
      const d = it.delay;
      const ms = d ? (typeof d.value === 'number' ? d.value : typeof d.value === 'string' && d.value.trim() !== '' ? Number(d.value) : NaN) : NaN;
      if (d && Number.isFinite(ms) && ms > MAX_DELAY_MS) {
        report({ start: d.start, end: d.end, code: 'liveperson/delay-too-long', message: `The delay of '${name}' is ${ms} ms; Conversation Builder allows at most ${MAX_DELAY_MS.toLocaleString('en')} ms. Shorten it.` });
      }
      const type = it.type?.text;
      if (isQuestion(type)) {
        const q = it.tiles[0]?.text;
        if (q && q.text.length > MAX_QUESTION) {
          report({ start: q.start, end: q.end, code: 'liveperson/question-too-long', message: `The question of '${name}' is ${q.text.length} characters long; question text may be at most ${MAX_QUESTION}. Shorten it, or say the rest in a text interaction before it.` });
        }
      }
      if (type === 'STRUCTURED' && it.tiles.length > MAX_TILES && it.tilesNode) {
        const extra = it.tilesNode.items[MAX_TILES]!;
        report({ start: extra.start, end: it.tilesNode.items[it.tilesNode.items.length - 1]!.end, code: 'liveperson/too-many-tiles', message: `'${name}' has ${it.tiles.length} tiles; a structured interaction shows at most ${MAX_TILES}. Remove ${it.tiles.length - MAX_TILES}, or split the carousel.` });
      }
      for (const tile of it.tiles) {
        for (const [s, what] of [
          [tile.title, 'title'],
          [tile.subtitle, 'subtitle'],
        ] as const) {
          if (s && s.text.length > MAX_TILE_TEXT) {
            report({ start: s.start, end: s.end, code: 'liveperson/tile-too-long', message: `A tile ${what} of '${name}' is ${s.text.length} characters long; it may be at most ${MAX_TILE_TEXT}. Shorten it.` });
          }
        }
        for (const b of tile.buttons) {
          if (b.text.length > MAX_BUTTON) {
            report({ start: b.start, end: b.end, code: 'liveperson/button-label-too-long', message: `A button label of '${name}' is ${b.text.length} characters long; it may be at most ${MAX_BUTTON} (Facebook shows 20). Shorten it.` });
          }
        }
      }
      const c = it.comment;
      if (c && c.text.length > MAX_COMMENT) {
        report({ start: c.start, end: c.end, code: 'liveperson/comment-too-long', message: `The comment on '${name}' is ${c.text.length} characters long; Conversation Builder keeps at most ${MAX_COMMENT}. Shorten it.` });
      }
    }
  },
};

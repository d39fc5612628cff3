// The hostile-input corpus: bot files built to hurt a parser or a language server. The
// library's tests, the stdio protocol test and the in-editor test all open these same
// files, each of which must get a diagnostic without the server crashing or hanging.

/** A manifest every hostile file starts from, so each one is a bot of its own. */
export const HOSTILE_MANIFEST = 'bot:\n  id: hostile\n  locales: [en-US]\n';

export interface HostileCase {
  name: string;
  /** The file name inside the bot folder (the manifest). */
  file: 'bot.yaml' | 'bot.json';
  content: string | Uint8Array;
  /** A code the file must be reported with. */
  code: string;
}

/** A billion-laughs alias bomb: nine levels of nine aliases each. */
export function aliasBomb(): string {
  let text = HOSTILE_MANIFEST + 'release:\n  keep: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
  for (let i = 1; i <= 9; i++) text += `x${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]\n`;
  return text;
}

/** `depth` nested flow lists. */
export function deepFlow(depth = 10_000): string {
  return 'x: ' + '['.repeat(depth) + ']'.repeat(depth);
}

/** A mapping of `count` variables, with one key repeated at the end. */
export function manyKeysYaml(count = 40_000): string {
  return HOSTILE_MANIFEST + 'variables:\n' + Array.from({ length: count }, (_, i) => `  V${i}: x\n`).join('') + '  V7: again\n';
}

export function manyKeysJson(count = 40_000): string {
  const keys = Array.from({ length: count }, (_, i) => `"V${i}": "x"`).join(',');
  return `{"bot": {"id": "hostile", "locales": ["en-US"]}, "variables": {${keys}, "V7": "again"}}`;
}

/** An intent whose third utterance is a 5 MB string. */
export function hugeScalar(bytes = 5 * 1024 * 1024): string {
  const big = 'x'.repeat(bytes);
  return HOSTILE_MANIFEST + `intents:\n  - name: Big\n    utterances:\n      en-US: [a b c, d e f, "${big}"]\nflows:\n  - name: big\n    trigger: { intent: Big }\n    steps: [{ end: true }]\n`;
}

/** Every case, one file each. */
export function hostileCorpus(): HostileCase[] {
  return [
    { name: 'alias bomb', file: 'bot.yaml', content: aliasBomb(), code: 'syntax/alias' },
    { name: '10,000-deep nesting (YAML)', file: 'bot.yaml', content: HOSTILE_MANIFEST + deepFlow(), code: 'syntax/too-deep' },
    { name: '10,000-deep nesting (JSON)', file: 'bot.json', content: '{"bot": {"id": "hostile", "locales": ["en-US"]}, "x": ' + '['.repeat(10_000) + ']'.repeat(10_000) + '}', code: 'syntax/too-deep' },
    { name: '40,000-key mapping (YAML)', file: 'bot.yaml', content: manyKeysYaml(), code: 'syntax/duplicate-key' },
    { name: '40,000-key mapping (JSON)', file: 'bot.json', content: manyKeysJson(), code: 'syntax/duplicate-key' },
    { name: '5 MB scalar', file: 'bot.yaml', content: hugeScalar(), code: 'shape/too-long' },
    { name: 'NUL byte', file: 'bot.yaml', content: HOSTILE_MANIFEST + 'x\u0000: 1\n', code: 'syntax/control-character' },
    { name: 'byte order mark', file: 'bot.yaml', content: '\ufeff' + HOSTILE_MANIFEST, code: 'syntax/bom' },
    { name: 'CRLF line ends', file: 'bot.yaml', content: (HOSTILE_MANIFEST + 'flows:\n  - name: f\n    trigger: { event: welcome }\n    steps:\n      - say: nowhere\n').replace(/\n/g, '\r\n'), code: 'ref/unknown-response' },
    { name: 'invalid UTF-8', file: 'bot.yaml', content: new Uint8Array([...Buffer.from(HOSTILE_MANIFEST + '# caf'), 0xe9, 0xff, 0x0a]), code: 'syntax/invalid-utf8' },
    { name: '__proto__ keys', file: 'bot.yaml', content: HOSTILE_MANIFEST + '__proto__: { polluted: true }\nresponses:\n  __proto__: { en-US: [x] }\n', code: 'syntax/reserved-key' },
    { name: 'custom tag', file: 'bot.yaml', content: HOSTILE_MANIFEST + 'release: !include { keep: [a] }\n', code: 'syntax/unknown-tag' },
    { name: 'merge-conflict markers', file: 'bot.yaml', content: HOSTILE_MANIFEST + '<<<<<<< ours\nrelease: { keep: [a] }\n=======\nrelease: { keep: [b] }\n>>>>>>> theirs\n', code: 'syntax/merge-conflict' },
  ];
}

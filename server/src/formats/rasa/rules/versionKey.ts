// The `version` key of domain and training data files, checked as Rasa's
// validate_training_data_format_version does: missing or empty (read as "3.1"), not a
// string or not a version (read as "3.1"), older than "3.1" (read as "3.1"), newer than
// "3.1" (the file is skipped: the model already leaves it out). Config, endpoints,
// credentials and Rasa Pro's end-to-end tests (`test_cases:`) have no version.
import type { Finding, Fix } from '../../../definitions/index';
import { LATEST_VERSION, newerThanRasa, relOf } from '../model';
import type { RasaBot, RasaDocument, RasaRole } from '../model';
import { reportPerFile, type FileMemo } from './memo';
import type { RasaRule } from './types';

/** A version number as Python's packaging reads one (release, pre/post/dev tags, local part). */
const VERSION = /^v?\d+(\.\d+)*([-_.]?(a|b|c|rc|alpha|beta|pre|preview)[-_.]?\d*)?([-_.]?(post|rev|r)[-_.]?\d*)?([-_.]?dev[-_.]?\d*)?(\+[a-z0-9]+([-_.][a-z0-9]+)*)?$/i;

/** Whether a version is older than "3.1", comparing the release numbers. */
function olderThanRasa(v: string): boolean {
  const a = v.replace(/^v/i, '').split('.').map((x) => Number.parseInt(x, 10));
  const b = LATEST_VERSION.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (Number.isNaN(x)) return false;
    if (x !== y) return x < y;
  }
  return false;
}

/** Whether Rasa reads a `version` in this file: domain files and training data (NLU, stories, rules, flows, responses). */
export function isVersioned(role: RasaRole, doc: RasaDocument): boolean {
  const f = doc.facts;
  if (f.isE2e) return false;
  if (role === 'domain') return f.isDomain;
  if (role === 'data' || role === 'test') return f.isNlu || f.isDialogue || f.isFlows || f.sections.has('responses');
  return false;
}

function eol(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** Where a first line goes: after a byte order mark, a `%YAML` directive or a `---` marker. */
function firstLine(text: string): number {
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    const m = /^(%[^\r\n]*|---[ \t]*)(\r?\n|$)/.exec(text.slice(at));
    if (!m) return at;
    at += m[0].length;
  }
}

const DOCS = 'See https://rasa.com/docs/rasa/training-data-format.';

const memo: FileMemo = new WeakMap();

export const versionKeyRule: RasaRule = {
  codes: ['rasa/version-missing', 'rasa/version-newer', 'rasa/version-older', 'rasa/version-not-string'],
  check(ctx) {
    const bot: RasaBot = ctx.bot;
    const unreadable = new Set(bot.unreadable);
    for (const [file, role] of bot.roles) {
      const doc = bot.docs.get(file);
      if (!doc || unreadable.has(file) || !isVersioned(role, doc)) continue;
      const rel = relOf(bot, file);
      reportPerFile(ctx, memo, file, doc, rel, (report) => check(file, doc, rel, report));
    }
  },
};

/** The findings of the `version` of one versioned, readable file. */
function check(file: string, doc: RasaDocument, rel: string, report: (f: Finding) => void): void {
  const text = doc.doc.text;
  const version = doc.facts.version;
  const value = version?.value ?? null;
  const empty = !value || (value.type === 'scalar' && (value.value === null || value.value === '' || value.value === false || value.value === 0));
  if (!version || empty) {
    const first = doc.facts.sections.values().next().value;
    const at = version ? { start: version.keyStart, end: version.keyEnd } : first ? { start: first.keyStart, end: first.keyEnd } : { start: 0, end: 0 };
    const fix: Fix = version
      ? { title: 'Set version: "3.1"', preferred: true, edits: [{ file, start: version.start, end: version.end, newText: `version: "${LATEST_VERSION}"` }] }
      : { title: 'Add version: "3.1" as the first line', preferred: true, edits: [{ file, start: firstLine(text), end: firstLine(text), newText: `version: "${LATEST_VERSION}"${eol(text)}` }] };
    report({
      ...at,
      code: 'rasa/version-missing',
      message: `The 'version' key is ${version ? 'empty' : 'missing'} in the training data file ${rel}. Rasa will read the file as a version '${LATEST_VERSION}' file. Add \`version: "${LATEST_VERSION}"\` at the top of the file. ${DOCS}`,
      fixes: [fix],
    });
    return;
  }
  const span = { start: value.start, end: value.end };
  const source = text.slice(value.start, value.end);
  if (value.type !== 'scalar' || typeof value.value !== 'string' || !VERSION.test(value.value.trim().replace(/^["']|["']$/g, ''))) {
    const asString = value.type === 'scalar' && typeof value.value === 'number';
    report({
      ...span,
      code: 'rasa/version-not-string',
      message: asString
        ? `Training data file ${rel} must specify 'version' as string, for example: version: "${LATEST_VERSION}". Written unquoted, ${source} is a number; Rasa reads the file as a version '${LATEST_VERSION}' file. Quote it.`
        : `Training data file ${rel} must specify 'version' as a version string, for example: version: "${LATEST_VERSION}". Rasa reads the file as a version '${LATEST_VERSION}' file.`,
      fixes: [
        asString
          ? { title: `Quote it: "${source}"`, preferred: true, edits: [{ file, ...span, newText: JSON.stringify(source) }] }
          : { title: `Change to "${LATEST_VERSION}"`, preferred: true, edits: [{ file, ...span, newText: `"${LATEST_VERSION}"` }] },
      ],
    });
    return;
  }
  const v = value.value.trim().replace(/^["']|["']$/g, '');
  if (newerThanRasa(value.value)) {
    report({
      ...span,
      code: 'rasa/version-newer',
      message: `Training data file ${rel} has a greater format version than Rasa 3.x reads: ${v} > ${LATEST_VERSION}. This file will be skipped: nothing in it is trained or checked. Write version: "${LATEST_VERSION}" (the newest 3.x format), or use the Rasa release that reads ${v}.`,
      fixes: [{ title: `Change to "${LATEST_VERSION}"`, edits: [{ file, ...span, newText: `"${LATEST_VERSION}"` }] }],
    });
  } else if (olderThanRasa(v)) {
    report({
      ...span,
      code: 'rasa/version-older',
      message: `Training data file ${rel} has a lower format version than Rasa 3.x: ${v} < ${LATEST_VERSION}. Rasa will read the file as a version ${LATEST_VERSION} file. Update the file to the 3.x format (\`rasa data migrate\` converts 2.x domains) and set version: "${LATEST_VERSION}". ${DOCS}`,
    });
  }
}

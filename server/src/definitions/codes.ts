// The engine's own diagnostic codes (syntax, limits, the workspace-wide id check), each with
// its default severity and a one-line meaning; every format adds its own table (BotFormat.codes).
// docs/diagnostics.md explains each at length; a test keeps the two in step.
import type { CodeTable } from './format';
import type { Severity } from './types';
import { ZIP_CODES } from './zip/types';

export const ENGINE_CODES = {
  'syntax/yaml': ['error', 'The YAML is malformed.'],
  'syntax/json': ['error', 'The JSON is malformed (comments and trailing commas only in .jsonc).'],
  'syntax/duplicate-key': ['error', 'A key appears twice in one mapping.'],
  'syntax/reserved-key': ['error', 'A `__proto__` key, refused to protect tools that load the file.'],
  'syntax/too-deep': ['error', 'Nesting deeper than 100 levels; the rest is not read.'],
  'syntax/alias': ['warning', 'A YAML alias; aliases are not expanded, the value is ignored.'],
  'syntax/unknown-tag': ['warning', 'A YAML tag other than the core ones; it is ignored.'],
  'syntax/complex-key': ['error', 'A key that is a mapping, a list or an alias.'],
  'syntax/multiple-documents': ['error', 'More than one YAML document in a file.'],
  'syntax/control-character': ['error', 'A NUL or other control character in the text.'],
  'syntax/invalid-utf8': ['error', 'Bytes that are not valid UTF-8.'],
  'syntax/bom': ['hint', 'A byte order mark at the start of the file.'],
  'syntax/merge-conflict': ['error', 'A merge-conflict marker left in the file.'],
  'syntax/internal': ['error', 'The parser failed unexpectedly; please report it.'],
  'bot/duplicate-id': ['error', 'Two bots in the workspace share one id.'],
  'limit/too-many-problems': ['information', 'More problems than are shown for one file.'],
  // A committed export zip read as a bot (zip/types.ts says each at length).
  ...ZIP_CODES,
} as const satisfies Record<string, readonly [Severity, string]>;

/** The default severity of a code in a format's table, else the engine's (error for codes neither knows). */
export function defaultSeverity(code: string, table?: CodeTable): Severity {
  return table?.[code]?.[0] ?? (ENGINE_CODES as CodeTable)[code]?.[0] ?? 'error';
}

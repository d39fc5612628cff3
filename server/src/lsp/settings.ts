// The client's `botVersions.*` settings, read defensively: anything malformed falls back
// to the default rather than breaking validation.
import type { ValidationOptions } from '../definitions/index';

export interface Settings {
  validationEnabled: boolean;
  /** Publish diagnostics for open files only (as the editor's other linters do), or for every bot file. */
  scope: 'openFiles' | 'workspace';
  validation: ValidationOptions;
  author: string;
  /** Outline symbols and folding regions computed for one file at most (0: no limit). */
  maxItemsComputed: number;
}

/** As the JSON and YAML extensions do: a 40,000-key file's outline would cost seconds to send and show. */
export const DEFAULT_MAX_ITEMS = 5000;

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint', 'off']);

export function readSettings(raw: unknown): Settings {
  const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const v = (o.validation && typeof o.validation === 'object' ? o.validation : {}) as Record<string, unknown>;
  const validation: ValidationOptions = {};
  if (typeof v.minUtterances === 'number' && v.minUtterances >= 0) validation.minUtterances = Math.floor(v.minUtterances);
  if (typeof v.nearDuplicateThreshold === 'number' && v.nearDuplicateThreshold > 0 && v.nearDuplicateThreshold <= 1) {
    validation.nearDuplicateThreshold = v.nearDuplicateThreshold;
  }
  if (v.severity && typeof v.severity === 'object') {
    const severities: NonNullable<ValidationOptions['severities']> = {};
    for (const [code, sev] of Object.entries(v.severity as Record<string, unknown>)) {
      if (typeof sev === 'string' && SEVERITIES.has(sev)) severities[code] = sev as never;
    }
    validation.severities = severities;
  }
  return {
    validationEnabled: v.enable !== false,
    scope: v.scope === 'workspace' ? 'workspace' : 'openFiles',
    validation,
    author: typeof o.author === 'string' ? o.author.trim() : '',
    maxItemsComputed:
      typeof o.maxItemsComputed === 'number' && Number.isFinite(o.maxItemsComputed) && o.maxItemsComputed >= 0
        ? Math.floor(o.maxItemsComputed)
        : DEFAULT_MAX_ITEMS,
  };
}

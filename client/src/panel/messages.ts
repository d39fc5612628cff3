// The messages between the Environments panel and the extension, typed both ways. The
// webview is untrusted input: every message it sends is checked by parseFromWebview.
import type { BotInfo, EnvironmentEventInfo, EnvironmentInfo, GateRunInfo, PromotePreview, ReleaseInfo } from '../../../server/src/lsp/protocol';

/** What the gates of the last change of an environment found: as this window saw it (a refusal), or as its latest event records it. */
export interface PanelGateResult {
  version: string;
  at: string;
  outcome: 'entered' | 'overridden' | 'skipped' | 'refused' | 'cancelled';
  message?: string;
  runs: GateRunInfo[];
}

export interface PanelState {
  bot: Pick<BotInfo, 'id' | 'name' | 'protected' | 'latest'> | null;
  bots: { id: string; name: string }[];
  environments: EnvironmentInfo[];
  history: Record<string, EnvironmentEventInfo[]>;
  gates: Record<string, PromotePreview['gate'] & { version: string | null }>;
  /** The last gate result of each environment, when there is one. */
  gateResults: Record<string, PanelGateResult>;
  pendingReleases: ReleaseInfo[];
  trusted: boolean;
  /** A message shown instead of the cards, e.g. when there is no bot. */
  notice: string | null;
}

export type ToWebview = { type: 'state'; state: PanelState } | { type: 'busy'; busy: boolean; label?: string };

export type FromWebview =
  | { type: 'ready' }
  | { type: 'selectBot'; bot: string }
  | { type: 'promote'; environment: string }
  | { type: 'rollback'; environment: string }
  | { type: 'setVersion'; environment: string }
  | { type: 'compare'; environment: string }
  | { type: 'acceptRelease'; release: string }
  | { type: 'rejectRelease'; release: string }
  | { type: 'cancelSchedule'; schedule: string }
  | { type: 'showGateOutput'; environment: string }
  | { type: 'refresh' };

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const FIELDS: Record<FromWebview['type'], string | null> = {
  ready: null,
  refresh: null,
  selectBot: 'bot',
  promote: 'environment',
  rollback: 'environment',
  setVersion: 'environment',
  compare: 'environment',
  acceptRelease: 'release',
  rejectRelease: 'release',
  cancelSchedule: 'schedule',
  showGateOutput: 'environment',
};

/** The message if it is one the panel may send, with exactly the fields it needs; otherwise undefined. */
export function parseFromWebview(raw: unknown): FromWebview | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const m = raw as Record<string, unknown>;
  const type = m.type;
  if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(FIELDS, type)) return undefined;
  const field = FIELDS[type as FromWebview['type']];
  if (field === null) return { type } as FromWebview;
  const value = m[field];
  if (typeof value !== 'string' || !NAME.test(value)) return undefined;
  return { type, [field]: value } as FromWebview;
}

// Completion of display names where a CX file names something: a route's `intent`, a
// `targetPage` (the flow's pages and the special pages), `targetFlow` and agent.json's
// `startFlow`, the items of `transitionRouteGroups`, a fulfillment's `webhook`, an
// `entityType` (the agent's and common system types), a phrase part's `parameterId`, a
// `languageCode`. The string under the cursor is replaced whole, quotes included.
import type { CompletionItem, CompletionResult, WorkspaceView } from '../../../definitions/index';
import { nodeAt } from '../../../definitions/index';
import type { CxRef } from '../facts';
import { candidates } from '../resolve';
import { cxFile } from './locate';

const KEYS: Record<string, CxRef['kind']> = {
  intent: 'intent',
  targetPage: 'page',
  targetFlow: 'flow',
  startFlow: 'flow',
  webhook: 'webhook',
  entityType: 'entityType',
  parameterId: 'parameter',
  languageCode: 'language',
  transitionRouteGroups: 'routeGroup',
};

const SYSTEM_TYPES = ['sys.any', 'sys.number', 'sys.number-integer', 'sys.date', 'sys.time', 'sys.date-time', 'sys.duration', 'sys.email', 'sys.phone-number', 'sys.url', 'sys.person', 'sys.location', 'sys.address', 'sys.zip-code', 'sys.geo-city', 'sys.geo-country', 'sys.currency-name', 'sys.unit-currency', 'sys.percentage', 'sys.cardinal', 'sys.ordinal'];

const KIND_LABEL: Record<CxRef['kind'], string> = {
  intent: 'intent',
  page: 'flow',
  flow: 'flow',
  routeGroup: 'response',
  webhook: 'function',
  entityType: 'slotType',
  parameter: 'slot',
  language: 'locale',
  playbook: 'flow',
};

export function complete(ws: WorkspaceView, file: string, offset: number): CompletionResult {
  const none = { items: [], start: offset, end: offset };
  const f = cxFile(ws, file);
  const doc = f && f.bot.docs.get(f.path)?.doc;
  if (!f || !doc) return none;
  const hit = nodeAt(doc.root, offset);
  if (!hit || hit.keyOf || hit.node.type !== 'scalar' || typeof hit.node.value !== 'string') return none;
  const node = hit.node;
  const key = node.property?.key ?? (node.parent?.type === 'array' ? node.parent.property?.key : undefined);
  if (key === undefined) return none;
  if (key === 'transitionRouteGroups' && node.parent?.type !== 'array') return none;
  const kind = KEYS[key];
  if (!kind) return none;
  let names = candidates(f.bot, f.path, kind);
  if (kind === 'entityType') names = [...names, ...SYSTEM_TYPES];
  const prefix = kind === 'entityType' ? '@' : '';
  const items: CompletionItem[] = [...new Set(names)].sort().map((n) => ({
    label: prefix + n,
    kind: KIND_LABEL[kind],
    insertText: JSON.stringify(prefix + n),
    detail: kind === 'page' ? 'page' : kind === 'routeGroup' ? 'route group' : kind === 'entityType' ? 'entity type' : kind,
  }));
  return { items, start: node.start, end: node.end };
}

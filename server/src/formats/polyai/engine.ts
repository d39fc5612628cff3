// The PolyAI format's analysis, rules, editor features and semantic diff: what index.ts loads
// on first use (`require('./engine')`), so that discovery and the store load none of it.
import type { BotDocument, ParsedDocument } from '../../definitions/index';

export { complete } from './features/completion';
export { hover } from './features/hover';
export { findDefinition, findReferences } from './features/navigation';
export { documentSymbols } from './features/symbols';
export { polyEntities } from './entities';
export { resolvePolyExport } from './export';
export { PolySession } from './session';

/**
 * A file as the workspace holds it: its syntax findings. What it says depends on its place in
 * the project, which the session knows (session.ts reads its facts there).
 */
export function analyse(doc: ParsedDocument): BotDocument {
  return { doc, facts: { defs: [], refs: [] }, local: [...doc.syntax] };
}

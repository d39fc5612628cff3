// The LivePerson format's analysis, rules, editor features and semantic diff: what index.ts
// loads on first use (`require('./engine')`), so that discovery and the store load none of it.
import type { ParsedDocument } from '../../definitions/index';
import { extractLivePersonFacts } from './facts';
import type { LivePersonDocument } from './model';

export { hover } from './features/hover';
export { findDefinition, findReferences } from './features/navigation';
export { documentSymbols } from './features/symbols';
export { livePersonEntities } from './entities';
export { LivePersonSession } from './session';

/** The file's facts; its findings are its syntax's and its shape's (the rules run in the session). */
export function analyse(doc: ParsedDocument): LivePersonDocument {
  const facts = extractLivePersonFacts(doc);
  return { doc, facts, local: [...doc.syntax, ...facts.shape] };
}

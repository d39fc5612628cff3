// The Lex V2 format's analysis, rules, editor features and semantic diff: what index.ts loads
// on first use (`require('./engine')`), so that discovery and the store load none of it.
// docs/architecture.md, "Formats: the seam".
import type { ParsedDocument } from '../../definitions/index';
import { extractLexFacts } from './facts';
import type { LexDocument } from './model';

export { complete } from './features/completion';
export { hover } from './features/hover';
export { findDefinition, findReferences } from './features/navigation';
export { documentSymbols } from './features/symbols';
export { LexSession } from './session';
export { lexEntities, lexEntityFiles } from './entities';

/** One file's facts; its findings are its syntax's (the rules run per bot, in the session). */
export function analyse(doc: ParsedDocument): LexDocument {
  return { doc, facts: extractLexFacts(doc), local: [...doc.syntax] };
}

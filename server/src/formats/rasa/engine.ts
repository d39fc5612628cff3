// The Rasa format's analysis, rules, editor features and semantic diff: what index.ts loads
// on first use (`require('./engine')`), so that discovery and the store load none of it.
// docs/architecture.md, "Formats: the seam".
import type { ParsedDocument } from '../../definitions/index';
import { extractRasaFacts } from './facts';
import type { RasaDocument } from './model';

export { complete } from './features/completion';
export { hover } from './features/hover';
export { findDefinition, findReferences } from './features/navigation';
export { prepareRename, rename } from './features/rename';
export { documentSymbols } from './features/symbols';
export { rasaEntities, rasaEntityFiles } from './entities';
export { RasaSession } from './session';

/** One file's facts; its findings are its syntax's (the rules run per bot, in the session). */
export function analyse(doc: ParsedDocument): RasaDocument {
  return { doc, facts: extractRasaFacts(doc), local: [...doc.syntax] };
}

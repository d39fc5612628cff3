// The native format's analysis, rules, editor features, semantic diff and export: what
// index.ts loads on first use (`require('./engine')`), so that discovery and the store
// (`botv status`, `botv save`) load none of it. docs/architecture.md, "Formats: the seam".
import type { ParsedDocument } from '../../definitions/parse/document';
import type { NativeDocument } from './model/bot';
import { extractFacts } from './model/facts';
import { validateShape } from './schema/validate';

export { nativeEntities } from './entities';
export { complete } from './features/completion';
export { hover } from './features/hover';
export { findDefinition, findReferences } from './features/navigation';
export { prepareRename, rename } from './features/rename';
export { documentSymbols } from './features/symbols';
export { resolveNativeExport } from './variables';
export { NativeSession } from './session';

/** One file's facts and its own findings: syntax, and shape unless the text is mid-merge. */
export function analyse(doc: ParsedDocument): NativeDocument {
  const local = [...doc.syntax];
  // Mid-merge text parses into nonsense; the conflict markers are the one thing to say.
  if (!doc.syntax.some((f) => f.code === 'syntax/merge-conflict')) validateShape(doc.root, doc.text, local);
  return { doc, facts: extractFacts(doc), local };
}

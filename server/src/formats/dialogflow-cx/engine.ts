// The Dialogflow CX format's analysis, rules, editor features and semantic diff: what index.ts
// loads on first use (`require('./engine')`), so that discovery and the store load none of it.
import type { ParsedDocument } from '../../definitions/index';
import { extractCxFacts } from './facts';
import type { CxDocument } from './facts';
import { placeOf } from './names';

export { complete } from './features/completion';
export { hover } from './features/hover';
export { findDefinition, findReferences } from './features/navigation';
export { prepareRename, rename } from './features/rename';
export { documentSymbols } from './features/symbols';
export { cxEntities, cxEntityFiles } from './entities';
export { CxSession } from './session';

/**
 * Where a file sits in its agent, guessed from the end of its path (the session reads it
 * again when the path relative to the agent folder says otherwise): the longest ending that
 * is a place of the package.
 */
export function guessRel(path: string): string {
  const segs = path.split('/');
  for (let k = Math.min(4, segs.length); k >= 1; k--) {
    const rel = segs.slice(segs.length - k).join('/');
    if (placeOf(rel).role !== 'other') return rel;
  }
  return segs[segs.length - 1] ?? path;
}

/** One file's facts; its findings are its syntax's (the rules run per agent, in the session). */
export function analyse(doc: ParsedDocument): CxDocument {
  return { doc, facts: extractCxFacts(doc, guessRel(doc.path)), local: [...doc.syntax] };
}

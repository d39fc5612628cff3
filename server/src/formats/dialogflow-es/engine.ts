// The Dialogflow ES format's analysis, rules, editor features and semantic diff: what index.ts
// loads on first use (`require('./engine')`), so that discovery and the store load none of it.
import type { ParsedDocument } from '../../definitions/index';
import { extractEsFacts } from './facts';
import type { EsDocument } from './facts';
import { placeOf } from './names';

export { complete } from './features/completion';
export { hover } from './features/hover';
export { findDefinition, findReferences } from './features/navigation';
export { prepareRename, rename } from './features/rename';
export { documentSymbols } from './features/symbols';
export { esEntities } from './entities';
export { EsSession } from './session';

/** Where a file sits in its agent, guessed from the end of its path (the session reads it again from the path relative to the agent). */
export function guessRel(path: string): string {
  const segs = path.split('/');
  const two = segs.slice(-2).join('/');
  if (segs.length >= 2 && placeOf(two).role !== 'other') return two;
  return segs[segs.length - 1] ?? path;
}

/** One file's facts; its findings are its syntax's (the rules run per agent, in the session). */
export function analyse(doc: ParsedDocument): EsDocument {
  return { doc, facts: extractEsFacts(doc, guessRel(doc.path)), local: [...doc.syntax] };
}

// Helpers both parsers use while building the tree: one place for duplicate keys (linear:
// a Map for any but small objects), reserved keys and the nesting limit.
import type { Finding } from '../types';
import type { ObjectNode, Property } from './tree';

/** Deeper nesting is cut (and reported): bot files need about ten levels; parsers need stack. */
export const MAX_DEPTH = 100;

/** Up to this many keys, a mapping is searched directly; a Map (made once) takes over above it. */
const SMALL = 8;

/** Collects an object's properties, flagging repeated and reserved keys as it goes. */
export class PropertyCollector {
  // Bot files hold tens of thousands of small mappings: most never need a Map of their own.
  private seen: Map<string, Property> | undefined;

  constructor(
    private readonly obj: ObjectNode,
    private readonly findings: Finding[],
  ) {}

  add(prop: Property): void {
    const props = this.obj.properties;
    let first: Property | undefined;
    if (this.seen) first = this.seen.get(prop.key);
    else for (let i = 0; i < props.length && !first; i++) if (props[i]!.key === prop.key) first = props[i];
    props.push(prop);
    if (!this.seen && props.length > SMALL) {
      this.seen = new Map();
      // Earlier keys win: the first of each name is the one a repeat points at.
      for (let i = props.length - 1; i >= 0; i--) this.seen.set(props[i]!.key, props[i]!);
    } else if (this.seen && !first) this.seen.set(prop.key, prop);
    if (first) {
      this.findings.push({
        start: prop.keyStart,
        end: prop.keyEnd,
        severity: 'error',
        code: 'syntax/duplicate-key',
        message: `The key "${prop.key}" appears twice in this mapping; only one can count. Remove or rename one of them.`,
        related: [{ file: '', start: first.keyStart, end: first.keyEnd, message: 'first defined here' }],
      });
    }
    if (prop.key === '__proto__') {
      this.findings.push({
        start: prop.keyStart,
        end: prop.keyEnd,
        severity: 'error',
        code: 'syntax/reserved-key',
        message: 'The key "__proto__" is refused: tools that load this file as JavaScript objects could change object prototypes with it. Rename the key.',
      });
    }
  }
}

export function tooDeep(start: number, end: number): Finding {
  return {
    start,
    end,
    severity: 'error',
    code: 'syntax/too-deep',
    message: `Nesting deeper than ${MAX_DEPTH} levels is not read; the rest of this value is ignored. Flatten the structure.`,
  };
}

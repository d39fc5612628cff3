// Helpers both parsers use while building the tree: one place for duplicate keys (a Map per
// object, so linear), reserved keys and the nesting limit.
import type { Finding } from '../types';
import type { ObjectNode, Property } from './tree';

/** Deeper nesting is cut (and reported): bot files need about ten levels; parsers need stack. */
export const MAX_DEPTH = 100;

/** Collects an object's properties, flagging repeated and reserved keys as it goes. */
export class PropertyCollector {
  private readonly seen = new Map<string, Property>();

  constructor(
    private readonly obj: ObjectNode,
    private readonly findings: Finding[],
  ) {}

  add(prop: Property): void {
    this.obj.properties.push(prop);
    const first = this.seen.get(prop.key);
    if (first) {
      this.findings.push({
        start: prop.keyStart,
        end: prop.keyEnd,
        severity: 'error',
        code: 'syntax/duplicate-key',
        message: `The key "${prop.key}" appears twice in this mapping; only one can count. Remove or rename one of them.`,
        related: [{ file: '', start: first.keyStart, end: first.keyEnd, message: 'first defined here' }],
      });
    } else this.seen.set(prop.key, prop);
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

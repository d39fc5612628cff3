// The one tree both YAML and JSON(C) parse into, so that every feature is written once.
// Keys are kept in order in arrays (duplicates included, each flagged by the parser);
// nothing here is a plain object keyed by file content, so `__proto__` cannot pollute.

export type Node = ObjectNode | ArrayNode | ScalarNode | OpaqueNode;
export type Container = ObjectNode | ArrayNode;

interface NodeBase {
  start: number;
  end: number;
  parent: Container | null;
  /** The property whose value this node is, when its parent is an object. */
  property: Property | null;
}

export interface ObjectNode extends NodeBase {
  type: 'object';
  properties: Property[];
  /** `{ … }` in YAML, always in JSON: edits insert `, key: value` rather than new lines. */
  flow: boolean;
}

export interface Property {
  key: string;
  keyStart: number;
  keyEnd: number;
  value: Node | null;
  /** From the key's start to the value's end. */
  start: number;
  end: number;
  parent: ObjectNode;
}

export interface ArrayNode extends NodeBase {
  type: 'array';
  items: Node[];
  flow: boolean;
}

export type ScalarValue = string | number | boolean | null;

export interface ScalarNode extends NodeBase {
  type: 'scalar';
  value: ScalarValue;
  /** Plain YAML scalars and bare JSON literals are unquoted; completion and rename keep it so. */
  quoted: boolean;
}

/** A node the parser could not turn into data: an alias, a subtree cut for depth. Already reported. */
export interface OpaqueNode extends NodeBase {
  type: 'opaque';
  reason: 'alias' | 'too-deep' | 'complex-key';
}

/** The first property named `key`, or undefined. */
export function getProperty(obj: ObjectNode, key: string): Property | undefined {
  for (const p of obj.properties) if (p.key === key) return p;
  return undefined;
}

/** The value of property `key` when `node` is an object. */
export function getValue(node: Node | null | undefined, key: string): Node | null | undefined {
  if (!node || node.type !== 'object') return undefined;
  return getProperty(node, key)?.value;
}

/** The string value of a scalar node, or undefined for anything else. */
export function stringValue(node: Node | null | undefined): string | undefined {
  return node && node.type === 'scalar' && typeof node.value === 'string' ? node.value : undefined;
}

/** The JSON-ish type name of a node, as a schema speaks of it. */
export function typeName(node: Node | null): 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null' | 'opaque' {
  if (!node) return 'null';
  if (node.type === 'scalar') {
    const v = node.value;
    return v === null ? 'null' : (typeof v as 'string' | 'number' | 'boolean');
  }
  return node.type;
}

/** One step of a path from the root: a property key or an array index. */
export type PathSegment = string | number;

/** The path from the root to a node. */
export function pathOf(node: Node): PathSegment[] {
  const path: PathSegment[] = [];
  let n: Node = node;
  while (n.parent) {
    if (n.property) path.push(n.property.key);
    else path.push((n.parent as ArrayNode).items.indexOf(n));
    n = n.parent;
  }
  return path.reverse();
}

/** Where an offset falls in a tree: the innermost node, and whether it is on a key. */
export interface Hit {
  node: Node;
  /** Set when the offset is on a property's key (the node is then the property's parent object). */
  keyOf?: Property;
}

/**
 * The innermost node containing `offset` (ends inclusive, so a cursor just after a word
 * still finds it). Walks down by binary search; iterative, so depth costs no stack.
 */
export function nodeAt(root: Node | null, offset: number): Hit | undefined {
  if (!root || offset < root.start || offset > root.end) return undefined;
  let node: Node = root;
  for (;;) {
    if (node.type === 'object') {
      const props = node.properties;
      const i = lastStartingAtOrBefore(props, offset);
      if (i < 0) return { node };
      const p = props[i]!;
      if (offset >= p.keyStart && offset <= p.keyEnd) return { node, keyOf: p };
      if (p.value && offset >= p.value.start && offset <= p.value.end) {
        node = p.value;
        continue;
      }
      return { node };
    }
    if (node.type === 'array') {
      const i = lastStartingAtOrBefore(node.items, offset);
      const item = i >= 0 ? node.items[i] : undefined;
      if (item && offset <= item.end) {
        node = item;
        continue;
      }
      return { node };
    }
    return { node };
  }
}

function lastStartingAtOrBefore(list: readonly { start: number }[], offset: number): number {
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Visits every node without recursion (depth is bounded by the parser, but walks stay flat). */
export function walk(root: Node | null, visit: (node: Node) => void): void {
  if (!root) return;
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    visit(n);
    if (n.type === 'object') {
      for (let i = n.properties.length - 1; i >= 0; i--) {
        const v = n.properties[i]!.value;
        if (v) stack.push(v);
      }
    } else if (n.type === 'array') {
      for (let i = n.items.length - 1; i >= 0; i--) stack.push(n.items[i]!);
    }
  }
}

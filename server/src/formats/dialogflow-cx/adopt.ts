// A release into a Dialogflow CX agent keeps the agent's own identity: the released agent.json
// takes the target's `displayName` (and `projectNumber`, where exports carry one) in place of
// its own — only those values change, the rest of the file stays as released — and the
// target's webhooks are kept whole (identity.ts, CX_KEEP): they point at its own services.
import { parseDocument } from '../../definitions/parse/document';
import type { AdoptedIdentity, ReleaseTarget } from '../../definitions/index';
import type { Node } from '../../definitions/index';

const OWN_KEYS = ['displayName', 'projectNumber'];

function topValue(root: Node | null, key: string): Node | undefined {
  if (!root || root.type !== 'object') return undefined;
  return root.properties.find((p) => p.key === key)?.value ?? undefined;
}

export function adoptCxIdentity(released: ReadonlyMap<string, string>, target: ReleaseTarget): AdoptedIdentity {
  const text = released.get('agent.json');
  if (text === undefined) return { problem: 'it has no agent.json, so it is no Dialogflow CX agent' };
  const theirs = parseDocument('agent.json', text);
  const own = parseDocument('agent.json', target.markerText);
  if (!theirs.root || theirs.root.type !== 'object') return { problem: 'its agent.json cannot be read' };
  const edits: { start: number; end: number; text: string }[] = [];
  for (const key of OWN_KEYS) {
    const mine = topValue(own.root, key);
    const their = topValue(theirs.root, key);
    if (!mine || !their) continue;
    const value = target.markerText.slice(mine.start, mine.end);
    if (value !== text.slice(their.start, their.end)) edits.push({ start: their.start, end: their.end, text: value });
  }
  if (edits.length === 0) return { rewritten: new Map() };
  let out = text;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return { rewritten: new Map([['agent.json', out]]) };
}

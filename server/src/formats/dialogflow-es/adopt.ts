// A release into a Dialogflow ES agent keeps the agent's own connections: the released
// agent.json takes the target's `webhook` (its URL, user and headers) and `googleAssistant`
// (its project's settings) in place of its own; only those values change.
import { parseDocument } from '../../definitions/parse/document';
import type { AdoptedIdentity, Node, ReleaseTarget } from '../../definitions/index';

const OWN_KEYS = ['webhook', 'googleAssistant'];

function topValue(root: Node | null, key: string): Node | undefined {
  if (!root || root.type !== 'object') return undefined;
  return root.properties.find((p) => p.key === key)?.value ?? undefined;
}

export function adoptEsIdentity(released: ReadonlyMap<string, string>, target: ReleaseTarget): AdoptedIdentity {
  const text = released.get('agent.json');
  if (text === undefined) return { problem: 'it has no agent.json, so it is no Dialogflow ES agent' };
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

// Completion where an ES file names something: `dataType` and `meta` (the agent's entities and
// common system ones), `alias` (the intent's parameters), `contexts` and `affectedContexts[].name`
// (the contexts the agent uses), `lang` (the declared languages).
import type { CompletionItem, CompletionResult, WorkspaceView } from '../../../definitions/index';
import { nodeAt } from '../../../definitions/index';
import { esFile } from './locate';

const SYSTEM = ['sys.any', 'sys.number', 'sys.number-integer', 'sys.date', 'sys.time', 'sys.date-time', 'sys.date-period', 'sys.duration', 'sys.email', 'sys.phone-number', 'sys.url', 'sys.given-name', 'sys.last-name', 'sys.geo-city', 'sys.geo-country', 'sys.address', 'sys.zip-code', 'sys.unit-currency', 'sys.percentage', 'sys.color'];

export function complete(ws: WorkspaceView, file: string, offset: number): CompletionResult {
  const none = { items: [], start: offset, end: offset };
  const f = esFile(ws, file);
  const doc = f?.bot.docs.get(f.path)?.doc;
  if (!f || !doc) return none;
  const hit = nodeAt(doc.root, offset);
  if (!hit || hit.keyOf || hit.node.type !== 'scalar' || typeof hit.node.value !== 'string') return none;
  const node = hit.node;
  const key = node.property?.key ?? (node.parent?.type === 'array' ? node.parent.property?.key : undefined);
  const { bot } = f;
  let names: string[] = [];
  let kind = 'value';
  if (key === 'dataType' || key === 'meta') {
    names = [...[...bot.entities.keys()].map((n) => `@${n}`), ...SYSTEM.map((s) => `@${s}`)];
    kind = 'slotType';
  } else if (key === 'alias') {
    const owner = bot.owner.get(f.path);
    names = owner?.kind === 'intent' && owner.file ? bot.facts.get(owner.file)!.parameters.map((p) => p.name.text) : [];
    kind = 'slot';
  } else if (key === 'contexts' || (key === 'name' && node.parent?.parent?.property?.key === 'affectedContexts')) {
    const seen = new Map<string, string>();
    for (const file of bot.files) {
      const facts = bot.facts.get(file)!;
      for (const c of [...facts.affected, ...facts.contexts]) if (!seen.has(c.text.toLowerCase())) seen.set(c.text.toLowerCase(), c.text);
    }
    names = [...seen.values()];
    kind = 'variable';
  } else if (key === 'lang') {
    names = [...bot.languages];
    kind = 'locale';
  } else return none;
  const items: CompletionItem[] = [...new Set(names)].sort().map((n) => ({ label: n, kind, insertText: JSON.stringify(n) }));
  return { items, start: node.start, end: node.end };
}

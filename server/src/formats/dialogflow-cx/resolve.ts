// What a name used in a CX file names: the resources of the agent it resolves to (in the
// scope the console gives it: a `targetPage` among its flow's pages, a route group among its
// flow's and the agent's, a `parameterId` among its intent's parameters), or that it is one
// the console knows itself (special pages, `@sys.` entity types, declared languages).
import type { CxRef, Str } from './facts';
import { SPECIAL_PAGES } from './builtins';
import { flowOfFile } from './model';
import type { CxBot, IntentResource, Resource } from './model';

/** Where a name resolves: resources, a parameter's declaration, or 'builtin'. */
export type Resolution = { resources: Resource[]; parameter?: { file: string; id: Str } } | 'builtin';

/** The resources (or the built-in) a reference in `file` names; an empty list when it names nothing. */
export function resolveRef(bot: CxBot, file: string, ref: CxRef): Resolution {
  switch (ref.kind) {
    case 'intent':
      return { resources: bot.intents.get(ref.name) ?? [] };
    case 'flow':
      return { resources: bot.flows.get(ref.name) ?? [] };
    case 'webhook':
      return { resources: bot.webhooks.get(ref.name) ?? [] };
    case 'playbook':
      return { resources: bot.playbooks.get(ref.name) ?? [] };
    case 'entityType':
      if (ref.name.startsWith('sys.')) return 'builtin';
      return { resources: bot.entityTypes.get(ref.name) ?? [] };
    case 'language':
      return 'builtin';
    case 'page': {
      if (SPECIAL_PAGES.has(ref.name)) return 'builtin';
      const flow = flowOfFile(bot, file);
      if (flow) return { resources: flow.pages.get(ref.name) ?? [] };
      // An agent-level route group serves any flow: its target is a page of some flow.
      const out: Resource[] = [];
      for (const list of bot.flows.values()) for (const fl of list) out.push(...(fl.pages.get(ref.name) ?? []));
      return { resources: out };
    }
    case 'routeGroup': {
      const flow = flowOfFile(bot, file);
      return { resources: [...(flow?.groups.get(ref.name) ?? []), ...(bot.agentGroups.get(ref.name) ?? [])] };
    }
    case 'parameter': {
      const intent = bot.owner.get(file);
      if (!intent || intent.kind !== 'intent' || !intent.file) return { resources: [] };
      const p = bot.facts.get(intent.file)?.parameters.find((x) => x.id.text === ref.name);
      return p ? { resources: [intent as IntentResource], parameter: { file: intent.file, id: p.id } } : { resources: [] };
    }
  }
}

/** Whether a reference names something (a resource, a parameter or a built-in): resolveRef without building its answer. */
export function resolves(bot: CxBot, file: string, ref: CxRef): boolean {
  switch (ref.kind) {
    case 'intent':
      return bot.intents.has(ref.name);
    case 'flow':
      return bot.flows.has(ref.name);
    case 'webhook':
      return bot.webhooks.has(ref.name);
    case 'playbook':
      return bot.playbooks.has(ref.name);
    case 'entityType':
      return ref.name.startsWith('sys.') || bot.entityTypes.has(ref.name);
    case 'language':
      return true;
    case 'page': {
      if (SPECIAL_PAGES.has(ref.name)) return true;
      const flow = flowOfFile(bot, file);
      if (flow) return flow.pages.has(ref.name);
      for (const list of bot.flows.values()) for (const fl of list) if (fl.pages.has(ref.name)) return true;
      return false;
    }
    case 'routeGroup':
      return !!flowOfFile(bot, file)?.groups.has(ref.name) || bot.agentGroups.has(ref.name);
    default: {
      const r = resolveRef(bot, file, ref);
      return r === 'builtin' || r.resources.length > 0;
    }
  }
}

/** The names a reference of this kind could take in `file`, for did-you-mean and completion. */
export function candidates(bot: CxBot, file: string, kind: CxRef['kind']): string[] {
  switch (kind) {
    case 'intent':
      return [...bot.intents.keys()];
    case 'flow':
      return [...bot.flows.keys()];
    case 'webhook':
      return [...bot.webhooks.keys()];
    case 'playbook':
      return [...bot.playbooks.keys()];
    case 'entityType':
      return [...bot.entityTypes.keys()];
    case 'language':
      return [...bot.languages];
    case 'page': {
      const flow = flowOfFile(bot, file);
      const own = flow ? [...flow.pages.keys()] : [...bot.flows.values()].flatMap((l) => l.flatMap((f) => [...f.pages.keys()]));
      return [...own, ...SPECIAL_PAGES];
    }
    case 'routeGroup': {
      const flow = flowOfFile(bot, file);
      return [...(flow ? flow.groups.keys() : []), ...bot.agentGroups.keys()];
    }
    case 'parameter': {
      const intent = bot.owner.get(file);
      return intent?.file ? (bot.facts.get(intent.file)?.parameters.map((p) => p.id.text) ?? []) : [];
    }
  }
}

// What each file of a PolyAI ADK project is, by its path (FORMATS.md §10, Layout), and the
// ADK's `clean_name`, which turns a resource's name into its file name. Light: index.ts and
// the model use it alike.

/** The kinds of files a project holds, by their place in it. */
export type PolyRole =
  | 'project'
  | 'languages'
  | 'personality'
  | 'role'
  | 'rules'
  | 'safety-filters'
  | 'experimental'
  | 'entities'
  | 'handoffs'
  | 'sms'
  | 'translations'
  | 'variants'
  | 'api-integrations'
  | 'topic'
  | 'flow-config'
  | 'step'
  | 'function-step'
  | 'transition-function'
  | 'function'
  | 'voice-config'
  | 'chat-config'
  | 'speech'
  | 'response-control'
  | 'test'
  | 'context'
  | 'generated';

const FIXED: Readonly<Record<string, PolyRole>> = {
  'project.yaml': 'project',
  'agent_settings/languages.yaml': 'languages',
  'agent_settings/personality.yaml': 'personality',
  'agent_settings/role.yaml': 'role',
  'agent_settings/rules.txt': 'rules',
  'agent_settings/safety_filters.yaml': 'safety-filters',
  'agent_settings/experimental_config.json': 'experimental',
  'config/entities.yaml': 'entities',
  'config/handoffs.yaml': 'handoffs',
  'config/sms_templates.yaml': 'sms',
  'config/translations.yaml': 'translations',
  'config/variant_attributes.yaml': 'variants',
  'config/api_integrations.yaml': 'api-integrations',
  'voice/configuration.yaml': 'voice-config',
  'voice/safety_filters.yaml': 'safety-filters',
  'chat/configuration.yaml': 'chat-config',
  'chat/safety_filters.yaml': 'safety-filters',
};

/** The role of a file of a project (path relative to the project folder), or undefined when it is no resource. */
export function roleOf(rel: string): PolyRole | undefined {
  const fixed = FIXED[rel];
  if (fixed) return fixed;
  if (rel.startsWith('_gen/')) return 'generated';
  const parts = rel.split('/');
  if (parts[0] === 'topics' && parts.length === 2 && /\.ya?ml$/i.test(rel)) return 'topic';
  if (parts[0] === 'test_suite' && parts.length === 2 && /\.ya?ml$/i.test(rel)) return 'test';
  if (parts[0] === 'context' && parts.length === 2 && /\.md$/i.test(rel)) return 'context';
  if (parts[0] === 'functions' && parts.length === 2 && rel.endsWith('.py')) return 'function';
  if (parts[0] === 'flows' && parts.length === 3 && parts[2] === 'flow_config.yaml') return 'flow-config';
  if (parts[0] === 'flows' && parts.length === 4) {
    if (parts[2] === 'steps' && /\.ya?ml$/i.test(rel)) return 'step';
    if (parts[2] === 'function_steps' && rel.endsWith('.py')) return 'function-step';
    if (parts[2] === 'functions' && rel.endsWith('.py')) return 'transition-function';
  }
  if ((parts[0] === 'voice' || parts[0] === 'speech_recognition') && /\.ya?ml$/i.test(rel)) return parts[1] === 'response_control' ? 'response-control' : 'speech';
  return undefined;
}

/** The flow folder a file of a flow is in (`flows/<folder>/…`), or undefined. */
export function flowFolderOf(rel: string): string | undefined {
  const parts = rel.split('/');
  return parts[0] === 'flows' && parts.length >= 3 ? parts[1] : undefined;
}

/**
 * The ADK's clean_name (resource_utils.py): every character that is not a word character
 * becomes "_", runs of "_" are squeezed and trimmed, and (for topics, steps, flows and tests)
 * the name is lower-cased.
 */
export function cleanName(name: string, lowercase = true): string {
  const s = name.replace(/[^\p{L}\p{N}_]/gu, '_').replace(/_+/g, '_').replace(/^_|_$/g, '');
  return lowercase ? s.toLowerCase() : s;
}

/** A file's name without its folder and extension. */
export function stem(rel: string): string {
  const base = rel.slice(rel.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

/** Lifecycle functions: called at the start and end of a call, never referenced as {{fn:}}. */
export const LIFECYCLE = new Set(['start_function', 'end_function']);

/** PolyAI's environments, as `poly deployments` names them, in promotion order. */
export const POLY_ENVIRONMENTS = ['sandbox', 'pre-release', 'live'] as const;

// The PolyAI ADK format's diagnostic codes: the `poly validate` rules that can be checked on
// the files (FORMATS.md §10, What `poly validate` checks) and what it does not check but
// breaks or misleads an agent (a test assertion's unknown parameter, unreachable steps,
// behaviour in a topic's content, one function-step name in two flows). Errors where
// `poly validate` or `poly push` fails; warnings for the rest. docs/diagnostics.md explains
// each; a test keeps the two in step.
import type { CodeTable } from '../../definitions/index';

export const POLYAI_CODES = {
  'polyai/schema': ['error', 'A resource file of the wrong shape: not a mapping, a list that is none, an item without its name, project.yaml without project_id, account_id or region.'],
  'polyai/unknown-reference': ['error', 'A `{{prefix:name}}` reference that names nothing of its kind (`{{fn:}}` a global function, `{{ft:}}` a transition function of the flow, …).'],
  'polyai/reference-not-allowed': ['error', 'A reference whose prefix is not allowed where it stands ("Invalid reference type"), or no reference type at all.'],
  'polyai/unknown-step': ['error', "A flow's `start_step`, a condition's `child_step` or `flow.goto_step(…)` that names no step of the flow."],
  'polyai/unknown-flow': ['error', '`conv.goto_flow(…)` that names no flow of the project.'],
  'polyai/unknown-entity': ['error', "A step's `extracted_entities` or a condition's `required_entities` naming an entity `config/entities.yaml` does not define."],
  'polyai/file-name': ['error', "A topic, step or test file, or a flow folder, not named `clean_name` of the resource's name."],
  'polyai/default-handoff': ['error', 'Handoffs without exactly one `is_default: true`.'],
  'polyai/default-variant': ['error', 'Variants without exactly one `is_default: true`.'],
  'polyai/variant-values': ['error', 'A variant attribute without a value for some variant, or with a value for a variant that does not exist.'],
  'polyai/translation-languages': ['error', "A translation whose languages are not exactly the project's configured languages."],
  'polyai/test-case': ['error', "A test case's channel, language, variant, function assertion or value type that the project or the ADK does not know."],
  'polyai/test-unknown-parameter': ['warning', "A test's function assertion checks a parameter the function does not declare."],
  'polyai/function-signature': ['error', 'A function file without the `def <name>(conv: Conversation, …)` the ADK requires of its kind.'],
  'polyai/function-description': ['error', 'A global or transition function without a non-empty, trimmed `@func_description`.'],
  'polyai/too-many-example-queries': ['error', 'A topic with more than 20 example queries.'],
  'polyai/unreachable-step': ['warning', "A flow's step that neither the start step, a condition nor code goes to."],
  'polyai/behaviour-in-content': ['warning', "A `{{fn:}}`, `{{ho:}}` or `{{twilio_sms:}}` reference in a topic's `content`: behaviour belongs in `actions`."],
  'polyai/duplicate-function-step': ['error', 'One function-step name in two flows (the ADK\'s build fails).'],
} as const satisfies CodeTable;

// Names Rasa provides without a declaration (rasa/shared/core/constants.py and the CALM
// default patterns): using them is never an unknown reference, and not declaring them is
// never a missing one.

/** Intents every domain has. */
export const DEFAULT_INTENTS: ReadonlySet<string> = new Set(['restart', 'back', 'out_of_scope', 'session_start', 'nlu_fallback', 'session_end', 'silence_timeout']);

/** Actions every assistant has. */
export const DEFAULT_ACTIONS: ReadonlySet<string> = new Set([
  'action_listen',
  'action_restart',
  'action_session_start',
  'action_default_fallback',
  'action_deactivate_loop',
  'action_revert_fallback_events',
  'action_default_ask_affirmation',
  'action_default_ask_rephrase',
  'action_two_stage_fallback',
  'action_unlikely_intent',
  'action_back',
  'action_send_text',
  'action_extract_slots',
  '...',
  // Rasa Pro (CALM).
  'action_agent_request_user_input',
  'action_cancel_flow',
  'action_correct_flow_slot',
  'action_clarify_flows',
  'action_run_slot_rejections',
  'action_clean_stack',
  'action_trigger_search',
  'action_trigger_chitchat',
  'action_reset_routing',
  'action_hangup',
  'action_repeat_bot_messages',
  'action_continue_interrupted_flow',
  'action_cancel_interrupted_flows',
]);

/** Responses Rasa's default actions and CALM patterns look for; declared or not, they count as used. */
export const DEFAULT_ACTION_RESPONSES: ReadonlySet<string> = new Set(['utter_default', 'utter_restart', 'utter_ask_rephrase', 'utter_back']);

/** Responses the CALM default patterns ship with: a project may use them without declaring them. */
export const PATTERN_RESPONSES: ReadonlySet<string> = new Set([
  'utter_ask_rephrase',
  'utter_boolean_slot_rejection',
  'utter_can_do_something_else',
  'utter_cannot_handle',
  'utter_categorical_slot_rejection',
  'utter_clarification_options_rasa',
  'utter_corrected_previous_input',
  'utter_float_slot_rejection',
  'utter_flow_cancelled_rasa',
  'utter_flow_continue_interrupted',
  'utter_free_chitchat_response',
  'utter_human_handoff_not_available',
  'utter_inform_code_change',
  'utter_internal_error_rasa',
  'utter_no_knowledge_base',
  'utter_skip_question_answer',
  'utter_user_input_empty_error_rasa',
  'utter_user_input_too_long_error_rasa',
]);

/** The default patterns of CALM, which flows may link to and projects may override. */
export const DEFAULT_PATTERNS: ReadonlySet<string> = new Set([
  'pattern_cancel_flow',
  'pattern_cannot_handle',
  'pattern_chitchat',
  'pattern_clarification',
  'pattern_code_change',
  'pattern_collect_information',
  'pattern_completed',
  'pattern_continue_interrupted',
  'pattern_correction',
  'pattern_human_handoff',
  'pattern_internal_error',
  'pattern_restart',
  'pattern_search',
  'pattern_session_start',
  'pattern_skip_question',
  'pattern_repeat_bot_messages',
  'pattern_user_silence',
  'pattern_validate_slot',
  'pattern_session_end',
]);

/** Slot types Rasa knows. */
export const SLOT_TYPES: ReadonlySet<string> = new Set(['text', 'bool', 'categorical', 'float', 'list', 'any']);

/** Slot mapping types and the key each requires. */
export const MAPPING_TYPES: ReadonlyMap<string, string | undefined> = new Map([
  ['from_entity', 'entity'],
  ['from_text', undefined],
  ['from_intent', 'value'],
  ['from_trigger_intent', 'value'],
  ['custom', undefined],
  ['from_llm', undefined],
  ['controlled', undefined],
]);

/** Recipes config.yml may name. */
export const RECIPES: ReadonlySet<string> = new Set(['default.v1', 'graph.v1']);

/** Rasa's placeholder for a missing assistant_id (it rewrites config.yml when it trains). */
export const ASSISTANT_ID_PLACEHOLDER = 'placeholder_default';

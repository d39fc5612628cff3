// References in a PolyAI project's texts: `{{prefix:name}}`, written by name in the files
// (FORMATS.md §10, References between resources). Where a reference stands decides which
// prefixes are allowed there, as the ADK's code does (a disallowed one fails `poly validate`
// with "Invalid reference type").

/** The reference prefixes, and what each names. */
export const PREFIXES: Readonly<Record<string, string>> = {
  fn: 'global function',
  ft: 'transition function of this flow',
  entity: 'entity',
  attr: 'variant attribute',
  twilio_sms: 'SMS template',
  ho: 'handoff',
  vrbl: 'state variable',
  tn: 'translation',
};

/** The kinds of text a reference may stand in. */
export type TextPlace = 'topic-actions' | 'topic-content' | 'rules' | 'advanced-prompt' | 'default-prompt' | 'persona-custom' | 'greeting' | 'style-prompt' | 'sms-text';

/** The prefixes each place allows (the ADK's code, not its docs: an advanced step's prompt takes no {{tn:}}). */
export const ALLOWED: Readonly<Record<TextPlace, readonly string[]>> = {
  'topic-actions': ['fn', 'twilio_sms', 'ho', 'attr', 'vrbl', 'tn'],
  'topic-content': ['fn', 'twilio_sms', 'ho', 'attr', 'vrbl', 'tn'],
  rules: ['fn', 'twilio_sms', 'ho', 'attr', 'vrbl', 'tn'],
  'advanced-prompt': ['fn', 'ft', 'entity', 'attr', 'twilio_sms', 'ho', 'vrbl'],
  'default-prompt': ['entity', 'attr', 'twilio_sms', 'ho', 'vrbl'],
  'persona-custom': ['attr', 'vrbl'],
  greeting: ['attr', 'vrbl', 'tn'],
  'style-prompt': [],
  'sms-text': ['vrbl', 'tn'],
};

/** Words for a place, in messages. */
export const PLACE_WORDS: Readonly<Record<TextPlace, string>> = {
  'topic-actions': "a topic's actions",
  'topic-content': "a topic's content",
  rules: 'the rules',
  'advanced-prompt': "an advanced step's prompt",
  'default-prompt': "a default step's prompt",
  'persona-custom': 'a personality or role',
  greeting: 'a greeting or disclaimer',
  'style-prompt': 'a style prompt',
  'sms-text': "an SMS template's text",
};

/** One `{{prefix:name}}` with the spans of its name and of the whole. */
export interface TextRef {
  prefix: string;
  name: string;
  /** The name's span (what is resolved, renamed, underlined). */
  start: number;
  end: number;
  /** The whole `{{…}}`. */
  fullStart: number;
  fullEnd: number;
  place: TextPlace;
  /** The flow folder, for references in a flow's files ({{ft:}} resolves there). */
  flow?: string;
}

const REF = /\{\{([A-Za-z_]+):([^{}\n]*)\}\}/g;

/** The references in `text` between `from` and `to` (offsets of the file's text), as written in the source. */
export function scanRefs(text: string, from: number, to: number, place: TextPlace, flow?: string): TextRef[] {
  const raw = text.slice(from, to);
  if (!raw.includes('{{')) return [];
  const out: TextRef[] = [];
  REF.lastIndex = 0;
  for (let m = REF.exec(raw); m; m = REF.exec(raw)) {
    const start = from + m.index + 2 + m[1]!.length + 1;
    const ref: TextRef = { prefix: m[1]!, name: m[2]!.trim(), start, end: start + m[2]!.length, fullStart: from + m.index, fullEnd: from + m.index + m[0].length, place };
    if (flow !== undefined) ref.flow = flow;
    out.push(ref);
  }
  return out;
}

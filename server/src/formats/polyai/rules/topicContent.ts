// A topic's `content` is what the agent knows; its `actions` are what it does. Behavioural
// references — {{fn:}}, {{ho:}}, {{twilio_sms:}} — belong in actions (topics.md); in content
// the agent reads them as knowledge and may not act on them (the ADK's editor extension
// warns `functions-outside-actions`).
import type { PolyRule } from './types';

const BEHAVIOUR = new Set(['fn', 'ho', 'twilio_sms']);

export const topicContentRule: PolyRule = {
  codes: ['polyai/behaviour-in-content'],
  needsEveryFile: false,
  check({ project, report }) {
    for (const { file, decl: r } of project.textRefs) {
      if (r.place !== 'topic-content' || !BEHAVIOUR.has(r.prefix)) continue;
      report(file, { start: r.fullStart, end: r.fullEnd, code: 'polyai/behaviour-in-content', message: `{{${r.prefix}:${r.name}}} is an action, in the topic's content: the agent reads content as knowledge. Move it to the topic's actions.` });
    }
  },
};

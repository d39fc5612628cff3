// `{{prefix:name}}` references (FORMATS.md §10): each prefix is allowed only in some texts
// (the ADK's code: a default step's prompt calls no function, an advanced step's prompt takes
// no {{tn:}}), and each name resolves — {{fn:}} to a global function (not start or end),
// {{ft:}} to a transition function of the same flow, {{entity:}}, {{attr:}}, {{twilio_sms:}},
// {{ho:}} and {{tn:}} to what config/ defines, {{vrbl:}} to a state variable some code sets.
// `poly` leaves a reference it cannot map unchanged, and the agent sees it as written.
import { namesFor, referableFunction } from '../model';
import { ALLOWED, PLACE_WORDS, PREFIXES } from '../refs';
import { didYouMean } from './suggest';
import type { PolyRule } from './types';

export const referencesRule: PolyRule = {
  codes: ['polyai/unknown-reference', 'polyai/reference-not-allowed'],
  needsEveryFile: true,
  check({ project, report }) {
    for (const { file, decl: r } of project.textRefs) {
      const what = PREFIXES[r.prefix];
      const allowed = ALLOWED[r.place];
      if (!what) {
        report(file, {
          start: r.fullStart,
          end: r.fullEnd,
          code: 'polyai/reference-not-allowed',
          message: `{{${r.prefix}:…}} is no reference type: the ADK knows ${Object.keys(PREFIXES).map((p) => `{{${p}:}}`).join(', ')}. Use one of those, or write the braces some other way.`,
        });
        continue;
      }
      if (!allowed.includes(r.prefix)) {
        report(file, {
          start: r.fullStart,
          end: r.fullEnd,
          code: 'polyai/reference-not-allowed',
          message: `Invalid reference type: {{${r.prefix}:}} (a ${what}) is not allowed in ${PLACE_WORDS[r.place]}${allowed.length ? `, which takes ${allowed.map((p) => `{{${p}:}}`).join(', ')}` : ', which takes no references'}.${r.place === 'default-prompt' && (r.prefix === 'fn' || r.prefix === 'ft') ? ' Default steps cannot reference functions: make it an advanced step, or move the call to a condition.' : ''}`,
        });
        continue;
      }
      if (isKnown(project, r.prefix, r.name, r.flow)) continue;
      const where = r.prefix === 'ft' ? (r.flow !== undefined ? ` in flows/${r.flow}/functions/` : ' (only a flow\'s steps can call transition functions)') : '';
      report(file, {
        start: r.start,
        end: r.end,
        code: 'polyai/unknown-reference',
        message: `{{${r.prefix}:${r.name}}} names no ${what}${where}: poly leaves it as written, and the agent reads it literally.${didYouMean(r.name, namesFor(project, r.prefix, r.flow))} ${hint(r.prefix)}`.trimEnd(),
      });
    }
  },
};

/** Whether a reference's name is something of its prefix's kind (table lookups: a project holds thousands of references). */
function isKnown(project: import('../model').PolyProject, prefix: string, name: string, flow: string | undefined): boolean {
  switch (prefix) {
    case 'fn':
      return !!referableFunction(project, name);
    case 'ft':
      return flow !== undefined && !!project.flows.get(flow)?.transitionFunctions.has(name);
    case 'entity':
      return project.entities.has(name);
    case 'attr':
      return project.attributes.has(name);
    case 'twilio_sms':
      return project.smsTemplates.has(name);
    case 'ho':
      return project.handoffs.some((h) => h.decl.name.text === name);
    case 'vrbl':
      return project.variables.has(name);
    case 'tn':
      return project.translations.has(name);
    default:
      return namesFor(project, prefix, flow).includes(name);
  }
}

function hint(prefix: string): string {
  switch (prefix) {
    case 'fn':
      return 'Add functions/<name>.py, or name an existing global function.';
    case 'ft':
      return "Add the function under the flow's functions/ folder.";
    case 'vrbl':
      return 'Set it in code first (conv.state.<name> = …).';
    default:
      return 'Define it in config/, or name one that is there.';
  }
}

// The entities a step extracts (`extracted_entities`) and a condition requires
// (`required_entities`) are entities of config/entities.yaml, by name.
import { didYouMean } from './suggest';
import type { PolyRule } from './types';

export const entityRefsRule: PolyRule = {
  codes: ['polyai/unknown-entity'],
  needsEveryFile: true,
  check({ project, report }) {
    const names = [...project.entities.keys()];
    for (const flow of project.flows.values()) {
      for (const { file, decl: step } of flow.stepFiles) {
        const check = (e: { text: string; start: number; end: number }, what: string) => {
          if (project.entities.has(e.text)) return;
          report(file, { start: e.start, end: e.end, code: 'polyai/unknown-entity', message: `${what} '${e.text}', which config/entities.yaml does not define.${didYouMean(e.text, names)} Add the entity there, or name one that is.` });
        };
        for (const e of step.extractedEntities) check(e, `'${step.name?.text ?? 'This step'}' extracts the entity`);
        for (const c of step.conditions) for (const e of c.requiredEntities) check(e, `The condition '${c.name?.text ?? '?'}' requires the entity`);
      }
    }
  },
};

// dialogflow-cx/unknown-entity-type: a parameter's `entityType` ("@name") names no entity type
// of the package (entityTypes/<name>/) and no system one (@sys.…).
import { unknownRefRule } from './unknownRefs';

export const unknownEntityTypeRule = unknownRefRule(
  'entityType',
  'dialogflow-cx/unknown-entity-type',
  (ref) => `The entity type "@${ref.name}" is not defined: there is no entityTypes/${ref.name}/, and it is no system entity type (@sys.…). Create it, or use one that exists.`,
);

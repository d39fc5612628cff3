// The checks of a Rasa project. A new check is a new file and one line here.
import type { RasaRule } from './types';

export const RASA_RULES: readonly RasaRule[] = [];

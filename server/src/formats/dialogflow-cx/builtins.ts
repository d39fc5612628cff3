// What the console knows without the package: the special pages a route may target (as the
// JSON package spells them), and how phrases compare when the console calls them too similar.

/** The special pages: `targetPage` may name them in any flow. */
export const SPECIAL_PAGES: ReadonlySet<string> = new Set([
  'End Session',
  'End Flow',
  'Current Page',
  'Previous Page',
  'Start Page',
  'End Flow With Failure',
  'End Flow With Cancellation',
  'End Flow With Human Escalation',
]);

const PLAIN = /^[a-z0-9]+(?: [a-z0-9]+)*$/;
const NON_ASCII = /[^\x00-\x7f]/;

/** A phrase as compared with others: case, spacing and the punctuation around it are no difference. */
export function normalisePhrase(text: string): string {
  // Plain lower-case ASCII words with single spaces (most phrases) are their own normal form.
  if (PLAIN.test(text)) return text;
  return (NON_ASCII.test(text) ? text.normalize('NFC') : text)
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^[\s.,;:!?¿¡"'“”‘’()-]+|[\s.,;:!?¿¡"'“”‘’()-]+$/g, '');
}

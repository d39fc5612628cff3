// How phrases compare when ES calls them too similar: case, spacing and the punctuation
// around a phrase are no difference.
export function normalisePhrase(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^[\s.,;:!?¿¡"'“”‘’()-]+|[\s.,;:!?¿¡"'“”‘’()-]+$/g, '');
}

/** An entity reference (`@size`, `@sys.number`, `@size:size`) as the entity it names, without `@` and an alias. */
export function entityName(ref: string): string | undefined {
  if (!ref.startsWith('@')) return undefined;
  const name = ref.slice(1);
  const colon = name.indexOf(':');
  return colon >= 0 ? name.slice(0, colon) : name;
}

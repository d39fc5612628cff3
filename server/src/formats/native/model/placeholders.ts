// `{slot}` and `${VARIABLE}` inside strings, found in the source text so that their
// ranges are exact. Braces around anything else (spaces, punctuation) are literal text.

export interface PlaceholderHit {
  kind: 'slot' | 'variable';
  name: string;
  /** Span of the name itself, without braces. */
  start: number;
  end: number;
}

function isNameChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}
function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** Scans text[start, end) for placeholders, calling `hit` for each. */
export function scanPlaceholders(text: string, start: number, end: number, hit: (h: PlaceholderHit) => void): void {
  let i = text.indexOf('{', start);
  while (i >= 0 && i < end) {
    const variable = i > start && text.charCodeAt(i - 1) === 36; // '$'
    let j = i + 1;
    if (j < end && isNameStart(text.charCodeAt(j))) {
      j++;
      while (j < end && isNameChar(text.charCodeAt(j))) j++;
      if (j < end && text.charCodeAt(j) === 125) {
        hit({ kind: variable ? 'variable' : 'slot', name: text.slice(i + 1, j), start: i + 1, end: j });
      }
    }
    i = text.indexOf('{', i + 1);
  }
}

/** The slot names a string's value mentions (for checks that look at values, not source). */
export function slotNamesIn(value: string): string[] {
  const names: string[] = [];
  scanPlaceholders(value, 0, value.length, (h) => {
    if (h.kind === 'slot') names.push(h.name);
  });
  return names;
}

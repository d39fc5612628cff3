// JSON shown readable: a minified one-line export file re-indented for people, token by
// token, so that every string, number and literal is kept exactly as written (no parse and
// print: `1.0`, a large integer or a duplicate key stay as they are) and text that is not
// valid JSON still comes out, laid out as far as it goes. Only for showing: the file on disk
// never changes.

/** Whether a JSON text is worth showing formatted: one long line, or very long lines. */
export function isMinifiedJson(text: string): boolean {
  if (text.length < 120) return false;
  let longest = 0;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.charCodeAt(i) === 10) {
      longest = Math.max(longest, i - start);
      start = i + 1;
    }
  }
  return longest > 400 || (!text.trimEnd().includes('\n') && text.length >= 120);
}

/** The text with each value on its own line, indented by `indent` spaces per level. */
export function prettyJson(text: string, indent = 2): string {
  const out: string[] = [];
  let depth = 0;
  const newline = () => out.push('\n' + ' '.repeat(depth * indent));
  let i = 0;
  const n = text.length;
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  while (i < n) {
    const c = text[i]!;
    if (c === '"') {
      let j = i + 1;
      while (j < n && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out.push(text.slice(i, Math.min(j + 1, n)));
      i = j + 1;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (c === '{' || c === '[') {
      // An empty object or list stays on one line.
      let k = i + 1;
      while (k < n && /\s/.test(text[k]!)) k++;
      if (text[k] === (c === '{' ? '}' : ']')) {
        out.push(c + text[k]);
        i = k + 1;
        continue;
      }
      out.push(c);
      depth++;
      newline();
      i++;
      continue;
    }
    if (c === '}' || c === ']') {
      depth = Math.max(0, depth - 1);
      newline();
      out.push(c);
      i++;
      continue;
    }
    if (c === ',') {
      out.push(',');
      newline();
      i++;
      continue;
    }
    if (c === ':') {
      out.push(': ');
      i++;
      continue;
    }
    // A number, a literal or anything else: up to the next structural character.
    let j = i;
    while (j < n && !'{}[],:" \t\r\n'.includes(text[j]!)) j++;
    out.push(text.slice(i, Math.max(j, i + 1)));
    i = Math.max(j, i + 1);
  }
  return out.join('') + '\n';
}

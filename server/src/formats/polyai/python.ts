// What a PolyAI function file says, read with patterns rather than a Python parser (the ADK
// compiles the code; Bot Versions checks what links files together): the function's `def`
// and its parameters, its @func_description and @func_parameter decorators, the steps and
// flows it goes to (`flow.goto_step("…")`, `conv.goto_flow("…")`) and the state variables it
// sets (`conv.state.<name> = …`), each with its exact span.

export interface PySpan {
  text: string;
  start: number;
  end: number;
}

export interface PyParam {
  name: string;
  type?: string;
  start: number;
  end: number;
}

export interface PyFunction {
  /** The `def` named like the file, when there is one. */
  def?: { name: PySpan; params: PyParam[]; start: number; end: number };
  /** Other top-level defs (helpers). */
  defs: string[];
  description?: PySpan;
  /** @func_parameter("name", "description"). */
  paramDocs: { name: PySpan; description: string }[];
  gotoSteps: PySpan[];
  gotoFlows: PySpan[];
  stateWrites: PySpan[];
  /** The ADK's header line (`from _gen import *  # <AUTO GENERATED>`) is there. */
  header: boolean;
}

/** A Python string literal's value (single, double or triple quotes; common escapes). */
function literal(raw: string): string {
  const q = raw.startsWith('"""') || raw.startsWith("'''") ? 3 : 1;
  const body = raw.slice(q, raw.length - q);
  return body.replace(/\\(["'\\nt])/g, (_m, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
}

const STRING = String.raw`("""[\s\S]*?"""|'''[\s\S]*?'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')`;
const DESCRIPTION = new RegExp(String.raw`@func_description\(\s*` + STRING, 'g');
const PARAMETER = new RegExp(String.raw`@func_parameter\(\s*` + STRING + String.raw`\s*,\s*` + STRING, 'g');
const DEF = /^def\s+([A-Za-z_]\w*)\s*\(([^)]*)\)/gm;
const GOTO_STEP = /\bflow\.goto_step\(\s*(["'])((?:(?!\1)[^\\\n])*)\1/g;
const GOTO_FLOW = /\bconv\.goto_flow\(\s*(["'])((?:(?!\1)[^\\\n])*)\1/g;
const STATE_WRITE = /\bconv\.state\.([A-Za-z_]\w*)\s*(?:=(?!=)|\+=|-=|\*=|\/=)/g;

/** Reads a function file; `name` is the function's name (the file's). */
export function readPython(text: string, name: string): PyFunction {
  const out: PyFunction = { defs: [], paramDocs: [], gotoSteps: [], gotoFlows: [], stateWrites: [], header: /^from (_gen|imports) import \*/m.test(text) };
  DESCRIPTION.lastIndex = 0;
  const d = DESCRIPTION.exec(text);
  if (d) {
    const at = d.index + d[0].length - d[1]!.length;
    out.description = { text: literal(d[1]!), start: at, end: at + d[1]!.length };
  }
  PARAMETER.lastIndex = 0;
  for (let m = PARAMETER.exec(text); m; m = PARAMETER.exec(text)) {
    const at = m.index + m[0].indexOf(m[1]!, '@func_parameter('.length);
    out.paramDocs.push({ name: { text: literal(m[1]!), start: at, end: at + m[1]!.length }, description: literal(m[2]!) });
  }
  DEF.lastIndex = 0;
  for (let m = DEF.exec(text); m; m = DEF.exec(text)) {
    out.defs.push(m[1]!);
    if (m[1] !== name || out.def) continue;
    const nameAt = m.index + m[0].indexOf(m[1]!);
    const paramsAt = m.index + m[0].indexOf('(') + 1;
    const params: PyParam[] = [];
    let offset = 0;
    for (const piece of m[2]!.split(',')) {
      const trimmed = piece.trim();
      const lead = piece.length - piece.trimStart().length;
      if (trimmed !== '') {
        const [pname, ptype] = trimmed.split(':').map((x) => x.trim());
        const p: PyParam = { name: pname!, start: paramsAt + offset + lead, end: paramsAt + offset + lead + trimmed.length };
        if (ptype) p.type = ptype;
        params.push(p);
      }
      offset += piece.length + 1;
    }
    out.def = { name: { text: m[1]!, start: nameAt, end: nameAt + m[1]!.length }, params, start: m.index, end: m.index + m[0].length };
  }
  const spans = (re: RegExp, group: number): PySpan[] => {
    const list: PySpan[] = [];
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const g = m[group]!;
      const at = m.index + m[0].lastIndexOf(g, m[0].length - (group === 2 ? 1 : 0));
      list.push({ text: g, start: at, end: at + g.length });
    }
    return list;
  };
  out.gotoSteps = spans(GOTO_STEP, 2);
  out.gotoFlows = spans(GOTO_FLOW, 2);
  out.stateWrites = spans(STATE_WRITE, 1);
  return out;
}

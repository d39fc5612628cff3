// A Lex V2 Test Workbench test set, as teams keep it beside the export: a CSV file whose
// header names the Test Workbench's columns (Line #, Conversation #, Source, Input, Expected
// Output Intent, Expected Output Slot 1…). Read with exact spans for every cell, so that a
// finding points at the intent or the slot name it is about. CSV libraries give a record's
// line at best, not each field's offset; the grammar (RFC 4180: commas, CRLF or LF, quoted
// fields with "" for a quote) is small enough to read here.

/** One cell: its decoded text and the span of the field in the file (quotes included). */
export interface Cell {
  text: string;
  start: number;
  end: number;
  /** Whether the field was quoted (its text then starts one character after `start`, and "" stands for "). */
  quoted: boolean;
}

/** A row of a test set, its cells by the column they are in. */
export interface TestRow {
  /** Where the row is (its first cell to its last). */
  start: number;
  end: number;
  /** The row's line in the file (1-based), as a spreadsheet numbers it. */
  line: number;
  conversation?: Cell;
  source?: Cell;
  /** `Input` (a text test set), else `Expected Transcription` (an audio one). */
  input?: Cell;
  intent?: Cell;
  /** The non-empty `Expected Output Slot N` cells. */
  slots: Cell[];
}

export interface TestSetFacts {
  rows: TestRow[];
  /** Problems of the file's shape: an unterminated quote, a header without an input column. */
  problems: { start: number; end: number; message: string }[];
}

/** The records of a CSV text. An unterminated quote ends the text and is reported. */
export function parseCsv(text: string): { rows: Cell[][]; unterminated?: number } {
  const rows: Cell[][] = [];
  let row: Cell[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  if (i >= n) return { rows };
  for (;;) {
    const start = i;
    let value: string;
    let quoted = false;
    if (text[i] === '"') {
      quoted = true;
      let out = '';
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) {
          row.push({ text: out + text.slice(j), start, end: n, quoted });
          rows.push(row);
          return { rows, unterminated: start };
        }
        out += text.slice(j, q);
        if (text[q + 1] === '"') {
          out += '"';
          j = q + 2;
          continue;
        }
        j = q + 1;
        break;
      }
      // Text after the closing quote up to the separator is kept, as spreadsheets do.
      let k = j;
      while (k < n && text[k] !== ',' && text[k] !== '\n' && text[k] !== '\r') k++;
      value = out + text.slice(j, k);
      i = k;
    } else {
      let k = i;
      while (k < n && text[k] !== ',' && text[k] !== '\n' && text[k] !== '\r') k++;
      value = text.slice(i, k);
      i = k;
    }
    row.push({ text: value, start, end: i, quoted });
    if (i >= n) {
      rows.push(row);
      return { rows };
    }
    if (text[i] === ',') {
      i++;
      continue;
    }
    // The end of a record: CRLF, LF or CR.
    i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
    rows.push(row);
    row = [];
    if (i >= n) return { rows };
  }
}

/** The offset in the file of index `k` of a cell's decoded text. */
export function cellOffset(text: string, cell: Cell, k: number): number {
  if (!cell.quoted) return cell.start + k;
  let raw = cell.start + 1;
  for (let d = 0; d < k && raw < cell.end; d++) raw += text[raw] === '"' && text[raw + 1] === '"' ? 2 : 1;
  return raw;
}

type Column = 'line' | 'conversation' | 'source' | 'input' | 'transcription' | 'intent' | 'slot';

/** The column a header names (the Test Workbench's names and their alternatives), or undefined for another column. */
function columnOf(name: string): Column | undefined {
  const n = name.trim().toLowerCase().replace(/\s+/g, ' ');
  if (n === 'line number' || n === 'line #') return 'line';
  if (n === 'conversation number' || n === 'conversation #') return 'conversation';
  if (n === 'source' || n === 'conversation participant') return 'source';
  if (n === 'input') return 'input';
  if (n === 'expected transcription') return 'transcription';
  if (n === 'expected output intent') return 'intent';
  if (/^(intent )?expected output slot( \d+)?$/.test(n)) return 'slot';
  return undefined;
}

const blank = (row: Cell[]): boolean => row.every((c) => c.text.trim() === '');

/** The 1-based line of an offset. */
function lineAt(text: string, offset: number, from: { offset: number; line: number }): number {
  let line = from.line;
  for (let i = from.offset; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
  }
  from.offset = offset;
  from.line = line;
  return line;
}

/**
 * A CSV file read as a test set, or undefined when its header is not one (any other CSV
 * file beside the export): the header must name the expected intent, or a source and an
 * input column.
 */
export function readTestSet(text: string): TestSetFacts | undefined {
  const { rows, unterminated } = parseCsv(text);
  const headerAt = rows.findIndex((r) => !blank(r));
  if (headerAt < 0) return undefined;
  const header = rows[headerAt]!;
  const columns = header.map((c) => columnOf(c.text));
  const has = (c: Column) => columns.includes(c);
  if (!has('intent') && !(has('source') && (has('input') || has('transcription')))) return undefined;
  const facts: TestSetFacts = { rows: [], problems: [] };
  if (unterminated !== undefined) facts.problems.push({ start: unterminated, end: Math.min(text.length, unterminated + 1), message: 'This quoted cell has no closing quote, so the rest of the file is read as one cell. Close the quote (write "" for a quote inside a cell).' });
  if (!has('input') && !has('transcription')) {
    const h = header[0]!;
    facts.problems.push({ start: h.start, end: header[header.length - 1]!.end, message: 'The header has no "Input" column (nor "Expected Transcription" for an audio test set): the Test Workbench has nothing to send. Add the column.' });
  }
  const inputColumn: Column = has('input') ? 'input' : 'transcription';
  const cursor = { offset: 0, line: 1 };
  for (const cells of rows.slice(headerAt + 1)) {
    if (blank(cells)) continue;
    const row: TestRow = { start: cells[0]!.start, end: cells[cells.length - 1]!.end, line: lineAt(text, cells[0]!.start, cursor), slots: [] };
    cells.forEach((cell, k) => {
      const column = columns[k];
      if (!column || cell.text.trim() === '') return;
      if (column === 'slot') row.slots.push(cell);
      else if (column === 'conversation') row.conversation = cell;
      else if (column === 'source') row.source = cell;
      else if (column === inputColumn) row.input = cell;
      else if (column === 'intent') row.intent = cell;
    });
    facts.rows.push(row);
  }
  return facts;
}

/** A conversation number that marks a single input ("", "-", "N/A"), or the number. */
export function conversationOf(row: TestRow): string | undefined {
  const c = row.conversation?.text.trim();
  return c === undefined || c === '' || c === '-' || c.toUpperCase() === 'N/A' ? undefined : c;
}

/** The slot an `Expected Output Slot` cell names ("Size = large", "Car.Color = red": Car), with its span in the cell's text, or undefined when it is not `Name = value`. */
export function slotOfCell(cell: Cell): { name: string; index: number } | undefined {
  const eq = cell.text.indexOf('=');
  if (eq <= 0) return undefined;
  const left = cell.text.slice(0, eq);
  const lead = left.length - left.trimStart().length;
  const full = left.trim();
  if (full === '') return undefined;
  const dot = full.indexOf('.');
  return { name: dot > 0 ? full.slice(0, dot) : full, index: lead };
}

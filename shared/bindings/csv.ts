/** One record of a CSV file with the line it starts on (1-based), for messages. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

export class CsvError extends Error {
  override name = 'CsvError';
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/**
 * Parse RFC 4180 CSV: commas (or semicolons, as spreadsheets in many locales save), double-quoted cells
 * with `""` for a quote and line breaks inside, CRLF or LF, a byte-order mark. Blank lines are skipped.
 * Throws a CsvError naming the line of an unterminated quote.
 */
export function parseCsv(text: string): CsvRecord[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = src.slice(0, src.search(/\r?\n|$/));
  const delimiter = firstLine.split(';').length > firstLine.split(',').length ? ';' : ',';
  const out: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let start = 1;
  let quoted = false;
  let quoteLine = 0;
  let touched = false;
  const endRecord = () => {
    cells.push(cell);
    if (touched || cells.length > 1 || cell !== '') out.push({ line: start, cells });
    cells = [];
    cell = '';
    touched = false;
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell === '') {
      quoted = true;
      touched = true;
      quoteLine = line;
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
      touched = true;
    } else if (ch === '\r' && src[i + 1] === '\n') continue;
    else if (ch === '\n' || ch === '\r') {
      endRecord();
      line++;
      start = line;
    } else cell += ch;
  }
  if (quoted) throw new CsvError(`a quoted cell opened on line ${quoteLine} is never closed`, quoteLine);
  if (cell !== '' || cells.length > 0 || touched) endRecord();
  return out;
}

// A cell a spreadsheet would run as a formula (=, +, -, @) is written behind a quote mark, so opening an
// exported table cannot run what a historian name smuggled in; reading takes the mark off again.
const FORMULA = /^[=+\-@\t\r]/;

/** One cell as CSV text: quoted when it holds a delimiter, a quote, a line break or edge spaces. */
export function csvCell(value: string): string {
  const safe = FORMULA.test(value) ? `'${value}` : value;
  return /[",;\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A cell as written by csvCell, back to its value. */
export function cellValue(cell: string): string {
  return cell.startsWith("'") && FORMULA.test(cell.slice(1)) ? cell.slice(1) : cell;
}

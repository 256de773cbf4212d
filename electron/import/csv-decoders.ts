/**
 * CSV rows into points. Wide: one timestamp, one cell per sensor column (with its own quality column in
 * Ignition's exports). Long: one value per row, named by a tag column or by the file (a Niagara history),
 * with quality columns that decide for the row. Bad quality and states become gaps, counted by state.
 */
import type { TimestampParser } from '../../shared/time/timestamp-parser';
import { cellProblem, IMPORT_LIMITS } from './import-limits';
import type { ImportPlan, QualityColumn } from './import-plan';
import { qualityVerdict, type Verdict } from './quality-codes';
import { LongUnits, longPlainDecoder, sensorNames, type Named } from './long-rows';
import type { RowDecoder, RowSink } from './row-decoders';
import { plainDecimal, readValueCell } from './value-cells';

/** A row with a cell over the cap is reported and skipped; rows shorter than the cap cannot hold one, which keeps this cheap. */
function tooLongCell(text: string, fields: readonly string[], line: number, sink: RowSink): boolean {
  if (text.length <= IMPORT_LIMITS.maxCellChars) return false;
  const problem = cellProblem(fields);
  if (problem) sink.problem(line, problem);
  return problem !== null;
}

/** A row's instant: the parser's hot path, else its full parse, whose error skips the row. */
function timeOf(parseTime: TimestampParser, cell: string, line: number, sink: RowSink): number | null {
  const ms = parseTime.ms(cell);
  if (ms === ms) return ms;
  const time = parseTime(cell);
  if (time.ok) return time.ms;
  sink.problem(line, `${time.error}; the row was skipped`);
  return null;
}

/** The first bad verdict of a row's quality columns, or null when all say good. */
function rowVerdict(quality: readonly QualityColumn[], fields: readonly string[]): Verdict {
  for (const q of quality) {
    const v = qualityVerdict(q.kind, fields[q.column] ?? '');
    if (v !== null) return v;
  }
  return null;
}

export function wideDecoder(plan: ImportPlan, parseTime: TimestampParser): RowDecoder {
  const width = plan.columns.length;
  const sensors = plan.sensorColumns.map((s) => ({ ...s, name: plan.columns[s.column] ?? '' }));
  const textValues = plan.textValues;
  return (line, text, fields, sink) => {
    const f = fields ?? [];
    if (tooLongCell(text, f, line, sink)) return null;
    if (f.length > width) {
      sink.problem(line, `the row has ${f.length} fields but the header has ${width}; the row was skipped`);
      return null;
    }
    const at = timeOf(parseTime, f[plan.timeColumn] ?? '', line, sink);
    if (at === null) return null;
    for (const s of sensors) {
      const cell = f[s.column];
      if (cell === undefined || cell === '') continue;
      if (s.quality) {
        const bad = qualityVerdict(s.quality.kind, f[s.quality.column] ?? '');
        if (bad !== null) {
          sink.gap(s.key, bad);
          continue;
        }
      }
      const plain = plainDecimal(cell);
      if (plain === plain) {
        sink.point(s.key, at, plain);
        continue;
      }
      const read = readValueCell(cell, textValues);
      if (read.kind === 'number') sink.point(s.key, at, read.value);
      else if (read.kind === 'gap') sink.gap(s.key, read.state);
      else if (read.kind === 'bad') sink.problem(line, `column ${JSON.stringify(s.name)}: ${read.reason}; that value was skipped`);
    }
    return at;
  };
}

/**
 * Niagara flags and statuses list several flags in braces (`{down,stale}`); written unquoted, the CSV
 * split cuts them apart. Rejoin the pieces of each brace group so the columns line up again.
 */
export function rejoinBraces(fields: readonly string[], delimiter: string): string[] {
  const out: string[] = [];
  let open: string | null = null;
  for (const f of fields) {
    if (open !== null) {
      open += delimiter + f;
      if (f.includes('}')) {
        out.push(open);
        open = null;
      }
    } else if (f.trimStart().startsWith('{') && !f.includes('}')) open = f;
    else out.push(f);
  }
  if (open !== null) out.push(open);
  return out;
}

export function longDecoder(plan: ImportPlan, parseTime: TimestampParser, field: string): RowDecoder {
  const keyOf = sensorNames(field);
  const fixed: Named | null = plan.fixedKey === null ? null : { key: plan.fixedKey };
  const units = new LongUnits(plan.unitColumn, plan.valueUnit);
  const { quality, textValues, unitColumn } = plan;
  const braces = plan.layout === 'niagara';
  const width = plan.columns.length;
  const delimiter = plan.delimiter ?? ',';
  const decode: RowDecoder = (line, text, fields, sink) => {
    let f = fields ?? [];
    if (braces && f.length > width) f = rejoinBraces(f, delimiter);
    if (tooLongCell(text, f, line, sink)) return null;
    const at = timeOf(parseTime, f[plan.timeColumn] ?? '', line, sink);
    if (at === null) return null;
    const named = fixed ?? keyOf((f[plan.sensorColumn] ?? '').trim());
    if ('problem' in named) {
      sink.problem(line, named.problem);
      return null;
    }
    const key = named.key;
    if (units.wants(key)) units.note(key, unitColumn >= 0 ? (f[unitColumn] ?? '') : '', sink);
    if (quality.length > 0) {
      const bad = rowVerdict(quality, f);
      if (bad !== null) {
        sink.gap(key, bad);
        return at;
      }
    }
    const cell = f[plan.valueColumn] ?? '';
    const plain = plainDecimal(cell);
    if (plain === plain) {
      sink.point(key, at, plain);
      return at;
    }
    const read = readValueCell(cell, textValues);
    if (read.kind === 'number') sink.point(key, at, read.value);
    else if (read.kind === 'gap') sink.gap(key, read.state);
    else if (read.kind === 'bad') {
      sink.problem(line, `${read.reason}; the row was skipped`);
      return null;
    }
    return at;
  };
  // Rows without quotes are read in place (long-rows.ts), sharing the names and units seen.
  const plain = longPlainDecoder(plan, parseTime, keyOf, units);
  if (plain !== null) decode.plain = plain;
  return decode;
}

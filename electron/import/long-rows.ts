/**
 * Long CSV rows (PI, Niagara, Kepware, AVEVA: one value per row) read in place, the import's hot path.
 * Splitting each row into strings cost more than everything else an import does per row (a profile of
 * a folder of Niagara histories: the split and the garbage it leaves were over half the time), so a row
 * without quotes is read by its cell boundaries: the timestamp, the number and the quality are read where
 * they stand, and the sensor name and quality text are compared with the previous row's, which they
 * nearly always repeat. Whatever this reader does not take (a field count other than the header's, a
 * timestamp off the parser's hot path, a name that cannot be a key, a cell over the cap) it hands back
 * before telling the sink anything, and the general decoder reads the row: results are the same.
 */
import { formatSeriesKey } from '../../shared/series/series-key';
import type { TimestampParser } from '../../shared/time/timestamp-parser';
import { IMPORT_LIMITS, keyProblem, MAX_REMEMBERED_NAMES } from './import-limits';
import type { ImportPlan } from './import-plan';
import { qualityVerdict, type Verdict } from './quality-codes';
import type { PlainRowDecoder, RowSink } from './row-decoders';
import { plainDecimalIn, readValueCell } from './value-cells';

/** A sensor name's series key, or why it cannot be one. */
export type Named = { key: string } | { problem: string };

/** Sensor names to keys, remembered (bounded by the series an import may create). */
export function sensorNames(field: string): (name: string) => Named {
  const keys = new Map<string, Named>();
  return (name) => {
    let k = keys.get(name);
    if (k === undefined) {
      if (name === '') k = { problem: 'the sensor name is empty; the row was skipped' };
      else if (/[\r\n]/.test(name)) k = { problem: 'the sensor name has a line break; the row was skipped' };
      else {
        const key = formatSeriesKey({ measurement: name, tags: {}, field });
        const tooLong = keyProblem(key);
        k = tooLong ? { problem: `${tooLong}; the row was skipped` } : { key };
      }
      if (keys.size < MAX_REMEMBERED_NAMES) keys.set(name, k);
    }
    return k;
  };
}

/** Units of long files (a units column, or the value column's header), told to the sink once per series. */
export class LongUnits {
  private readonly seen = new Set<string>();

  constructor(
    private readonly unitColumn: number,
    private readonly valueUnit: string | null,
  ) {}

  /** Whether a row of this series should have its unit read. */
  wants(key: string): boolean {
    return (this.unitColumn >= 0 || this.valueUnit !== null) && !this.seen.has(key) && this.seen.size < MAX_REMEMBERED_NAMES;
  }

  /** Note the unit a row gives (its unit cell, or the header's). */
  note(key: string, cell: string, sink: RowSink): void {
    const unit = (this.unitColumn >= 0 ? cell.trim() : '') || this.valueUnit;
    if (unit) {
      this.seen.add(key);
      sink.unit(key, unit);
    }
  }
}

/** Whether `text[start, end)` is `last`. */
function same(last: string | null, text: string, start: number, end: number): boolean {
  return last !== null && last.length === end - start && text.startsWith(last, start);
}

/** The in-place reader for a long plan, or null when its columns are not all in the header (the general decoder then reads every row). */
export function longPlainDecoder(plan: ImportPlan, parseTime: TimestampParser, keyOf: (name: string) => Named, units: LongUnits): PlainRowDecoder | null {
  const width = plan.columns.length;
  const { timeColumn, sensorColumn, valueColumn, unitColumn, quality, textValues } = plan;
  const inHeader = (c: number) => c >= 0 && c < width;
  const fixed: Named | null = plan.fixedKey === null ? null : { key: plan.fixedKey };
  if (width < 2 || !inHeader(timeColumn) || !inHeader(valueColumn) || (fixed === null && !inHeader(sensorColumn))) return null;
  if (unitColumn >= width || quality.some((q) => !inHeader(q.column))) return null;
  const delimiter = plan.delimiter ?? ',';
  // starts[i] is where cell i begins; cell i ends one before starts[i + 1] (at its delimiter).
  const starts = new Int32Array(width + 1);
  let lastName: string | null = null;
  let lastNamed: Named = { problem: '' };
  const lastQuality: (string | null)[] = quality.map(() => null);
  const lastVerdict: Verdict[] = quality.map(() => null);
  const cellText = (text: string, column: number) => text.slice(starts[column] as number, (starts[column + 1] as number) - 1);

  return (line, text, sink) => {
    if (text.length > IMPORT_LIMITS.maxCellChars) return false;
    // indexOf per delimiter measured faster than a loop over the row's characters; a row of any other width goes the general way.
    let from = 0;
    for (let k = 1; k < width; k++) {
      const d = text.indexOf(delimiter, from);
      if (d < 0) return false;
      starts[k] = d + 1;
      from = d + 1;
    }
    if (text.indexOf(delimiter, from) >= 0) return false;
    starts[width] = text.length + 1;
    const at = parseTime.msIn(text, starts[timeColumn] as number, (starts[timeColumn + 1] as number) - 1);
    if (at !== at) return false;
    let named: Named;
    if (fixed !== null) named = fixed;
    else {
      const s = starts[sensorColumn] as number;
      const e = (starts[sensorColumn + 1] as number) - 1;
      if (same(lastName, text, s, e)) named = lastNamed;
      else {
        lastName = text.slice(s, e);
        named = lastNamed = keyOf(lastName.trim());
      }
    }
    if ('problem' in named) return false;
    // From here on the row is this reader's: it does exactly what the general decoder does.
    const key = named.key;
    if (units.wants(key)) units.note(key, unitColumn >= 0 ? cellText(text, unitColumn) : '', sink);
    for (let k = 0; k < quality.length; k++) {
      const q = quality[k] as (typeof quality)[number];
      const s = starts[q.column] as number;
      const e = (starts[q.column + 1] as number) - 1;
      let verdict: Verdict;
      if (same(lastQuality[k] as string | null, text, s, e)) verdict = lastVerdict[k] as Verdict;
      else {
        const cell = text.slice(s, e);
        verdict = qualityVerdict(q.kind, cell);
        lastQuality[k] = cell;
        lastVerdict[k] = verdict;
      }
      if (verdict !== null) {
        sink.gap(key, verdict);
        return true;
      }
    }
    const vs = starts[valueColumn] as number;
    const ve = (starts[valueColumn + 1] as number) - 1;
    const plain = plainDecimalIn(text, vs, ve);
    if (plain === plain) {
      sink.point(key, at, plain);
      return true;
    }
    const read = readValueCell(text.slice(vs, ve), textValues);
    if (read.kind === 'number') sink.point(key, at, read.value);
    else if (read.kind === 'gap') sink.gap(key, read.state);
    else if (read.kind === 'bad') sink.problem(line, `${read.reason}; the row was skipped`);
    return true;
  };
}

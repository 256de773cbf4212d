/**
 * Turning rows into points, per format: one decoder per plan, used by the preview and the import
 * alike. A row whose time cannot be read is skipped and reported; a cell that is not a number is
 * reported and only that value is skipped (the row's other sensors still land). Empty cells are
 * simply missing values.
 */
import { formatSeriesKey } from '../../shared/series/series-key';
import { parseNumber } from '../../shared/series/parse-number';
import { EPOCH_UNIT_NAMES, epochTextToMs, fitsEpochUnit } from '../../shared/time/epoch-units';
import { epochUnitOf } from '../../shared/time/timestamp-format';
import type { TimestampParser } from '../../shared/time/timestamp-parser';
import type { ImportPlan } from './import-plan';
import { cellProblem, IMPORT_LIMITS, keyProblem } from './import-limits';
import { parseLineProtocol } from './line-protocol-parse';

export interface RowSink {
  point(key: string, t: number, v: number): void;
  problem(line: number, message: string): void;
}

/** Decode one row into the sink; returns its time, or null when the row was skipped. */
export type RowDecoder = (line: number, text: string, fields: string[] | null, sink: RowSink) => number | null;

/** A cell as a number: strict decimals, or true/false as 1/0. */
export function parseCell(text: string): { ok: true; value: number } | { ok: false; reason: string } {
  // Only cells starting with t or f can be booleans; the rest go straight to the number parser.
  const c = (text.charCodeAt(0) === 0x20 ? text.trimStart().charCodeAt(0) : text.charCodeAt(0)) | 0x20;
  if (c === 0x74 || c === 0x66) {
    const t = text.trim().toLowerCase();
    if (t === 'true') return { ok: true, value: 1 };
    if (t === 'false') return { ok: true, value: 0 };
  }
  return parseNumber(text);
}

/** Names remembered for their keys; past this many, keys are formatted afresh (a file of millions of distinct names stays bounded). */
const MAX_REMEMBERED_NAMES = 100_000;

/** A row with a cell over the cap is reported and skipped; rows shorter than the cap cannot hold one, which keeps this cheap. */
function tooLongCell(text: string, fields: readonly string[], line: number, sink: RowSink): boolean {
  if (text.length <= IMPORT_LIMITS.maxCellChars) return false;
  const problem = cellProblem(fields);
  if (problem) sink.problem(line, problem);
  return problem !== null;
}

/** The decoder for a plan; `field` names the field of CSV sensors (`B7_CH1_KW#value`). */
export function rowDecoder(plan: ImportPlan, parseTime: TimestampParser, field: string): RowDecoder {
  if (plan.format === 'csv-wide') return wideDecoder(plan, parseTime);
  if (plan.format === 'csv-long') return longDecoder(plan, parseTime, field);
  return lineProtocolDecoder(plan);
}

function wideDecoder(plan: ImportPlan, parseTime: TimestampParser): RowDecoder {
  const width = plan.columns.length;
  const sensors = plan.sensorColumns.map((s) => ({ ...s, name: plan.columns[s.column] ?? '' }));
  return (line, text, fields, sink) => {
    const f = fields ?? [];
    if (tooLongCell(text, f, line, sink)) return null;
    if (f.length > width) {
      sink.problem(line, `the row has ${f.length} fields but the header has ${width}; the row was skipped`);
      return null;
    }
    const time = parseTime(f[plan.timeColumn] ?? '');
    if (!time.ok) {
      sink.problem(line, `${time.error}; the row was skipped`);
      return null;
    }
    for (const s of sensors) {
      const cell = f[s.column];
      if (cell === undefined || cell.trim() === '') continue;
      const n = parseCell(cell);
      if (n.ok) sink.point(s.key, time.ms, n.value);
      else sink.problem(line, `column ${JSON.stringify(s.name)}: ${n.reason}; that value was skipped`);
    }
    return time.ms;
  };
}

function longDecoder(plan: ImportPlan, parseTime: TimestampParser, field: string): RowDecoder {
  // Names map to keys or to why they cannot be one; the map is bounded by the series an import may create.
  const keys = new Map<string, { key: string } | { problem: string }>();
  const keyOf = (name: string): { key: string } | { problem: string } => {
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
  return (line, text, fields, sink) => {
    const f = fields ?? [];
    if (tooLongCell(text, f, line, sink)) return null;
    const time = parseTime(f[plan.timeColumn] ?? '');
    if (!time.ok) {
      sink.problem(line, `${time.error}; the row was skipped`);
      return null;
    }
    const named = keyOf((f[plan.sensorColumn] ?? '').trim());
    if ('problem' in named) {
      sink.problem(line, named.problem);
      return null;
    }
    const key = named.key;
    const cell = f[plan.valueColumn] ?? '';
    if (cell.trim() === '') return time.ms;
    const n = parseCell(cell);
    if (!n.ok) {
      sink.problem(line, `${n.reason}; the row was skipped`);
      return null;
    }
    sink.point(key, time.ms, n.value);
    return time.ms;
  };
}

function lineProtocolDecoder(plan: ImportPlan): RowDecoder {
  const unit = epochUnitOf(plan.timestampFormat ?? 'epoch-ns') ?? 'ns';
  const keys = new Map<string, string>();
  return (line, text, _fields, sink) => {
    const p = parseLineProtocol(text);
    if (!p.ok) {
      sink.problem(line, `${p.error}; the line was skipped`);
      return null;
    }
    const { point } = p;
    if (point.timestamp === null) {
      sink.problem(line, 'the line has no timestamp, so when it was measured is unknown; the line was skipped');
      return null;
    }
    const time = epochTextToMs(point.timestamp, unit);
    if (!time.ok) {
      sink.problem(line, `${time.error}; the line was skipped`);
      return null;
    }
    if (plan.epochInferred && !fitsEpochUnit(Number(point.timestamp), unit)) {
      sink.problem(
        line,
        `the timestamp ${point.timestamp} does not look like epoch ${EPOCH_UNIT_NAMES[unit]} as the rest of the file does; the line was skipped`,
      );
      return null;
    }
    for (const f of point.fields) {
      if (f.value.kind === 'string') {
        sink.problem(
          line,
          `field ${JSON.stringify(f.key)} holds text (${JSON.stringify(f.value.value.slice(0, 40))}); only numbers are imported, so it was skipped`,
        );
        continue;
      }
      const cacheKey = `${point.seriesText}\u0000${f.key}`;
      let key = keys.get(cacheKey);
      if (key === undefined) {
        key = formatSeriesKey({ measurement: point.measurement, tags: point.tags, field: f.key });
        const tooLong = keyProblem(key);
        if (tooLong) {
          sink.problem(line, `${tooLong}; the value was skipped`);
          continue;
        }
        if (keys.size < MAX_REMEMBERED_NAMES) keys.set(cacheKey, key);
      }
      sink.point(key, time.ms, f.value.value);
    }
    return time.ms;
  };
}

/**
 * Deciding how to read a file from its first lines: line protocol or CSV; the delimiter; wide
 * (a timestamp column and one column per sensor) or long (timestamp, sensor, value); which column
 * holds the time and how timestamps are written. The plan drives both the preview and the import,
 * so what the preview shows is what the import does.
 */
import type { ImportOptions } from '../../shared/api/source-schemas';
import { formatSeriesKey } from '../../shared/series/series-key';
import { parseNumber } from '../../shared/series/parse-number';
import { inferEpochUnit } from '../../shared/time/epoch-units';
import { epochFormat, epochUnitOf, type TimestampFormat } from '../../shared/time/timestamp-format';
import { detectTimestampFormat, timestampShape } from '../../shared/time/timestamp-detect';
import { CsvRecordAssembler, detectDelimiter, type CsvEvent, type CsvRecord } from './csv-split';
import { IMPORT_LIMITS, keyProblem } from './import-limits';
import { isLineProtocolComment, parseLineProtocol } from './line-protocol-parse';

export type ImportFormat = 'csv-wide' | 'csv-long' | 'line-protocol';

export interface ImportPlan {
  format: ImportFormat;
  delimiter: ',' | ';' | '\t' | null;
  /** CSV header names, trimmed. */
  columns: string[];
  timeColumn: number;
  /** Wide: the sensor columns and their series keys. */
  sensorColumns: { column: number; key: string }[];
  /** Long: where the sensor name and the value are. */
  sensorColumn: number;
  valueColumn: number;
  timestampFormat: TimestampFormat | null;
  /** The epoch unit was inferred from magnitude, not declared. */
  epochInferred: boolean;
  needsTimeZone: boolean;
  /** Problems that stop the import (the preview still shows them). */
  fatal: string[];
  /** Problems with the header that do not stop it (e.g. an unnamed column that is skipped). */
  warnings: { line: number; message: string }[];
  /** Line of the header row (CSV) or 0. */
  headerLine: number;
}

const TIME_NAMES = /^(time|timestamp|date|datetime|date[ _]?time|ts|_time|time[ _]?stamp|local[ _]?time|utc[ _]?time)$/i;
const SENSOR_NAMES = /^(sensor|tag|tag[ _]?name|name|series|point|point[ _]?name|signal|key|id|measurement|item)$/i;
const VALUE_NAMES = /^(value|val|_value|reading|measurement[ _]?value|avg|average)$/i;

/** The head of a file: its first lines, as read for planning and previews. */
export interface FileHead {
  lines: string[];
  firstLine: number;
}

function isNumeric(text: string): boolean {
  return parseNumber(text).ok;
}

/** Whether the head looks like line protocol: most of its first real lines parse as such (a few may be broken). */
export function looksLikeLineProtocol(head: FileHead): boolean {
  const real = head.lines.filter((l) => !isLineProtocolComment(l)).slice(0, 20);
  const parsed = real.filter((l) => parseLineProtocol(l).ok).length;
  return parsed > 0 && parsed >= 0.6 * real.length;
}

/** CSV records of the head (quoted fields across lines included). */
export function headRecords(head: FileHead, delimiter: string): CsvEvent[] {
  const asm = new CsvRecordAssembler(delimiter);
  const out: CsvEvent[] = [];
  head.lines.forEach((l, i) => asm.push(l, head.firstLine + i, out));
  return out;
}

/** Plan the import of a file from its head and the user's options. */
export function planImport(head: FileHead, options: ImportOptions): ImportPlan {
  const plan: ImportPlan = {
    format: 'csv-wide',
    delimiter: null,
    columns: [],
    timeColumn: 0,
    sensorColumns: [],
    sensorColumn: -1,
    valueColumn: -1,
    timestampFormat: null,
    epochInferred: false,
    needsTimeZone: false,
    fatal: [],
    warnings: [],
    headerLine: 0,
  };
  const wantsLp = options.format === 'line-protocol' || (options.format === 'auto' && looksLikeLineProtocol(head));
  if (wantsLp) return planLineProtocol(head, options, plan);

  const delimiter = options.delimiter === 'auto' ? detectDelimiter(head.lines) : options.delimiter;
  if (delimiter === null) {
    plan.fatal.push('Could not tell how columns are separated (tried comma, semicolon and tab): choose the delimiter.');
    return plan;
  }
  plan.delimiter = delimiter;
  const records = headRecords(head, delimiter)
    .filter((e): e is { record: CsvRecord } => 'record' in e)
    .map((e) => e.record);
  const header = records[0];
  if (!header) {
    plan.fatal.push('The file has no rows.');
    return plan;
  }
  plan.headerLine = header.line;
  if (header.fields.length > IMPORT_LIMITS.maxColumns) {
    plan.fatal.push(
      `Line ${header.line} has ${header.fields.length.toLocaleString('en')} columns, over the ${IMPORT_LIMITS.maxColumns.toLocaleString('en')}-column cap: export fewer tags per file and import the files together.`,
    );
    return plan;
  }
  plan.columns = header.fields.map((f) => f.trim());
  const data = records.slice(1);
  if (looksLikeData(header.fields)) {
    plan.fatal.push(`Line ${header.line} looks like data, not column names: the file needs a header row (a timestamp column, then one column per sensor).`);
    return plan;
  }

  const named = plan.columns.findIndex((c) => TIME_NAMES.test(c));
  plan.timeColumn = named >= 0 ? named : 0;
  const long = options.format === 'csv-long' || (options.format === 'auto' && looksLong(plan.columns, data, plan.timeColumn));
  plan.format = long ? 'csv-long' : 'csv-wide';
  if (long) planLong(plan, data);
  else planWide(plan, options);

  const samples = data.map((r) => r.fields[plan.timeColumn] ?? '').slice(0, 500);
  const detected = detectTimestampFormat(samples, options.timestampFormat);
  plan.timestampFormat = detected.format;
  plan.epochInferred = options.timestampFormat === 'auto' && detected.epochUnit !== null;
  plan.needsTimeZone = detected.needsTimeZone;
  if (detected.problem && data.length > 0) plan.fatal.push(`Column "${plan.columns[plan.timeColumn] ?? ''}": ${detected.problem}`);
  return plan;
}

/** A header row holds names; a row starting with a timestamp, or holding dates, is data. */
function looksLikeData(fields: readonly string[]): boolean {
  return (
    timestampShape(fields[0] ?? '') !== null ||
    fields.some((f) => {
      const shape = timestampShape(f);
      return shape !== null && shape !== 'epoch';
    })
  );
}

/** Long files have a text column of sensor names beside the time and a numeric value column. */
function looksLong(columns: string[], data: CsvRecord[], timeColumn: number): boolean {
  if (columns.length < 3 || columns.length > 6) return false;
  const others = columns.map((_, i) => i).filter((i) => i !== timeColumn);
  if (others.some((i) => SENSOR_NAMES.test(columns[i] ?? '')) && others.some((i) => VALUE_NAMES.test(columns[i] ?? ''))) return true;
  const rows = data.slice(0, 50);
  if (rows.length === 0) return false;
  const textual = others.filter((i) => rows.every((r) => (r.fields[i] ?? '').trim() !== '' && !isNumeric(r.fields[i] ?? '')));
  const numeric = others.filter((i) => rows.some((r) => isNumeric(r.fields[i] ?? '')));
  return textual.length >= 1 && numeric.length >= 1;
}

function planLong(plan: ImportPlan, data: CsvRecord[]): void {
  const others = plan.columns.map((_, i) => i).filter((i) => i !== plan.timeColumn);
  const rows = data.slice(0, 50);
  const byName = (re: RegExp) => others.find((i) => re.test(plan.columns[i] ?? ''));
  plan.sensorColumn = byName(SENSOR_NAMES) ?? others.find((i) => rows.length > 0 && rows.every((r) => !isNumeric(r.fields[i] ?? ''))) ?? others[0] ?? -1;
  plan.valueColumn =
    byName(VALUE_NAMES) ??
    others.find((i) => i !== plan.sensorColumn && rows.some((r) => isNumeric(r.fields[i] ?? ''))) ??
    others.find((i) => i !== plan.sensorColumn) ??
    -1;
  if (plan.sensorColumn < 0 || plan.valueColumn < 0) plan.fatal.push('A long file needs a timestamp, a sensor name and a value column.');
}

function planWide(plan: ImportPlan, options: ImportOptions): void {
  const seen = new Map<string, number>();
  plan.columns.forEach((name, column) => {
    if (column === plan.timeColumn) return;
    if (name === '') {
      plan.warnings.push({ line: plan.headerLine, message: `column ${column + 1} has no name; its values are skipped` });
      return;
    }
    if (/[\r\n]/.test(name)) {
      plan.warnings.push({
        line: plan.headerLine,
        message: `column ${column + 1} (${JSON.stringify(name)}) has a line break in its name; its values are skipped`,
      });
      return;
    }
    const before = seen.get(name);
    if (before !== undefined) {
      plan.fatal.push(`Columns ${before + 1} and ${column + 1} are both named ${JSON.stringify(name)}: rename one so each sensor has its own name.`);
      return;
    }
    seen.set(name, column);
    const key = formatSeriesKey({ measurement: name, tags: {}, field: options.field });
    const tooLong = keyProblem(key);
    if (tooLong) {
      plan.fatal.push(`Column ${column + 1} on line ${plan.headerLine}: ${tooLong}; shorten the column name.`);
      return;
    }
    plan.sensorColumns.push({ column, key });
  });
  if (plan.sensorColumns.length === 0 && plan.fatal.length === 0) plan.fatal.push('The file has a timestamp column but no sensor columns.');
}

function planLineProtocol(head: FileHead, options: ImportOptions, plan: ImportPlan): ImportPlan {
  plan.format = 'line-protocol';
  const declared = options.timestampFormat;
  if (declared !== 'auto' && epochUnitOf(declared) === null) {
    plan.fatal.push(
      `Line-protocol timestamps are integers since the epoch: choose their precision (epoch-s, -ms, -us or -ns), or auto; "${declared}" does not apply.`,
    );
    return plan;
  }
  if (declared !== 'auto') {
    plan.timestampFormat = declared;
    return plan;
  }
  const stamps: number[] = [];
  for (const l of head.lines) {
    if (isLineProtocolComment(l)) continue;
    const p = parseLineProtocol(l);
    if (p.ok && p.point.timestamp !== null) stamps.push(Number(p.point.timestamp));
  }
  // Without any timestamp to look at, InfluxDB's own default precision applies.
  plan.timestampFormat = epochFormat(inferEpochUnit(stamps) ?? 'ns');
  plan.epochInferred = stamps.length > 0;
  return plan;
}

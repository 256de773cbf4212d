/**
 * Deciding how to read a file from its first lines: line protocol or CSV; the delimiter; the layout
 * (a historian's own export shape, or a plain wide or long CSV); which columns hold the time, names,
 * values, units and quality; how timestamps are written. The plan drives both the preview and the
 * import, so what the preview shows is what the import does.
 */
import type { ImportOptions } from '../../shared/api/source-schemas';
import type { LayoutId } from '../../shared/import/import-layouts';
import { inferEpochUnit } from '../../shared/time/epoch-units';
import { epochFormat, epochUnitOf, type TimestampFormat } from '../../shared/time/timestamp-format';
import type { TimestampChoice } from '../../shared/time/timestamp-detect';
import { CsvRecordAssembler, type CsvEvent } from './csv-split';
import { planCsv } from './csv-plan';
import { isLineProtocolComment, parseLineProtocol } from './line-protocol-parse';
import type { QualityKind } from './quality-codes';

export type ImportFormat = 'csv-wide' | 'csv-long' | 'line-protocol';
export type { LayoutId };

export interface QualityColumn {
  column: number;
  kind: QualityKind;
}

export interface SensorColumn {
  column: number;
  key: string;
  /** Per-sensor quality (Ignition's `<tag> quality` columns). */
  quality: QualityColumn | null;
}

export interface ImportPlan {
  format: ImportFormat;
  layout: LayoutId;
  delimiter: ',' | ';' | '\t' | null;
  /** CSV header names, trimmed. */
  columns: string[];
  timeColumn: number;
  /** Wide: the sensor columns and their series keys. */
  sensorColumns: SensorColumn[];
  /** Long: where the sensor name, the value and (optionally) the unit are. */
  sensorColumn: number;
  valueColumn: number;
  unitColumn: number;
  /** A long file of one series (a Niagara history): its key, instead of a sensor column. */
  fixedKey: string | null;
  /** Units known from the header (`CH1 (kW)`, a units row), by series key. */
  units: Map<string, string>;
  /** Long files: the unit in the value column's header (`Value (kW)`), for every series without a unit column. */
  valueUnit: string | null;
  /** Quality columns that decide for the whole row. */
  quality: QualityColumn[];
  /** Text in a value cell: any name is a state and a gap ('states', as PI writes digital states), or only known bad words are ('known'). */
  textValues: 'states' | 'known';
  timestampFormat: TimestampFormat | null;
  /** The epoch unit was inferred from magnitude, not declared. */
  epochInferred: boolean;
  needsTimeZone: boolean;
  /** Zone abbreviations in the timestamps (EDT), which the chosen zone must use. */
  abbreviations: string[];
  /** The formats that read the first timestamps, for the user to choose from. */
  timestampChoices: TimestampChoice[];
  /** The first timestamps, to show what each choice makes of them. */
  timestampSamples: string[];
  /** Problems that stop the import (the preview still shows them). */
  fatal: string[];
  /** Problems with the header that do not stop it (e.g. an unnamed column that is skipped). */
  warnings: { line: number; message: string }[];
  /** Line of the header row (CSV) or 0. */
  headerLine: number;
  /** Records before this line (title lines, the header, tag and units rows) are not data. */
  dataLine: number;
}

/** The head of a file: its first lines, as read for planning and previews. */
export interface FileHead {
  lines: string[];
  firstLine: number;
}

/** An empty plan, filled in by the planners. */
export function emptyPlan(): ImportPlan {
  return {
    format: 'csv-wide',
    layout: 'wide',
    delimiter: null,
    columns: [],
    timeColumn: 0,
    sensorColumns: [],
    sensorColumn: -1,
    valueColumn: -1,
    unitColumn: -1,
    fixedKey: null,
    units: new Map(),
    valueUnit: null,
    quality: [],
    textValues: 'known',
    timestampFormat: null,
    epochInferred: false,
    needsTimeZone: false,
    abbreviations: [],
    timestampChoices: [],
    timestampSamples: [],
    fatal: [],
    warnings: [],
    headerLine: 0,
    dataLine: 1,
  };
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

/** Plan the import of a file from its head, the user's options and the file's name (a Niagara history is named by it). */
export function planImport(head: FileHead, options: ImportOptions, fileName = ''): ImportPlan {
  const plan = emptyPlan();
  const wantsLp = options.format === 'line-protocol' || (options.format === 'auto' && looksLikeLineProtocol(head));
  if (wantsLp) return planLineProtocol(head, options, plan);
  return planCsv(head, options, fileName, plan);
}

function planLineProtocol(head: FileHead, options: ImportOptions, plan: ImportPlan): ImportPlan {
  plan.format = 'line-protocol';
  plan.layout = 'line-protocol';
  plan.dataLine = 0;
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

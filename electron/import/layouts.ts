/**
 * Recognising historians' own export shapes from the header and the first rows, and mapping each to the
 * columns the decoders read. Written from each vendor's documented shape:
 * - PI (AVEVA PI Server): long `Tag, Timestamp, Value` with optional `Annotated`/`Questionable`/`Substituted`/`Good`
 *   flags; wide from DataLink or SMT, tags in the header or in a first "Tag" row; digital states in place of values.
 * - AVEVA (Wonderware) Historian: its History table, `DateTime, TagName, Value[, vValue], Quality, QualityDetail[, OPCQuality]`.
 * - Niagara: one history per file, `Timestamp, Trend Flags, Status, Value (unit)`, statuses such as `{ok}`, `{fault}`.
 * - Ignition: `t_stamp` then one column per tag path (`[default]Plant/CH1/kW`), optionally `<tag> quality` columns.
 * - Kepware / IoT Gateway: `Timestamp, Tag, Value, Quality`, quality as a word or an OPC code.
 */
import path from 'node:path';
import type { ImportOptions } from '../../shared/api/source-schemas';
import { formatSeriesKey } from '../../shared/series/series-key';
import type { TimestampFormat } from '../../shared/time/timestamp-format';
import { findColumn, norm, QUALITY_NAMES, TAG_NAMES, UNIT_NAMES, VALUE_NAMES } from './column-names';
import type { CsvRecord } from './csv-split';
import { splitHeaderUnit } from './header-units';
import { keyProblem } from './import-limits';
import type { ImportPlan, LayoutId, QualityColumn } from './import-plan';
import type { QualityKind } from './quality-codes';
import { parseNumber } from '../../shared/series/parse-number';

export interface CsvShape {
  columns: string[];
  data: CsvRecord[];
  /** Title lines before the header (a Niagara history's name). */
  preamble: string[];
  fileName: string;
  /** The header is PI DataLink's "Tag" row. */
  tagRow: boolean;
  /** Units given in a units row, by column. */
  unitRow: (string | null)[];
  detectedFormat: TimestampFormat | null;
}

const isNumeric = (text: string) => parseNumber(text).ok;
const has = (s: CsvShape, re: RegExp) => findColumn(s.columns, re) >= 0;

/** The layout a file has, from its header names and first rows. */
export function recogniseLayout(s: CsvShape): LayoutId {
  const names = s.columns.map(norm);
  const time = findColumn(s.columns, /^(timestamp|time|datetime|date time|t stamp)$/);
  const tag = findColumn(s.columns, TAG_NAMES);
  const value = findColumn(s.columns, VALUE_NAMES);
  const quality = findColumn(s.columns, QUALITY_NAMES);
  if (tag < 0 && value >= 0 && names.includes('status') && (names.includes('trend flags') || statusCells(s))) return 'niagara';
  if (names.includes('tagname') && names.includes('datetime') && value >= 0) return 'aveva';
  if (time >= 0 && tag > time && value >= 0 && quality >= 0 && !names.includes('trend flags')) return 'kepware';
  if (tag === 0 && time > 0 && value > 0 && (quality < 0 || names.some((n) => /^(questionable|annotated|substituted)$/.test(n)))) return 'pi-long';
  if (names[0] === 't stamp') return 'ignition';
  if (looksLong(s)) return 'long';
  // DataLink sheets leave the time column unnamed, or name the columns in a first "Tag" row; PI writes dd-MMM-yy times.
  if (s.tagRow || names[0] === '' || s.detectedFormat === 'DD-MMM-YY' || s.detectedFormat === 'DD-MMM-YYYY') return 'pi-wide';
  return 'wide';
}

function statusCells(s: CsvShape): boolean {
  const status = s.columns.map(norm).indexOf('status');
  return s.data.slice(0, 20).some((r) => /^\{.*\}/.test((r.fields[status] ?? '').trim()));
}

/** Long files have a text column of sensor names beside the time and a numeric value column. */
function looksLong(s: CsvShape): boolean {
  const { columns, data } = s;
  if (columns.length < 3 || columns.length > 8) return false;
  const time = findColumn(columns, /^(time|timestamp|time stamp|t stamp|date|datetime|date time|ts| time)$/);
  const others = columns.map((_, i) => i).filter((i) => i !== Math.max(time, 0));
  if (has(s, TAG_NAMES) && has(s, VALUE_NAMES)) return true;
  const rows = data.slice(0, 50);
  if (rows.length === 0 || columns.length > 6) return false;
  const textual = others.filter((i) => rows.every((r) => (r.fields[i] ?? '').trim() !== '' && !isNumeric(r.fields[i] ?? '')));
  const numeric = others.filter((i) => rows.some((r) => isNumeric(r.fields[i] ?? '')));
  return textual.length >= 1 && numeric.length >= 1;
}

/** The columns a layout needs that the file lacks, for a layout the user chose. */
export function missingColumns(layout: LayoutId, s: CsvShape): string[] {
  const need: [string, RegExp][] =
    layout === 'niagara'
      ? [
          ['Timestamp', /^(timestamp|time)$/],
          ['Status', /^status$/],
          ['Value', VALUE_NAMES],
        ]
      : layout === 'aveva'
        ? [
            ['DateTime', /^(datetime|date time)$/],
            ['TagName', /^(tagname|tag name)$/],
            ['Value', VALUE_NAMES],
          ]
        : layout === 'kepware'
          ? [
              ['Timestamp', /^(timestamp|time)$/],
              ['Tag', TAG_NAMES],
              ['Value', VALUE_NAMES],
            ]
          : layout === 'pi-long'
            ? [
                ['Tag', TAG_NAMES],
                ['Value', VALUE_NAMES],
              ]
            : [];
  return need.filter(([, re]) => !has(s, re)).map(([name]) => name);
}

const keyOf = (name: string, o: ImportOptions) => formatSeriesKey({ measurement: name, tags: {}, field: o.field });

/** Fill the plan's columns, quality and units for a layout. */
export function applyLayout(plan: ImportPlan, s: CsvShape, layout: LayoutId, o: ImportOptions): void {
  plan.layout = layout;
  fillLayout(plan, s, layout, o);
  if (plan.format === 'csv-long' && plan.fixedKey === null) plan.valueUnit = splitHeaderUnit(s.columns[plan.valueColumn] ?? '', true).unit;
}

function fillLayout(plan: ImportPlan, s: CsvShape, layout: LayoutId, o: ImportOptions): void {
  const quality = (column: number, kind: QualityKind): QualityColumn[] => (column >= 0 ? [{ column, kind }] : []);
  const q = (re: RegExp) => findColumn(s.columns, re);
  switch (layout) {
    case 'niagara':
      plan.format = 'csv-long';
      plan.textValues = 'states';
      plan.valueColumn = q(VALUE_NAMES);
      plan.quality = quality(q(/^status$/), 'niagara');
      niagaraSeries(plan, s, o);
      return;
    case 'aveva': {
      plan.format = 'csv-long';
      plan.sensorColumn = q(/^(tagname|tag name)$/);
      plan.valueColumn = q(/^value$/) >= 0 ? q(/^value$/) : q(VALUE_NAMES);
      const opc = q(/^(opcquality|opc quality)$/);
      plan.quality =
        opc >= 0 ? quality(opc, 'opc') : q(/^quality$/) >= 0 ? quality(q(/^quality$/), 'aveva') : quality(q(/^(qualitydetail|quality detail)$/), 'opc');
      plan.unitColumn = q(UNIT_NAMES);
      return;
    }
    case 'kepware':
      plan.format = 'csv-long';
      plan.sensorColumn = q(TAG_NAMES);
      plan.valueColumn = q(VALUE_NAMES);
      plan.quality = quality(q(QUALITY_NAMES), 'text');
      plan.unitColumn = q(UNIT_NAMES);
      return;
    case 'pi-long':
      plan.format = 'csv-long';
      plan.textValues = 'states';
      plan.sensorColumn = q(TAG_NAMES);
      plan.valueColumn = q(VALUE_NAMES);
      plan.quality = [...quality(q(/^questionable$/), 'questionable'), ...quality(q(/^good$/), 'good-flag'), ...quality(q(/^(status|quality)$/), 'text')];
      plan.unitColumn = q(UNIT_NAMES);
      return;
    case 'long':
      plan.format = 'csv-long';
      planLong(plan, s);
      return;
    default:
      plan.format = 'csv-wide';
      plan.textValues = layout === 'pi-wide' ? 'states' : 'known';
      planWide(plan, s, o, layout === 'ignition');
  }
}

function planLong(plan: ImportPlan, s: CsvShape): void {
  const others = s.columns.map((_, i) => i).filter((i) => i !== plan.timeColumn);
  const rows = s.data.slice(0, 50);
  const byName = (re: RegExp, skip: number[] = []) => {
    const i = findColumn(s.columns, re, [plan.timeColumn, ...skip]);
    return i >= 0 ? i : undefined;
  };
  plan.sensorColumn = byName(TAG_NAMES) ?? others.find((i) => rows.length > 0 && rows.every((r) => !isNumeric(r.fields[i] ?? ''))) ?? others[0] ?? -1;
  plan.valueColumn =
    byName(VALUE_NAMES, [plan.sensorColumn]) ??
    others.find((i) => i !== plan.sensorColumn && rows.some((r) => isNumeric(r.fields[i] ?? ''))) ??
    others.find((i) => i !== plan.sensorColumn) ??
    -1;
  const quality = byName(QUALITY_NAMES, [plan.sensorColumn, plan.valueColumn]);
  if (quality !== undefined) plan.quality = [{ column: quality, kind: 'text' }];
  plan.unitColumn = byName(UNIT_NAMES, [plan.sensorColumn, plan.valueColumn]) ?? -1;
  if (plan.sensorColumn < 0 || plan.valueColumn < 0) plan.fatal.push('A long file needs a timestamp, a sensor name and a value column.');
}

/** A column named `<another column> quality` (Ignition) is that column's quality. */
function qualityFor(columns: readonly string[], name: string): number {
  const want = norm(name);
  return columns.findIndex((c) => {
    const m = /^(.*?)[\s._]*(quality|q)$/i.exec(c.trim());
    return m !== null && norm(m[1] as string) === want;
  });
}

function planWide(plan: ImportPlan, s: CsvShape, o: ImportOptions, qualityColumns: boolean): void {
  const seen = new Map<string, number>();
  const qualityOnly = new Set<number>();
  if (qualityColumns) {
    for (const name of s.columns) {
      const qc = qualityFor(s.columns, name);
      if (qc >= 0) qualityOnly.add(qc);
    }
  }
  s.columns.forEach((header, column) => {
    if (column === plan.timeColumn || qualityOnly.has(column)) return;
    if (header === '') {
      plan.warnings.push({ line: plan.headerLine, message: `column ${column + 1} has no name; its values are skipped` });
      return;
    }
    if (/[\r\n]/.test(header)) {
      plan.warnings.push({
        line: plan.headerLine,
        message: `column ${column + 1} (${JSON.stringify(header)}) has a line break in its name; its values are skipped`,
      });
      return;
    }
    const { name, unit } = splitHeaderUnit(header);
    const before = seen.get(name);
    if (before !== undefined) {
      plan.fatal.push(`Columns ${before + 1} and ${column + 1} are both named ${JSON.stringify(name)}: rename one so each sensor has its own name.`);
      return;
    }
    seen.set(name, column);
    const key = keyOf(name, o);
    const tooLong = keyProblem(key);
    if (tooLong) {
      plan.fatal.push(`Column ${column + 1} on line ${plan.headerLine}: ${tooLong}; shorten the column name.`);
      return;
    }
    const unitFromRow = s.unitRow[column];
    if (unitFromRow) plan.units.set(key, unitFromRow);
    else if (unit) plan.units.set(key, unit);
    const qc = qualityColumns ? qualityFor(s.columns, header) : -1;
    plan.sensorColumns.push({ column, key, quality: qc >= 0 ? { column: qc, kind: 'opc' } : null });
  });
  if (plan.sensorColumns.length === 0 && plan.fatal.length === 0) plan.fatal.push('The file has a timestamp column but no sensor columns.');
}

const HISTORY_LINE = /^\s*#?\s*(history(?:\s*id)?|history\s*name|point|name|source)\s*[:=,]\s*"?([^"]+?)"?[\s,;]*$/i;

/** A Niagara file holds one history: named by a title line (`History: /B7/CH1_kW`) or else by the file. */
function niagaraSeries(plan: ImportPlan, s: CsvShape, o: ImportOptions): void {
  const titled = s.preamble.map((l) => HISTORY_LINE.exec(l)?.[2]?.trim()).find((n) => n !== undefined && n !== '');
  const name = titled ?? path.basename(s.fileName, path.extname(s.fileName));
  if (name === '') {
    plan.fatal.push('A Niagara history export is named by its file or a "History:" line, and this one has neither.');
    return;
  }
  const key = keyOf(name, o);
  const tooLong = keyProblem(key);
  if (tooLong) {
    plan.fatal.push(`${tooLong}; rename the file.`);
    return;
  }
  plan.fixedKey = key;
  const valueHeader = s.columns[plan.valueColumn] ?? '';
  const unit = splitHeaderUnit(valueHeader, true).unit;
  if (unit) plan.units.set(key, unit);
}

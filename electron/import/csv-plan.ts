/**
 * Planning a CSV export: the delimiter, title lines before the header, the header, rows that describe the
 * columns (tag and units rows), the layout, and how the timestamps are written.
 */
import type { ImportOptions } from '../../shared/api/source-schemas';
import type { LayoutId } from '../../shared/import/import-layouts';
import { detectTimestampFormat, timestampShape } from '../../shared/time/timestamp-detect';
import { findColumn, META_ROWS, norm, TIME_NAMES } from './column-names';
import { detectDelimiter, modeOf, type CsvRecord } from './csv-split';
import { IMPORT_LIMITS } from './import-limits';
import { headRecords, type FileHead, type ImportPlan } from './import-plan';
import { applyLayout, missingColumns, recogniseLayout, type CsvShape } from './layouts';

const FORCED: Partial<Record<ImportOptions['format'], LayoutId>> = {
  'csv-wide': 'wide',
  'csv-long': 'long',
  'pi-long': 'pi-long',
  'pi-wide': 'pi-wide',
  aveva: 'aveva',
  niagara: 'niagara',
  ignition: 'ignition',
  kepware: 'kepware',
};
const MAX_TITLE_LINES = 10;
const TAG_ROW = /^(tags?|tag ?name|pi tag|pi point|point|points)$/;
const UNIT_ROW = /^(units?|eng\.? ?units?|engunits|engineering units|uom)$/;

/** Title lines before the header hold at most two cells (`History,/B7/CH1_kW`), fewer than the header's. */
function splitTitleLines(records: CsvRecord[]): { preamble: CsvRecord[]; rest: CsvRecord[] } {
  const filled = (r: CsvRecord) => r.fields.filter((f) => f.trim() !== '').length;
  const mode = modeOf(records.slice(0, 30).map((r) => r.fields.length)) ?? 0;
  let i = 0;
  while (i < Math.min(records.length - 1, MAX_TITLE_LINES) && (filled(records[i] as CsvRecord) < 2 || (mode >= 3 && filled(records[i] as CsvRecord) <= 2))) i++;
  return { preamble: records.slice(0, i), rest: records.slice(i) };
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

export function planCsv(head: FileHead, options: ImportOptions, fileName: string, plan: ImportPlan): ImportPlan {
  const delimiter = options.delimiter === 'auto' ? detectDelimiter(head.lines) : options.delimiter;
  if (delimiter === null) {
    plan.fatal.push('Could not tell how columns are separated (tried comma, semicolon and tab): choose the delimiter.');
    return plan;
  }
  plan.delimiter = delimiter;
  const records = headRecords(head, delimiter)
    .filter((e): e is { record: CsvRecord } => 'record' in e)
    .map((e) => e.record);
  const { preamble, rest } = splitTitleLines(records);
  const header = rest[0];
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
  if (looksLikeData(header.fields)) {
    plan.fatal.push(`Line ${header.line} looks like data, not column names: the file needs a header row (a timestamp column, then one column per sensor).`);
    return plan;
  }
  // Rows that describe the columns (PI DataLink's units or descriptor rows) come before the data.
  let first = 1;
  const unitRow: (string | null)[] = [];
  while (first < rest.length && META_ROWS.test(norm((rest[first] as CsvRecord).fields[0] ?? ''))) {
    const row = rest[first] as CsvRecord;
    if (UNIT_ROW.test(norm(row.fields[0] ?? ''))) row.fields.forEach((f, i) => (unitRow[i] = i === 0 || f.trim() === '' ? null : f.trim()));
    first++;
  }
  const data = rest.slice(first);
  plan.dataLine = data[0]?.line ?? (rest[rest.length - 1] as CsvRecord).line + 1;

  const named = findColumn(plan.columns, TIME_NAMES);
  plan.timeColumn = named >= 0 ? named : 0;
  const samples = data.slice(0, 200).map((r) => r.fields[plan.timeColumn] ?? '');
  const detected = detectTimestampFormat(samples, options.timestampFormat);
  const shape: CsvShape = {
    columns: plan.columns,
    data,
    preamble: preamble.map((r) => r.raw),
    fileName,
    tagRow: TAG_ROW.test(norm(plan.columns[0] ?? '')),
    unitRow,
    detectedFormat: detected.format,
  };
  const forced = FORCED[options.format] ?? null;
  const layout = forced ?? recogniseLayout(shape);
  const missing = forced ? missingColumns(forced, shape) : [];
  if (missing.length > 0) {
    plan.fatal.push(`The file has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''}, which this layout needs: choose another layout, or Detect.`);
    return plan;
  }
  applyLayout(plan, shape, layout, options);

  plan.timestampFormat = detected.format;
  plan.epochInferred = options.timestampFormat === 'auto' && detected.epochUnit !== null;
  plan.needsTimeZone = detected.needsTimeZone;
  plan.abbreviations = detected.abbreviations;
  plan.timestampChoices = detected.choices;
  plan.timestampSamples = samples.filter((t) => t.trim() !== '').slice(0, 3);
  if (detected.problem && data.length > 0) plan.fatal.push(`Column "${plan.columns[plan.timeColumn] ?? ''}": ${detected.problem}`);
  return plan;
}

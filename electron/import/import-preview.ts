/**
 * What an import would do, from the head of the file: the format, delimiter and timestamp format
 * found (an inferred epoch unit shows as e.g. "epoch-ms"), whether a zone is needed, the first rows
 * as they would land, and every problem in the head.
 */
import type { ImportPreview, LineProblem } from '../../shared/api/source-schemas';
import { readHead } from './file-rows';
import { fileSize, planParser, resolveOptions, type ImportOptionsInput } from './import-file';
import { headRecords, planImport } from './import-plan';
import { rowDecoder } from './row-decoders';
import { isLineProtocolComment } from './line-protocol-parse';

const SAMPLE_ROWS = 20;

/** Preview the import of a file without writing anything. */
export async function previewImport(file: string, options: ImportOptionsInput, signal?: AbortSignal): Promise<ImportPreview> {
  const o = resolveOptions(options);
  await fileSize(file);
  const head = await readHead(file, signal);
  const plan = planImport(head, o);
  const problems: LineProblem[] = plan.fatal.map((message) => ({ line: plan.headerLine, message }));
  problems.push(...plan.warnings);
  const zoneMissing = plan.needsTimeZone && o.timeZone === undefined;
  if (zoneMissing) problems.push({ line: 0, message: "Timestamps have no UTC offset: choose the time zone they were recorded in (the plant's zone)." });
  const preview: ImportPreview = {
    format: plan.format,
    timestampFormat: plan.timestampFormat ?? 'unknown',
    needsTimeZone: plan.needsTimeZone,
    columns: plan.columns,
    series: plan.sensorColumns.map((s) => s.key),
    sample: [],
    problems,
  };
  if (plan.delimiter !== null) preview.delimiter = plan.delimiter;
  if (plan.fatal.length > 0) return preview;

  // Until a zone is chosen, naive times are decoded as UTC only to show the values; their time stays null.
  const decode = rowDecoder(plan, planParser(plan, o, zoneMissing ? 'UTC' : undefined), o.field);
  const series = new Set(preview.series);
  const rows: { line: number; raw: string; time: number | null; points: Map<string, number> }[] = [];
  let current = new Map<string, number>();
  const sink = {
    point(key: string, _t: number, v: number) {
      current.set(key, v);
      series.add(key);
    },
    problem: (line: number, message: string) => problems.push({ line, message }),
  };
  const visit = (line: number, text: string, fields: string[] | null) => {
    current = new Map();
    const time = decode(line, text, fields, sink);
    if (rows.length < SAMPLE_ROWS) rows.push({ line, raw: text, time: zoneMissing ? null : time, points: current });
  };
  if (plan.format === 'line-protocol') {
    head.lines.forEach((text, i) => {
      if (!isLineProtocolComment(text)) visit(head.firstLine + i, text, null);
    });
  } else {
    let header = true;
    for (const e of headRecords(head, plan.delimiter ?? ',')) {
      if ('error' in e) problems.push(e.error);
      else if (header) header = false;
      else visit(e.record.line, e.record.raw, e.record.fields);
    }
  }
  preview.series = [...series];
  if (plan.format === 'line-protocol') preview.columns = preview.series;
  const order = plan.format === 'csv-long' ? null : preview.series;
  preview.sample = rows.map((r) => ({
    line: r.line,
    raw: r.raw,
    time: r.time === null ? null : new Date(r.time).toISOString(),
    values: order === null ? [...r.points.values()] : order.map((k) => r.points.get(k) ?? null),
  }));
  return preview;
}

/**
 * What an import would do, from the head of each file: the layout, delimiter and timestamp format found
 * (with every format that reads the first timestamps and the instant each makes of them), whether a zone
 * is needed, the first rows as they would land, the gaps per state and every problem in the heads.
 */
import type { ImportPreview, LineProblem } from '../../shared/api/source-schemas';
import { IMPORT_LAYOUTS } from '../../shared/import/import-layouts';
import type { TimestampFormat } from '../../shared/time/timestamp-format';
import type { InstantResult } from '../../shared/time/wall-time';
import { headRecords } from './import-plan';
import { isLineProtocolComment } from './line-protocol-parse';
import { fileSize, planFile, planParser, resolveOptions, type ImportOptionsInput, type PlannedFile } from './plan-file';
import { GapTally, MAX_LISTED_PROBLEMS, shortMessage } from './problem-log';
import { rowDecoder, type RowSink } from './row-decoders';

const SAMPLE_ROWS = 20;
/** Files whose heads the preview reads; the rest are checked when imported. */
const PREVIEW_FILES = 200;

type Row = { line: number; raw: string; time: number | null; points: Map<string, number>; gaps: Map<string, string> };

/** Decode the data rows of a file's head. */
function decodeHead(p: PlannedFile, o: ReturnType<typeof resolveOptions>, sink: RowSink, onRow: (row: Row) => void, onBroken: (problem: LineProblem) => void) {
  const { plan, head } = p;
  const zoneMissing = plan.needsTimeZone && o.timeZone === undefined;
  // Until a zone is chosen, times are read only to show the values (their instants stay unknown).
  const parse = zoneMissing ? lenient(planParser(plan, o, 'UTC')) : planParser(plan, o);
  const decode = rowDecoder(plan, parse, o.field);
  let current = new Map<string, number>();
  let gaps = new Map<string, string>();
  const rowSink: RowSink = {
    ...sink,
    point: (key, t, v) => (current.set(key, v), sink.point(key, t, v)),
    gap: (key, state) => (gaps.set(key, state), sink.gap(key, state)),
  };
  const visit = (line: number, text: string, fields: string[] | null) => {
    current = new Map();
    gaps = new Map();
    const time = decode(line, text, fields, rowSink);
    onRow({ line, raw: text, time: zoneMissing ? null : time, points: current, gaps });
  };
  if (plan.format === 'line-protocol') {
    head.lines.forEach((text, i) => {
      if (!isLineProtocolComment(text)) visit(head.firstLine + i, text, null);
    });
    return;
  }
  for (const e of headRecords(head, plan.delimiter ?? ',')) {
    if ('error' in e) onBroken(e.error);
    else if (e.record.line >= plan.dataLine) visit(e.record.line, e.record.raw, e.record.fields);
  }
}

/** A parser that accepts every text its format reads, whatever the zone says: for values shown before a zone is chosen. */
function lenient(parse: ReturnType<typeof planParser>): ReturnType<typeof planParser> {
  const read = (text: string): InstantResult => {
    const r = parse(text);
    if (r.ok || !/zone|does not happen|is not a name/.test(r.error)) return r;
    return { ok: true, ms: 0 };
  };
  return Object.assign(read, { ms: parse.ms, msIn: parse.msIn });
}

/** What each format that reads the first timestamp makes of it, in the chosen zone. */
function choicesOf(p: PlannedFile, o: ReturnType<typeof resolveOptions>): ImportPreview['timestampChoices'] {
  const first = p.plan.timestampSamples[0];
  return p.plan.timestampChoices.map((c) => {
    let instant: string | null = null;
    if (first !== undefined) {
      try {
        const r = planParser(p.plan, o, undefined, c.format as TimestampFormat)(first);
        if (r.ok) instant = new Date(r.ms).toISOString();
      } catch {
        instant = null;
      }
    }
    return { format: c.format, readable: c.readable, first: instant };
  });
}

/** Preview the import of files (folders already expanded) without writing anything. */
export async function previewImports(files: readonly string[], options: ImportOptionsInput, signal?: AbortSignal): Promise<ImportPreview> {
  const o = resolveOptions(options);
  const many = files.length > 1;
  const planned: PlannedFile[] = [];
  let totalBytes = 0;
  for (const [i, f] of files.entries()) {
    if (i < PREVIEW_FILES) {
      const p = await planFile(f, o, signal);
      planned.push(p);
      totalBytes += p.bytes;
    } else totalBytes += await fileSize(f);
  }
  const main = planned[0] as PlannedFile;
  const problems: LineProblem[] = [];
  const gaps = new GapTally();
  const series = new Set<string>();
  const units: Record<string, string> = {};
  const sample: Row[] = [];
  let rowsRead = 0;
  const fileRows: ImportPreview['files'] = [];
  for (const p of planned) {
    const file = many ? p.file : undefined;
    const add = (line: number, message: string) => {
      if (problems.length >= MAX_LISTED_PROBLEMS) return;
      const m = shortMessage(message);
      problems.push(file === undefined ? { line, message: m } : { line, message: m, file });
    };
    const before = problems.length;
    p.plan.fatal.forEach((m) => add(p.plan.headerLine, m));
    p.blockers.slice(p.plan.fatal.length).forEach((m) => add(0, m));
    p.plan.warnings.forEach((w) => add(w.line, w.message));
    const fileSeries = new Set(p.plan.sensorColumns.map((s) => s.key));
    if (p.plan.fixedKey) fileSeries.add(p.plan.fixedKey);
    for (const [k, u] of p.plan.units) units[k] = u;
    if (p.plan.fatal.length === 0) {
      const sink: RowSink = {
        point: (key) => void fileSeries.add(key),
        problem: add,
        gap: (key, state) => (fileSeries.add(key), gaps.add(state)),
        unit: (key, unit) => void (units[key] = unit),
      };
      decodeHead(
        p,
        o,
        sink,
        (row) => {
          rowsRead++;
          if (p === main && sample.length < SAMPLE_ROWS) sample.push(row);
        },
        (e) => add(e.line, e.message),
      );
    }
    for (const k of fileSeries) series.add(k);
    fileRows.push({ path: p.file, bytes: p.bytes, layout: p.plan.layout, series: fileSeries.size, problems: problems.length - before });
  }
  const { plan } = main;
  const keys = [...series];
  const wide = plan.format !== 'csv-long';
  const order = wide ? (plan.format === 'line-protocol' ? keys : plan.sensorColumns.map((s) => s.key)) : null;
  const preview: ImportPreview = {
    format: plan.format,
    layout: { id: plan.layout, name: IMPORT_LAYOUTS[plan.layout] },
    timestampFormat: plan.timestampFormat ?? 'unknown',
    timestampChoices: choicesOf(main, o),
    timestampSamples: plan.timestampSamples,
    needsTimeZone: plan.needsTimeZone,
    abbreviations: plan.abbreviations,
    columns: plan.format === 'line-protocol' ? keys : plan.columns,
    series: keys,
    units,
    sampleSeries: order ?? [],
    sample: sample.map((r) => ({
      line: r.line,
      raw: r.raw,
      time: r.time === null ? null : new Date(r.time).toISOString(),
      values: order === null ? [...r.points.values()] : order.map((k) => r.points.get(k) ?? null),
      keys: order === null ? [...r.points.keys()] : [],
      gaps: [...r.gaps].map(([series, state]) => ({ series, state })),
    })),
    rowsRead,
    gaps: gaps.list(),
    problems,
    files: fileRows,
    fileCount: files.length,
    totalBytes,
  };
  if (plan.delimiter !== null) preview.delimiter = plan.delimiter;
  return preview;
}

/** Preview the import of one file. */
export async function previewImport(file: string, options: ImportOptionsInput, signal?: AbortSignal): Promise<ImportPreview> {
  return previewImports([file], options, signal);
}

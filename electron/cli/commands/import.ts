import path from 'node:path';
import { ImportOptionsSchema, importFormats, timestampFormats, type ImportPreview, type ImportResult } from '../../../shared/api/source-schemas';
import { importFiles, type ImportProgress } from '../../import/import-files';
import { IMPORT_STORE_MEMORY } from '../../import/import-limits';
import { expandImportPaths } from '../../import/import-paths';
import { previewImports } from '../../import/import-preview';
import { LocalStore } from '../../sources/local/local-store';
import { parseArgs, optionValue } from '../args';
import { UsageError, type CliCommand, type CliIo } from '../cli-types';

const usage = `Usage: twin import --local DIR FILE|FOLDER... [--format ${importFormats.join('|')}]
                   [--tz ZONE] [--timestamps ${timestampFormats.join('|')}]
                   [--ambiguous reject|earlier|later] [--nonexistent reject|shift-forward] [--field NAME]
                   [--delimiter auto|,|;|tab] [--preview] [--json] [--quiet]

Import historian exports into the local store in DIR, all files or nothing. Folders are read for their
.csv, .tsv, .txt and .lp files. Recognised: PI (long and DataLink/SMT wide), AVEVA Historian query results,
Niagara history exports, Ignition tag history, Kepware/IoT Gateway CSV, plain wide or long CSV, and line
protocol. Digital states and bad quality become gaps, counted per state. Timestamps without an offset, or
with a zone abbreviation such as EDT, need --tz; "03/04/2024" needs --timestamps MM/DD/YYYY or DD/MM/YYYY.
Rows that fail to parse are listed with their file and line and skipped. --preview shows how the first rows
would land, writing nothing. Progress goes to stderr; Ctrl+C cancels and imports nothing.`;

function printPreview(preview: ImportPreview, io: CliIo, zone: string | undefined): void {
  io.out(`${preview.layout.name}${preview.delimiter ? ` (delimiter ${JSON.stringify(preview.delimiter)})` : ''}`);
  if (preview.fileCount > 1) io.out(`${preview.fileCount} files`);
  const ask = zone === undefined ? ': give --tz' : `, read in ${zone}`;
  const zoneText = preview.needsTimeZone
    ? preview.abbreviations.length
      ? `, labelled ${preview.abbreviations.join('/')}${ask}`
      : ` without a zone${ask}`
    : '';
  io.out(`timestamps ${preview.timestampFormat}${zoneText}`);
  for (const c of preview.timestampChoices) io.out(`  --timestamps ${c.format}: ${preview.timestampSamples[0] ?? ''} → ${c.first ?? '? (give --tz)'}`);
  io.out(`series: ${preview.series.map((k) => (preview.units[k] ? `${k} [${preview.units[k]}]` : k)).join(', ')}`);
  if (preview.gaps.length) io.out(`gaps in the first ${preview.rowsRead} rows: ${preview.gaps.map((g) => `${g.state} ${g.count}`).join(', ')}`);
  for (const row of preview.sample) {
    const gaps = row.gaps.map((g) => `${g.series}: ${g.state} (gap)`);
    const values = row.keys.length ? row.keys.map((k, i) => `${k}: ${row.values[i]}`) : row.values.map((v) => (v === null ? '—' : String(v)));
    io.out(`  line ${row.line}: ${row.time ?? '?'}  ${[...values, ...gaps].join('  ')}`);
  }
  for (const p of preview.problems) io.err(`  ${p.file ? `${path.basename(p.file)} ` : ''}line ${p.line}: ${p.message}`);
}

function printResult(result: ImportResult, io: CliIo): void {
  const files = result.files.length > 1 ? ` from ${result.files.length} files` : '';
  io.out(
    `Imported ${result.points.toLocaleString('en')} points into ${result.series.length} series${files}${result.duplicates ? ` (${result.duplicates} replaced existing points)` : ''}.`,
  );
  if (result.gapCount) io.out(`Gaps (digital states, bad quality): ${result.gaps.map((g) => `${g.state} ${g.count.toLocaleString('en')}`).join(', ')}.`);
  for (const s of result.skipped.slice(0, 20)) io.err(`  skipped ${s.file ? `${path.basename(s.file)} ` : ''}line ${s.line}: ${s.message}`);
  if (result.skippedCount > 20) io.err(`  …and ${result.skippedCount - 20} more skipped.`);
}

/** Progress on stderr, at most twice a second. */
function progressPrinter(io: CliIo): (p: ImportProgress) => void {
  let last = 0;
  return (p) => {
    const now = Date.now();
    if (now - last < 500 && p.bytesRead < p.totalBytes) return;
    last = now;
    const percent = p.totalBytes ? Math.floor((100 * p.bytesRead) / p.totalBytes) : 100;
    const file = p.files > 1 ? `file ${p.fileIndex + 1}/${p.files} ${path.basename(p.file)}, ` : '';
    io.err(`importing: ${file}${percent}%, ${p.rows.toLocaleString('en')} rows`);
  };
}

/** `twin import`: historian exports into the local store. */
export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Import historian exports (PI, AVEVA, Niagara, Ignition, Kepware, CSV, line protocol) into the local store.',
  usage,
  async run(argv, io) {
    const args = parseArgs(argv, ['local', 'format', 'tz', 'timestamps', 'ambiguous', 'nonexistent', 'field', 'delimiter'], ['preview', 'json', 'quiet']);
    const dir = optionValue(args, 'local');
    if (!dir) throw new UsageError('Name the store with --local DIR.');
    if (args.positional.length === 0) throw new UsageError('Give at least one FILE or FOLDER to import.');
    const delimiter = optionValue(args, 'delimiter');
    const parsed = ImportOptionsSchema.safeParse({
      format: optionValue(args, 'format'),
      timeZone: optionValue(args, 'tz'),
      timestampFormat: optionValue(args, 'timestamps'),
      ambiguousTime: optionValue(args, 'ambiguous'),
      nonexistentTime: optionValue(args, 'nonexistent'),
      field: optionValue(args, 'field'),
      delimiter: delimiter === 'tab' ? '\t' : delimiter,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new UsageError(`--${String(issue?.path[0] ?? 'option')}: ${issue?.message ?? 'invalid'}`);
    }
    const files = await expandImportPaths(args.positional.map((p) => path.resolve(p)));
    if (args.flags.has('preview')) {
      const preview = await previewImports(files, parsed.data);
      if (args.flags.has('json')) io.out(JSON.stringify(preview));
      else printPreview(preview, io, parsed.data.timeZone);
      return preview.problems.length && preview.sample.length === 0 ? 1 : 0;
    }
    const store = await LocalStore.open(path.resolve(dir), { memoryLimit: IMPORT_STORE_MEMORY });
    const abort = new AbortController();
    const onSignal = () => abort.abort();
    process.once('SIGINT', onSignal);
    try {
      const result = await importFiles(store, files, parsed.data, args.flags.has('quiet') ? undefined : progressPrinter(io), abort.signal);
      if (args.flags.has('json')) io.out(JSON.stringify(result));
      else printResult(result, io);
      return 0;
    } catch (e) {
      if (abort.signal.aborted) {
        io.err('Import cancelled: nothing was imported.');
        return 130;
      }
      throw e;
    } finally {
      process.off('SIGINT', onSignal);
      await store.close();
    }
  },
};

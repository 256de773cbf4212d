import path from 'node:path';
import { ImportOptionsSchema, timestampFormats } from '../../../shared/api/source-schemas';
import { importFile } from '../../import/import-file';
import { previewImport } from '../../import/import-preview';
import { LocalStore } from '../../sources/local/local-store';
import { parseArgs, optionValue } from '../args';
import { UsageError, type CliCommand } from '../cli-types';

const usage = `Usage: twin import --local DIR FILE [--format auto|csv-wide|csv-long|line-protocol] [--tz ZONE]
                   [--timestamps ${timestampFormats.join('|')}] [--ambiguous reject|earlier|later]
                   [--nonexistent reject|shift-forward] [--field NAME] [--preview] [--json]

Import a historian export into the local store in DIR, all or nothing. Wide CSV (a time column and one
column per sensor), long CSV (time, sensor, value) and line protocol are recognised. Timestamps without
an offset need --tz; "03/04/2024" needs --timestamps MM/DD/YYYY or DD/MM/YYYY. Rows that fail to parse are
listed with their line numbers and skipped. --preview shows how the first rows would land, writing nothing.`;

/** `twin import`: historian CSV or line protocol into the local store. */
export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Import a historian CSV or line-protocol export into the local store.',
  usage,
  async run(argv, io) {
    const args = parseArgs(argv, ['local', 'format', 'tz', 'timestamps', 'ambiguous', 'nonexistent', 'field', 'delimiter'], ['preview', 'json']);
    const dir = optionValue(args, 'local');
    if (!dir) throw new UsageError('Name the store with --local DIR.');
    if (args.positional.length !== 1) throw new UsageError('Give exactly one FILE to import.');
    const file = path.resolve(args.positional[0] as string);
    const parsed = ImportOptionsSchema.safeParse({
      format: optionValue(args, 'format'),
      timeZone: optionValue(args, 'tz'),
      timestampFormat: optionValue(args, 'timestamps'),
      ambiguousTime: optionValue(args, 'ambiguous'),
      nonexistentTime: optionValue(args, 'nonexistent'),
      field: optionValue(args, 'field'),
      delimiter: optionValue(args, 'delimiter'),
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new UsageError(`--${String(issue?.path[0] ?? 'option')}: ${issue?.message ?? 'invalid'}`);
    }
    if (args.flags.has('preview')) {
      const preview = await previewImport(file, parsed.data);
      if (args.flags.has('json')) io.out(JSON.stringify(preview));
      else {
        io.out(
          `${preview.format}${preview.delimiter ? ` (delimiter ${JSON.stringify(preview.delimiter)})` : ''}, timestamps ${preview.timestampFormat}${preview.needsTimeZone ? ' without a zone: give --tz' : ''}`,
        );
        io.out(`series: ${preview.series.join(', ')}`);
        for (const row of preview.sample) io.out(`  line ${row.line}: ${row.time ?? '?'}  ${row.values.map((v) => (v === null ? '—' : v)).join('  ')}`);
        for (const p of preview.problems) io.err(`  line ${p.line}: ${p.message}`);
      }
      return preview.problems.length && preview.sample.length === 0 ? 1 : 0;
    }
    const store = await LocalStore.open(path.resolve(dir));
    try {
      const result = await importFile(store, file, parsed.data);
      if (args.flags.has('json')) io.out(JSON.stringify(result));
      else {
        io.out(
          `Imported ${result.points.toLocaleString('en')} points into ${result.series.length} series${result.duplicates ? ` (${result.duplicates} replaced existing points)` : ''}.`,
        );
        for (const s of result.skipped.slice(0, 20)) io.err(`  skipped line ${s.line}: ${s.message}`);
        if (result.skippedCount > 20) io.err(`  …and ${result.skippedCount - 20} more skipped.`);
      }
      return 0;
    } finally {
      await store.close();
    }
  },
};

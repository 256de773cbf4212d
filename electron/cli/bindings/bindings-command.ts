import path from 'node:path';
import { applyBindingTable, readBindingTable, writeBindingTable } from '../../../shared/bindings/binding-table';
import { applyDiff } from '../../../shared/twin/diff';
import { documentFromState, stateFromDocument } from '../../../shared/twin/state';
import { checkDocument, hasErrors } from '../../../shared/twin/validate';
import { isTwinError } from '../../../shared/api/errors';
import { writeFileAtomic } from '../../services/project-files/atomic-write';
import { readBoundedFile } from '../../services/project-files/read-project';
import { saveProjectFile } from '../../services/project-files/save-project';
import { optionValue, parseArgs } from '../args';
import { UsageError, type CliCommand, type CliIo } from '../cli-types';
import { openSource, SOURCE_OPTIONS, SOURCE_USAGE, sourceSpec } from '../source-args';
import { CommandFailure, openProjectArg } from './project-arg';
import { projectSourcesServedBy, sessionSourceOf } from './session-source';

const MAX_TABLE_BYTES = 50 * 1024 * 1024;

const usage = `Usage: twin bindings PROJECT --export FILE.csv
       twin bindings PROJECT --import FILE.csv [SOURCE]

The binding table as a spreadsheet: one row per bound sensor with the columns
  series, asset tag, role, unit, trusted, source
--export writes it. --import makes a table the project's bindings, all or nothing: with any problem
(an unknown tag or series, a series twice, a role the asset's kind lacks, a unit of the wrong
dimension, two trusted sensors for one role of an asset) every problem is printed as FILE:LINE: message,
the project is not changed, and the exit status is 1. Series the table adds are checked against SOURCE
when one is given. Sensors the table does not list are unbound; a blank trusted cell keeps what was trusted.

${SOURCE_USAGE}`;

let idCounter = 0;
const newId = () => `s-${Date.now().toString(36)}-${(idCounter++).toString(36)}`;

async function exportTable(project: string, file: string, io: CliIo): Promise<number> {
  const opened = await openProjectArg(project);
  const twin = stateFromDocument(opened.document);
  const csv = writeBindingTable(twin);
  await writeFileAtomic(path.resolve(file), csv);
  const n = csv.split('\r\n').filter(Boolean).length - 1;
  io.out(`Wrote ${n} binding${n === 1 ? '' : 's'} of ${opened.path} to ${path.resolve(file)}.`);
  return 0;
}

async function knownSeries(argv: ReturnType<typeof parseArgs>, doc: Parameters<typeof projectSourcesServedBy>[0], io: CliIo) {
  if (!SOURCE_OPTIONS.some((o) => argv.options.has(o))) return undefined;
  const spec = sourceSpec(argv);
  const served = projectSourcesServedBy(doc, sessionSourceOf(spec));
  const { source, warnings } = await openSource(spec);
  for (const w of warnings) io.err(`warning: ${w}`);
  try {
    const keys = new Set((await source.catalog({ limit: 100_000 })).map((e) => e.key));
    return (projectSource: string) => (served.has(projectSource) ? keys : undefined);
  } finally {
    await source.close();
  }
}

async function importTable(argv: ReturnType<typeof parseArgs>, project: string, file: string, io: CliIo): Promise<number> {
  const opened = await openProjectArg(project);
  const where = path.resolve(file);
  let text: string;
  try {
    text = (await readBoundedFile(where, MAX_TABLE_BYTES, 'read')).bytes.toString('utf8');
  } catch (e) {
    throw new CommandFailure(isTwinError(e) ? e.message : `${where} could not be read: ${(e as Error).message}`, 2);
  }
  const twin = stateFromDocument(opened.document);
  const lookup = await knownSeries(argv, opened.document, io);
  const read = readBindingTable(text, twin, lookup ? { knownSeries: lookup } : {});
  if (read.problems.length) {
    for (const p of read.problems) io.out(`${where}:${p.line}: ${p.message}`);
    io.err(`${read.problems.length} problem${read.problems.length === 1 ? '' : 's'}; ${opened.path} was not changed.`);
    return 1;
  }
  const after = applyDiff(twin, applyBindingTable(twin, read.rows, newId));
  const doc = documentFromState(after);
  const checked = checkDocument(doc);
  if (hasErrors(checked.problems)) {
    for (const p of checked.problems) io.out(`${opened.path}: ${p.path}: ${p.severity}: ${p.message}`);
    io.err(`The table would make the project invalid; ${opened.path} was not changed.`);
    return 1;
  }
  await saveProjectFile(opened.path, doc, opened.fingerprint);
  const before = new Map(opened.document.sensors.map((s) => [s.id, s]));
  const bound = doc.sensors.filter((s) => s.assetId !== null).length;
  const unbound = doc.sensors.filter((s) => s.assetId === null && before.get(s.id)?.assetId).length;
  const added = doc.sensors.filter((s) => !before.has(s.id)).length;
  io.out(
    `Imported ${read.rows.length} binding${read.rows.length === 1 ? '' : 's'} from ${where} into ${opened.path}: ${bound} bound (${added} new), ${unbound} unbound.`,
  );
  if (!lookup && read.unchecked > 0) io.err(`note: ${read.unchecked} series were not checked against a source; give --local DIR or --influx … to check them.`);
  return 0;
}

/** `twin bindings PROJECT --export FILE.csv | --import FILE.csv [SOURCE]`. */
export const bindingsCommand: CliCommand = {
  name: 'bindings',
  summary: 'Export the binding table to CSV, or import one (all or nothing, problems by line).',
  usage,
  async run(argv, io) {
    const args = parseArgs(argv, [...SOURCE_OPTIONS, 'export', 'import']);
    const out = optionValue(args, 'export');
    const inp = optionValue(args, 'import');
    if ((out === undefined) === (inp === undefined)) throw new UsageError('Give either --export FILE.csv or --import FILE.csv.');
    const project = args.positional[0];
    if (!project) throw new UsageError('Name the project file (PLANT.twin.json).');
    try {
      return out !== undefined ? await exportTable(project, out, io) : await importTable(args, project, inp as string, io);
    } catch (e) {
      if (!(e instanceof CommandFailure)) throw e;
      io.err(`twin bindings: ${e.message}`);
      return e.exitCode;
    }
  },
};

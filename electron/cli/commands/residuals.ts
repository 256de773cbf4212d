import { isTwinError } from '../../../shared/api/errors';
import type { ResidualRun } from '../../../shared/api/analysis-schemas';
import { runResiduals } from '../../analysis/residual-service';
import { readProjectFile } from '../../services/project-files/read-project';
import { optionValue, parseArgs } from '../args';
import { UsageError, type CliCommand, type CliIo } from '../cli-types';
import { parseInstantArg } from '../instant-arg';
import { openSource, SOURCE_OPTIONS, SOURCE_USAGE, sourceSpec } from '../source-args';

const usage = `Usage: twin residuals PROJECT SOURCE --model ID --from T --to T [--write] [--tz ZONE] [--json]

Run a residual model of the project over a range: align its inputs on the model's grid (window means), fit
on its training range (the run's range when it has none), predict, and find the alert episodes. --write
stores the results in the source: twin_prediction (actual, predicted, residual) and twin_alert (one point per
episode); running the same model over the same range again replaces them.
--json prints {"fit":{"coefficients":{NAME:N},"r2":N,"residualSpread":N,"rows":N,"droppedRows":N},
"episodes":[{"start":MS,"end":MS,"peak":N,"mean":N,"direction":"high"|"low","detector":"threshold"|"drift"}]}.
Exit status: 0 done, 1 the model, the data or the source has a problem, 2 bad usage or an unreadable project.

${SOURCE_USAGE}`;

const UNREADABLE = ['not-found', 'file-unreadable', 'file-too-large', 'newer-format'];

/** Exactly the JSON the issue names, in its key order. */
export function residualsJson(run: ResidualRun): string {
  const f = run.fit;
  return JSON.stringify({
    fit: { coefficients: f.coefficients, r2: f.r2, residualSpread: f.residualSpread, rows: f.rows, droppedRows: f.droppedRows },
    episodes: run.episodes.map((e) => ({ start: e.start, end: e.end, peak: e.peak, mean: e.mean, direction: e.direction, detector: e.detector })),
  });
}

function num(x: number, digits = 4): string {
  return Number(x.toPrecision(digits)).toLocaleString('en', { maximumSignificantDigits: digits });
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(':00.000Z', 'Z');
}

function humanReport(run: ResidualRun, io: CliIo): void {
  const f = run.fit;
  const unit = run.model.unit ? ` ${run.model.unit}` : '';
  io.out(
    `${run.model.name || run.model.id} (${run.model.id}) on ${run.model.assetTag}: ${run.model.target}, ${iso(run.range.from)} to ${iso(run.range.to)} in ${run.resolutionMs / 60_000}-minute windows`,
  );
  io.out(
    `Fit: R² ${f.r2.toFixed(4)}, residual spread ${num(f.residualSpread, 3)}${unit}, ${f.rows.toLocaleString('en')} rows (${f.droppedRows.toLocaleString('en')} left out), trained on ${f.trainingRows.toLocaleString('en')} rows from ${iso(f.training.from)} to ${iso(f.training.to)}`,
  );
  io.out(
    `  ${Object.entries(f.coefficients)
      .map(([k, v]) => `${k} ${num(v, 5)}`)
      .join(', ')}`,
  );
  for (const d of f.dropped) io.out(`  left out ${d.rows.toLocaleString('en')} rows: ${d.reason}`);
  for (const x of f.extrapolation)
    io.out(
      `  note: ${Math.round(x.outsideFraction * 100)} % of rows have ${x.input} outside its training range (${num(x.trainingMin)} to ${num(x.trainingMax)}); predictions there extrapolate`,
    );
  io.out(`Episodes: ${run.episodes.length}`);
  for (const e of run.episodes) {
    const sign = (v: number) => `${v >= 0 ? '+' : ''}${num(v, 3)}`;
    io.out(
      `  ${e.detector.padEnd(9)} ${e.direction.padEnd(4)} ${iso(e.start)} to ${iso(e.end)}${e.ongoing ? ' (ongoing)' : ''}  peak ${sign(e.peak)}${unit}, mean ${sign(e.mean)}${unit}, alarm at ${iso(e.detectedAt)}`,
    );
  }
}

/** `twin residuals`: the app's residual run from the command line, on the same worker and the same write-back. */
export const residualsCommand: CliCommand = {
  name: 'residuals',
  summary: "Run a project's residual model over a range; print the fit and the alert episodes, optionally write them back.",
  usage,
  async run(argv, io) {
    const args = parseArgs(argv, [...SOURCE_OPTIONS, 'model', 'from', 'to', 'tz'], ['write', 'json']);
    const [project, ...extra] = args.positional;
    if (!project) throw new UsageError('Name the project file: twin residuals PROJECT SOURCE --model ID --from T --to T.');
    if (extra.length) throw new UsageError(`Unexpected argument "${extra[0]}"; give the source with --local or --influx.`);
    const modelId = optionValue(args, 'model');
    if (!modelId) throw new UsageError('Name the model with --model ID (its id in the project\'s "models").');
    const fromText = optionValue(args, 'from');
    const toText = optionValue(args, 'to');
    if (!fromText || !toText) throw new UsageError('Give the range with --from T and --to T.');
    const tz = optionValue(args, 'tz');
    const from = parseInstantArg(fromText, 'from', tz);
    const to = parseInstantArg(toText, 'to', tz);
    if (to <= from) throw new UsageError('--to must be after --from.');
    const spec = sourceSpec(args);
    const json = args.flags.has('json');

    let document;
    try {
      document = (await readProjectFile(project, { anyName: true })).document;
    } catch (e) {
      if (isTwinError(e) && UNREADABLE.includes(e.kind)) {
        io.err(`twin residuals: ${e.message}`);
        return 2;
      }
      throw e;
    }
    const { source, warnings } = await openSource(spec);
    for (const w of warnings) io.err(`warning: ${w}`);
    const abort = new AbortController();
    const onSignal = (): void => abort.abort();
    process.once('SIGINT', onSignal);
    let shown = -1;
    try {
      const where = spec.kind === 'local' ? `the local store in ${spec.dir}` : `InfluxDB at ${spec.profile.url}`;
      const run = await runResiduals(
        { document, modelId, range: { from, to }, write: args.flags.has('write') },
        { fetch: (keys, layout, signal) => source.windows(keys, layout, signal ? { stats: ['mean'], signal } : { stats: ['mean'] }), source, where },
        {
          signal: abort.signal,
          onProgress: (_stage, fraction, message) => {
            const step = Math.floor(fraction * 10);
            if (json || step === shown) return;
            shown = step;
            io.err(`  ${String(step * 10).padStart(3)} %  ${message}`);
          },
        },
      );
      if (json) io.out(residualsJson(run));
      else humanReport(run, io);
      if (run.written) {
        const w = run.written;
        const line = `Wrote ${w.predictions.written.toLocaleString('en')} predictions and ${w.alerts.written} alerts to ${where}, replacing earlier results of ${modelId} from ${iso(w.replaced.from)} to ${iso(w.replaced.to)}.`;
        if (json) io.err(line);
        else io.out(line);
      }
      return 0;
    } finally {
      process.off('SIGINT', onSignal);
      await source.close();
    }
  },
};

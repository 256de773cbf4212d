import { seedDemoData, type SeedProgress, type SeedTarget } from '../../sim/seed';
import { Influx1SeedTarget } from '../../sim/influx1-seed-target';
import { Influx2SeedTarget } from '../../sim/influx2-seed-target';
import { LocalStore } from '../../sources/local/local-store';
import { parseArgs, optionValue } from '../args';
import { UsageError, type CliCommand } from '../cli-types';
import { SOURCE_OPTIONS, SOURCE_USAGE, sourceSpec } from '../source-args';

const usage = `Usage: twin seed SOURCE [--days N] [--json]

Write the demo chilled-water plant's simulated data (one year of 2025 at one minute, 53 sensors, with the
injected faults listed in assets/demo/b7-faults.json) into a source. --days N writes only the last N days.
The app does this by itself into its local store on first start.

${SOURCE_USAGE}`;

/** `twin seed`: the demo plant's data into the local store or an InfluxDB. */
export const seedCommand: CliCommand = {
  name: 'seed',
  summary: "Write the demo plant's year of minute data into a source.",
  usage,
  async run(argv, io) {
    const args = parseArgs(argv, [...SOURCE_OPTIONS, 'days'], ['json']);
    const daysText = optionValue(args, 'days');
    const days = daysText === undefined ? undefined : Number(daysText);
    if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > 365))
      throw new UsageError(`--days must be a whole number from 1 to 365, got "${daysText}".`);
    const spec = sourceSpec(args);
    const abort = new AbortController();
    const onSignal = () => abort.abort();
    process.once('SIGINT', onSignal);

    let target: SeedTarget & { close?(): void | Promise<void>; where?: string };
    if (spec.kind === 'local') target = await LocalStore.open(spec.dir);
    else if (spec.profile.kind === 'influx1') target = new Influx1SeedTarget(spec.profile, { signal: abort.signal });
    else target = new Influx2SeedTarget({ url: spec.profile.url, org: spec.profile.org, bucket: spec.profile.bucket, token: spec.profile.token }, abort.signal);

    let lastPercent = -1;
    const onProgress = (p: SeedProgress) => {
      const percent = Math.floor((p.daysDone / p.daysTotal) * 100);
      if (percent === lastPercent) return;
      lastPercent = percent;
      if (!args.flags.has('json')) io.err(`  ${String(percent).padStart(3)} %  through ${p.through}  ${p.points.toLocaleString('en')} points`);
    };
    try {
      const summary = await seedDemoData(target, { ...(days === undefined ? {} : { days }), onProgress, signal: abort.signal });
      if (args.flags.has('json')) io.out(JSON.stringify(summary));
      else
        io.out(
          `Wrote ${summary.points.toLocaleString('en')} points of ${summary.series} series (${new Date(summary.from).toISOString()} to ${new Date(summary.to).toISOString()}) in ${(summary.elapsedMs / 1000).toFixed(1)} s.`,
        );
      return 0;
    } finally {
      process.off('SIGINT', onSignal);
      await target.close?.();
    }
  },
};

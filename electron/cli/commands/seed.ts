import path from 'node:path';
import { seedDemoData, type SeedProgress, type SeedTarget } from '../../sim/seed';
import { demoFaultPlan } from '../../../shared/sim/fault-plan';
import { groundTruth } from '../../../shared/sim/ground-truth';
import { scenarioFaultPlan } from '../../../shared/sim/scenario-plan';
import { DEMO_SEED } from '../../../shared/sim/simulator';
import { writeFileAtomic } from '../../services/project-files/atomic-write';
import { Influx1SeedTarget } from '../../sim/influx1-seed-target';
import { Influx2SeedTarget } from '../../sim/influx2-seed-target';
import { LocalStore } from '../../sources/local/local-store';
import { parseArgs, optionValue } from '../args';
import { UsageError, type CliCommand } from '../cli-types';
import { SOURCE_OPTIONS, SOURCE_USAGE, sourceSpec } from '../source-args';

const usage = `Usage: twin seed SOURCE [--days N] [--scenario N] [--ground-truth FILE] [--json]

Write the demo chilled-water plant's simulated data (one year of 2025 at one minute, 53 sensors, with the
injected faults listed in assets/demo/b7-faults.json) into a source. --days N writes only the last N days.
The app does this by itself into its local store on first start.
--scenario N writes another year like it: the plant's noise and the faults' dates and severities drawn from
N (condenser fouling of CH-1 or CH-2 at 8–20 % starting between March and October, the other faults moved).
--ground-truth FILE writes what was injected, in the format of assets/demo/b7-faults.json.

${SOURCE_USAGE}`;

/** `twin seed`: the demo plant's data into the local store or an InfluxDB. */
export const seedCommand: CliCommand = {
  name: 'seed',
  summary: "Write the demo plant's year of minute data into a source.",
  usage,
  async run(argv, io) {
    const args = parseArgs(argv, [...SOURCE_OPTIONS, 'days', 'scenario', 'ground-truth'], ['json']);
    const scenarioText = optionValue(args, 'scenario');
    const scenario = scenarioText === undefined ? undefined : Number(scenarioText);
    if (scenario !== undefined && (!/^\d+$/.test(scenarioText ?? '') || !Number.isSafeInteger(scenario)))
      throw new UsageError(`--scenario must be a whole number of 0 or more, got "${scenarioText}".`);
    const truthFile = optionValue(args, 'ground-truth');
    const plan = scenario === undefined ? demoFaultPlan() : scenarioFaultPlan(scenario);
    const seed = scenario === undefined ? DEMO_SEED : scenario;
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
      const summary = await seedDemoData(target, {
        ...(days === undefined ? {} : { days }),
        ...(scenario === undefined ? {} : { seed, plan }),
        onProgress,
        signal: abort.signal,
      });
      if (truthFile) {
        const plant = scenario === undefined ? 'B7 chilled-water plant (Twin Studio demo)' : `B7 chilled-water plant (Twin Studio demo, scenario ${scenario})`;
        const truth = groundTruth(plan, seed, summary.foulingStart ?? plan.fouling.earliest, plant);
        await writeFileAtomic(path.resolve(truthFile), `${JSON.stringify(truth, null, 2)}\n`);
        if (!args.flags.has('json')) io.err(`Wrote the ground truth to ${truthFile}.`);
      }
      if (args.flags.has('json')) {
        const { foulingStart: _start, ...shown } = summary;
        io.out(JSON.stringify(shown));
      } else
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

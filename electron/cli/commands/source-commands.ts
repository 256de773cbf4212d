import { canonicalSeriesKey } from '../../../shared/series/series-key';
import { windowLayout, MAX_WINDOWS } from '../../../shared/series/window-math';
import { parseArgs, optionValue, optionValues } from '../args';
import { UsageError, type CliCommand, type CliIo } from '../cli-types';
import { parseInstantArg } from '../instant-arg';
import { openSource, SOURCE_OPTIONS, SOURCE_USAGE, sourceSpec } from '../source-args';
import type { TimeSeriesSource } from '../../sources/source';
import { unknownSeries } from '../unknown-series';

async function withSource<T>(args: ReturnType<typeof parseArgs>, io: CliIo, work: (source: TimeSeriesSource) => Promise<T>): Promise<T> {
  const { source, warnings } = await openSource(sourceSpec(args));
  for (const w of warnings) io.err(`warning: ${w}`);
  try {
    return await work(source);
  } finally {
    await source.close();
  }
}

/** Thrown (as exit 1) when none of the asked series is in the source; the unknown ones are already named. */
class NoSuchSeries extends Error {}

/**
 * Name on stderr every asked series the source does not have; when it has none of them, there is nothing to
 * show: exit 1. The known ones are still answered (an unknown one comes back empty).
 */
async function reportUnknown(source: TimeSeriesSource, keys: readonly string[], command: string, io: CliIo): Promise<void> {
  const unknown = await unknownSeries(source, keys);
  for (const key of unknown) io.err(`twin ${command}: no series ${JSON.stringify(key)} in the source (twin catalog lists what it has)`);
  if (unknown.length === keys.length) {
    const n = keys.length === 1 ? 'the series asked for is not' : `none of the ${keys.length} series asked for is`;
    throw new NoSuchSeries(`${n} in the source`);
  }
}

function seriesKeys(args: ReturnType<typeof parseArgs>): string[] {
  const keys = optionValues(args, 'series');
  if (!keys.length) throw new UsageError('Name at least one series with --series KEY (e.g. --series "B7_CH1_KW#value").');
  return keys.map((k) => {
    try {
      return canonicalSeriesKey(k);
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
  });
}

const positiveInt = (text: string | undefined, option: string, fallback: number, max: number): number => {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new UsageError(`--${option} must be a whole number from 1 to ${max}, got "${text}".`);
  return n;
};

export const catalogCommand: CliCommand = {
  name: 'catalog',
  summary: 'List the sensors (series keys) a source has.',
  usage: `Usage: twin catalog SOURCE [--search TEXT] [--limit N] [--json]\n\n${SOURCE_USAGE}`,
  async run(argv, io) {
    const args = parseArgs(argv, [...SOURCE_OPTIONS, 'search', 'limit'], ['json']);
    const limit = positiveInt(optionValue(args, 'limit'), 'limit', 100_000, 100_000);
    const search = optionValue(args, 'search');
    const entries = await withSource(args, io, (s) => s.catalog(search === undefined ? { limit } : { search, limit }));
    if (args.flags.has('json')) io.out(JSON.stringify({ series: entries }));
    else {
      for (const e of entries) io.out(`${e.key}${e.unit ? `  [${e.unit}]` : ''}`);
      io.err(`${entries.length} series`);
    }
    return 0;
  },
};

export const queryCommand: CliCommand = {
  name: 'query',
  summary: 'Windows (min, max, mean, first, last, count) of series over a range.',
  usage: `Usage: twin query SOURCE --series KEY... --from T --to T [--points N] [--tz ZONE] [--json]

T is ISO 8601 with Z or an offset, or epoch ms (a wall time needs --tz). Windows start at --from and are
(to - from) / N wide; windows with no points are left out. --points defaults to 1000.

${SOURCE_USAGE}`,
  async run(argv, io) {
    const args = parseArgs(argv, [...SOURCE_OPTIONS, 'from', 'to', 'points', 'tz'], ['json'], ['series']);
    const keys = seriesKeys(args);
    const tz = optionValue(args, 'tz');
    const fromText = optionValue(args, 'from');
    const toText = optionValue(args, 'to');
    if (!fromText || !toText) throw new UsageError('Give the range with --from T and --to T.');
    const from = parseInstantArg(fromText, 'from', tz);
    const to = parseInstantArg(toText, 'to', tz);
    if (to <= from) throw new UsageError('--to must be after --from.');
    const n = positiveInt(optionValue(args, 'points'), 'points', 1000, MAX_WINDOWS);
    const layout = windowLayout({ from, to }, n);
    const series = await withSource(args, io, async (s) => {
      await reportUnknown(s, keys, 'query', io);
      return s.windows(keys, layout);
    });
    if (args.flags.has('json')) io.out(JSON.stringify({ series }));
    else {
      for (const w of series) {
        io.out(`${w.key}: ${w.t.length} windows of ${layout.width} ms`);
        for (let i = 0; i < w.t.length; i++) {
          io.out(
            `  ${new Date(w.t[i] as number).toISOString()}  min ${w.min[i]}  max ${w.max[i]}  mean ${w.mean[i]}  first ${w.first[i]}  last ${w.last[i]}  count ${w.count[i]}`,
          );
        }
      }
    }
    return 0;
  },
};

export const valueAtCommand: CliCommand = {
  name: 'value-at',
  summary: 'The last value of each series at or before an instant.',
  usage: `Usage: twin value-at SOURCE --series KEY... --at T [--tz ZONE] [--json]\n\n${SOURCE_USAGE}`,
  async run(argv, io) {
    const args = parseArgs(argv, [...SOURCE_OPTIONS, 'at', 'tz'], ['json'], ['series']);
    const keys = seriesKeys(args);
    const atText = optionValue(args, 'at');
    if (!atText) throw new UsageError('Give the instant with --at T.');
    const at = parseInstantArg(atText, 'at', optionValue(args, 'tz'));
    const values = await withSource(args, io, async (s) => {
      await reportUnknown(s, keys, 'value-at', io);
      return s.valueAt(keys, at);
    });
    if (args.flags.has('json')) io.out(JSON.stringify({ values }));
    else for (const v of values) io.out(`${v.key}: ${v.value === null ? 'no value' : `${v.value} at ${new Date(v.t as number).toISOString()}`}`);
    return 0;
  },
};

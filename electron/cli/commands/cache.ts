import path from 'node:path';
import { canonicalSeriesKey } from '../../../shared/series/series-key';
import { chooseLevel, ROLLUP_LEVELS_MS, snapLayout, stableEnd } from '../../../shared/series/rollup-math';
import { windowLayout, MAX_WINDOWS } from '../../../shared/series/window-math';
import { LocalStore } from '../../sources/local/local-store';
import { LOCAL_SOURCE_ID } from '../../sources/local-source';
import { SourceChanges } from '../../sources/layers/source-changes';
import { RollupCache } from '../../sources/rollup/rollup-cache';
import { levelName, type FillProgress } from '../../sources/rollup/rollup-filler';
import { sourceIdOf } from '../../sources/source-registry';
import type { TimeSeriesSource } from '../../sources/source';
import { optionValue, optionValues, parseArgs, type ParsedArgs } from '../args';
import { UsageError, type CliCommand, type CliIo } from '../cli-types';
import { defaultDataDir } from '../default-data-dir';
import { parseInstantArg } from '../instant-arg';
import { openSource, SOURCE_OPTIONS, SOURCE_USAGE, sourceSpec } from '../source-args';

const CACHE_OPTIONS = ['data-dir', 'tenant'] as const;

const USAGE = `Usage: twin cache stats   [--data-dir DIR | --local DIR] [--tenant T] [--json]
       twin cache clear   [--data-dir DIR | --local DIR] [--tenant T] [--source ID]
       twin cache fill    SOURCE --series KEY... --from T --to T [--points N | --level L...] [--tenant T]
       twin cache refresh SOURCE [--series KEY...] [--from T --to T] [--tenant T]

The rollup cache keeps, in the local store of the app's data folder, per tenant, source and series, buckets of
${ROLLUP_LEVELS_MS.map(levelName).join(', ')} that answer long ranges at the cost of a short one, also offline.
  stats    its size, bound and age per source
  clear    drop it (for one source id, as "stats" lists them, with --source)
  fill     fill the levels a chart of --points windows (default 1000) over the range uses, or the --level
           buckets given (${ROLLUP_LEVELS_MS.map(levelName).join(', ')}), with progress; run it again to resume
  refresh  forget what is cached of the series over the range (everything by default) and fetch it again

--data-dir DIR is the app's data folder (default ${defaultDataDir()}); --local DIR names a local store folder
instead, which is then the source too. --tenant defaults to "offline", the app's own. Ctrl-C stops a fill;
what is filled stays.

${SOURCE_USAGE}`;

/** The store that holds the cache: --local DIR, or the data folder's. */
function cacheDir(args: ParsedArgs): string {
  const local = optionValue(args, 'local');
  const dataDir = optionValue(args, 'data-dir');
  if (local && dataDir) throw new UsageError('Give either --local (a store folder) or --data-dir (the app data folder), not both.');
  return local ? path.resolve(local) : path.join(path.resolve(dataDir ?? defaultDataDir()), 'local');
}

function formatBytes(n: number): string {
  return n >= 2 ** 30 ? `${(n / 2 ** 30).toFixed(1)} GiB` : n >= 2 ** 20 ? `${(n / 2 ** 20).toFixed(1)} MiB` : `${Math.round(n / 1024)} KiB`;
}

function parseLevel(text: string): number {
  const found = ROLLUP_LEVELS_MS.find((ms) => levelName(ms).replace(' ', '') === text.replace(/\s/g, '').replace(/m$/, 'min'));
  if (found === undefined)
    throw new UsageError(`--level must be one of ${ROLLUP_LEVELS_MS.map((ms) => levelName(ms).replace(' ', '')).join(', ')}, got "${text}".`);
  return found;
}

function keysOf(args: ParsedArgs): string[] {
  return optionValues(args, 'series').map((k) => {
    try {
      return canonicalSeriesKey(k);
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
  });
}

/** Open the cache's store and the source it caches; `work` runs with the source wrapped in the rollup layer. */
async function withCache<T>(args: ParsedArgs, io: CliIo, work: (cache: RollupCache, sourceId: string) => Promise<T>): Promise<T> {
  const tenant = optionValue(args, 'tenant') ?? 'offline';
  // Without a server named, the source is the store's own series.
  const spec = optionValue(args, 'influx') === undefined ? ({ kind: 'local' } as const) : sourceSpec(args);
  const store = await LocalStore.open(cacheDir(args));
  let source: TimeSeriesSource | undefined;
  const cache = new RollupCache(store.rollups, new SourceChanges(), { tenant, recheckEveryMs: 0 });
  try {
    let sourceId = LOCAL_SOURCE_ID;
    if (spec.kind === 'remote') {
      const opened = await openSource(spec);
      for (const w of opened.warnings) io.err(`warning: ${w}`);
      source = opened.source;
      sourceId = sourceIdOf(spec.profile);
    }
    cache.wrap(sourceId, source ?? store);
    return await work(cache, sourceId);
  } finally {
    await cache.close();
    await source?.close();
    await store.close();
  }
}

/** Wait for the fill, printing progress; Ctrl-C cancels (what is filled stays). */
async function followFill(cache: RollupCache, io: CliIo): Promise<FillProgress> {
  let last = '';
  const print = (p: FillProgress) => {
    if (p.message !== last) io.err(p.message);
    last = p.message;
  };
  const off = cache.filler.onProgress(print);
  const onSigint = () => {
    io.err('Stopping: the slices in flight are abandoned, what is filled stays; run the same command again to go on.');
    void cache.cancelFill();
  };
  process.once('SIGINT', onSigint);
  try {
    await cache.idle();
  } finally {
    process.off('SIGINT', onSigint);
    off();
  }
  const p = cache.filler.progress();
  print(p);
  return p;
}

async function stats(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, ['local', ...CACHE_OPTIONS], ['json']);
  const store = await LocalStore.open(cacheDir(args));
  try {
    const cache = new RollupCache(store.rollups, new SourceChanges(), { tenant: optionValue(args, 'tenant') ?? 'offline', recheckEveryMs: 0 });
    const s = cache.stats();
    await cache.close();
    if (args.flags.has('json')) io.out(JSON.stringify(s));
    else {
      io.out(`Rollup cache of tenant "${s.tenant}": ${formatBytes(s.usedBytes)} of ${formatBytes(s.maxBytes)} (all tenants)`);
      if (s.sources.length === 0) io.out('  nothing cached');
      for (const x of s.sources) {
        const age = x.oldestFill === null ? '' : `, filled ${new Date(x.oldestFill).toISOString()} … ${new Date(x.newestFill as number).toISOString()}`;
        io.out(`  ${x.source}: ${x.series} series, ${x.buckets.toLocaleString('en')} buckets, ${formatBytes(x.bytes)}${age}`);
      }
    }
    return 0;
  } finally {
    await store.close();
  }
}

async function clear(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, ['local', 'source', ...CACHE_OPTIONS]);
  const store = await LocalStore.open(cacheDir(args));
  try {
    const cache = new RollupCache(store.rollups, new SourceChanges(), { tenant: optionValue(args, 'tenant') ?? 'offline', recheckEveryMs: 0 });
    const { buckets } = await cache.clear(optionValue(args, 'source'));
    await cache.close();
    io.out(`Dropped ${buckets.toLocaleString('en')} buckets.`);
    return 0;
  } finally {
    await store.close();
  }
}

async function fill(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, [...SOURCE_OPTIONS, ...CACHE_OPTIONS, 'from', 'to', 'points', 'tz'], [], ['series', 'level']);
  const keys = keysOf(args);
  if (keys.length === 0) throw new UsageError('Name the series to fill with --series KEY...');
  const fromText = optionValue(args, 'from');
  const toText = optionValue(args, 'to');
  if (!fromText || !toText) throw new UsageError('Give the range with --from T and --to T.');
  const tz = optionValue(args, 'tz');
  const range = { from: parseInstantArg(fromText, 'from', tz), to: parseInstantArg(toText, 'to', tz) };
  if (range.to <= range.from) throw new UsageError('--to must be after --from.');
  const pointsText = optionValue(args, 'points');
  const points = pointsText === undefined ? 1000 : Number(pointsText);
  if (!Number.isInteger(points) || points < 1 || points > MAX_WINDOWS)
    throw new UsageError(`--points must be a whole number from 1 to ${MAX_WINDOWS}, got "${pointsText}".`);
  const levelTexts = optionValues(args, 'level');
  if (levelTexts.length && pointsText !== undefined) throw new UsageError('Give either --points or --level, not both.');
  const levels = levelTexts.length ? levelTexts.map(parseLevel) : [chooseLevel(windowLayout(range, points).width)];
  if (levels[0] === undefined) {
    io.err(`A chart of ${points} windows over this range is short enough to be answered by the source directly: nothing to fill.`);
    return 0;
  }
  return withCache(args, io, async (cache, sourceId) => {
    for (const level of levels as number[]) {
      const snapped = snapLayout(windowLayout(range, points), level);
      // The newest hour is never cached.
      const to = Math.min(snapped.to, stableEnd(cache.now() - cache.liveEdgeMs, level));
      if (to <= snapped.from) continue;
      const queued = await cache.fill(sourceId, keys, level, { from: snapped.from, to });
      io.err(`${keys.length} series at ${levelName(level)}: ${queued} slice${queued === 1 ? '' : 's'} to fetch.`);
    }
    const p = await followFill(cache, io);
    return p.state === 'idle' ? 0 : 1;
  });
}

async function refresh(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, [...SOURCE_OPTIONS, ...CACHE_OPTIONS, 'from', 'to', 'tz'], [], ['series']);
  const keys = keysOf(args);
  const fromText = optionValue(args, 'from');
  const toText = optionValue(args, 'to');
  if ((fromText === undefined) !== (toText === undefined)) throw new UsageError('Give both --from and --to, or neither (everything).');
  const tz = optionValue(args, 'tz');
  const range = fromText && toText ? { from: parseInstantArg(fromText, 'from', tz), to: parseInstantArg(toText, 'to', tz) } : undefined;
  if (range && range.to <= range.from) throw new UsageError('--to must be after --from.');
  return withCache(args, io, async (cache, sourceId) => {
    const { series } = await cache.refresh(sourceId, range, keys.length ? keys : undefined);
    io.err(`Refreshing ${series} cached series of ${sourceId}.`);
    const p = await followFill(cache, io);
    return p.state === 'idle' ? 0 : 1;
  });
}

export const cacheCommand: CliCommand = {
  name: 'cache',
  summary: 'The rollup cache: stats, clear, fill or refresh what it holds.',
  usage: USAGE,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    switch (sub) {
      case 'stats':
        return stats(rest, io);
      case 'clear':
        return clear(rest, io);
      case 'fill':
        return fill(rest, io);
      case 'refresh':
        return refresh(rest, io);
      default:
        throw new UsageError(sub ? `Unknown cache command "${sub}": use stats, clear, fill or refresh.` : 'Say what to do: stats, clear, fill or refresh.');
    }
  },
};

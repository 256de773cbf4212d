import { flux, fluxDateTime, fluxExpression, type ParameterizedQuery } from '@influxdata/influxdb-client';
import type { SeriesRef } from '../../../shared/series/series-key';
import type { TimeRange, WindowLayout } from '../../../shared/series/types';
import type { WindowStat } from '../source';

/**
 * Flux text for the InfluxDB 2.x source. Every name and time a user chose enters through the client's
 * `flux` template (strings become escaped string literals, integers are checked digit by digit), never by
 * concatenation, so a measurement called `") |> drop(` stays data.
 */

/** Flux's own aggregate for each statistic: a fixed table, so no caller string ever becomes a function name. */
const STAT_FN: Record<WindowStat, ParameterizedQuery> = {
  min: fluxExpression('min'),
  max: fluxExpression('max'),
  mean: fluxExpression('mean'),
  first: fluxExpression('first'),
  last: fluxExpression('last'),
  count: fluxExpression('count'),
};

const EPOCH_0 = 0;

function checkMs(ms: number, what: string): number {
  if (!Number.isSafeInteger(ms)) throw new RangeError(`${what} must be whole epoch milliseconds, got ${String(ms)}`);
  return ms;
}

/** RFC 3339 text of an instant; years outside 0000–9999 cannot be written that way and are refused. */
function isoOf(ms: number, what: string): string {
  const d = new Date(checkMs(ms, what));
  const iso = d.toISOString();
  if (!/^\d{4}-/.test(iso)) throw new RangeError(`${what} ${ms} is outside the years 0000–9999`);
  return iso;
}

/** A Flux time at epoch milliseconds: `time(v: "2024-01-01T00:00:00.000Z")`. */
export function fluxTime(ms: number): ParameterizedQuery {
  return fluxDateTime(isoOf(ms, 'a time'));
}

/**
 * The Flux time one nanosecond after `ms`: a range stopping there includes a point exactly at `ms` but no
 * point written later within the same millisecond (range stops are exclusive).
 */
export function fluxTimeJustAfter(ms: number): ParameterizedQuery {
  return fluxDateTime(isoOf(ms, 'a time').replace(/Z$/, '000001Z'));
}

/** A Flux duration of whole milliseconds, e.g. `60000ms`. */
export function fluxMs(ms: number): ParameterizedQuery {
  if (!Number.isSafeInteger(ms) || ms < 0) throw new RangeError(`a duration must be whole, non-negative milliseconds, got ${String(ms)}`);
  return flux`${ms}ms`;
}

/** `r._measurement == "m" and r._field == "f" and r["tag"] == "v"`: the predicate of one series, tags by bracket so any name works. */
export function seriesPredicate(ref: SeriesRef): ParameterizedQuery {
  let p = flux`r._measurement == ${ref.measurement} and r._field == ${ref.field}`;
  for (const [k, v] of Object.entries(ref.tags)) p = flux`${p} and r[${k}] == ${v}`;
  return flux`(${p})`;
}

/**
 * The predicate of several series joined with `or`. It selects each series and also any series carrying
 * extra tags; results are matched to keys by their full group key afterwards (see flux-rows.ts), since
 * Flux cannot say "no other tags" without knowing the other tag names.
 */
export function seriesFilter(refs: readonly SeriesRef[]): ParameterizedQuery {
  if (refs.length === 0) throw new RangeError('a series filter needs at least one series');
  let p: ParameterizedQuery | undefined;
  for (const ref of refs) p = p ? flux`${p} or ${seriesPredicate(ref)}` : seriesPredicate(ref);
  return p as ParameterizedQuery;
}

function source(bucket: string, start: ParameterizedQuery, stop: ParameterizedQuery, refs: readonly SeriesRef[]): ParameterizedQuery {
  return flux`from(bucket: ${bucket})
  |> range(start: ${start}, stop: ${stop})
  |> filter(fn: (r) => ${seriesFilter(refs)})`;
}

/** Where Flux windows must be shifted so one starts exactly at `layout.from` (windows are aligned to the epoch plus the offset). */
export function windowOffset(layout: WindowLayout): number {
  const w = checkMs(layout.width, 'the window width');
  if (w < 1) throw new RangeError('the window width must be at least 1 ms');
  return ((checkMs(layout.from, 'the range start') % w) + w) % w;
}

/**
 * Windows of one or more series: one `aggregateWindow` branch per requested statistic, each yielding a
 * result named after it. Each branch is a plain `from |> range |> filter |> aggregateWindow(fn)` so the
 * server pushes it down to its storage as a window aggregate (a shared `data = from(...)` variable
 * would give the read several consumers, which the planner does not push down); one HTTP request
 * carries them all. Window starts equal `windowLayout`'s: `offset` aligns them to `layout.from` and
 * `timeSrc: "_start"` stamps each with its start.
 */
export function windowsQuery(bucket: string, refs: readonly SeriesRef[], layout: WindowLayout, stats: readonly WindowStat[]): ParameterizedQuery {
  if (stats.length === 0) throw new RangeError('ask for at least one statistic');
  const every = fluxMs(layout.width);
  const offset = fluxMs(windowOffset(layout));
  const parts: ParameterizedQuery[] = [];
  for (const stat of new Set(stats)) {
    parts.push(flux`${source(bucket, fluxTime(layout.from), fluxTime(layout.to), refs)}
  |> aggregateWindow(every: ${every}, offset: ${offset}, fn: ${STAT_FN[stat]}, createEmpty: false, timeSrc: "_start")
  |> drop(columns: ["_start", "_stop"])
  |> yield(name: ${stat})`);
  }
  return fluxExpression(parts.map(String).join('\n\n'));
}

/** The last point of each series in [start, t] (inclusive of t). */
export function lastAtQuery(bucket: string, refs: readonly SeriesRef[], startMs: number, t: number): ParameterizedQuery {
  return flux`${source(bucket, fluxTime(startMs), fluxTimeJustAfter(t), refs)}
  |> last()
  |> drop(columns: ["_start", "_stop"])`;
}

/** Raw points of a series in [from, to), at most `limit + 1` so the caller can tell the limit cut it short. */
export function rawQuery(bucket: string, ref: SeriesRef, range: TimeRange, limit: number): ParameterizedQuery {
  if (!Number.isSafeInteger(limit) || limit < 0) throw new RangeError(`the limit must be a whole number ≥ 0, got ${String(limit)}`);
  return flux`${source(bucket, fluxTime(range.from), fluxTime(range.to), [ref])}
  |> limit(n: ${limit + 1})
  |> drop(columns: ["_start", "_stop"])`;
}

/**
 * Every series of the bucket with its last point: one row per series (measurement, field, tags and the
 * value's type, so text and boolean fields can be left out). `last()` straight after `range` is pushed
 * down to storage, which reads one block per series; the schema package's functions list tag values per
 * key, not which combinations exist, so they cannot name series.
 */
export function catalogQuery(bucket: string): ParameterizedQuery {
  return flux`from(bucket: ${bucket})
  |> range(start: ${fluxTime(EPOCH_0)})
  |> last()
  |> drop(columns: ["_start", "_stop", "_time"])`;
}

/** A query that reads nothing but fails when the bucket is unknown or the token may not read it. */
export function probeQuery(bucket: string): ParameterizedQuery {
  return flux`from(bucket: ${bucket})
  |> range(start: -1ms)
  |> limit(n: 1)`;
}

import { twinError } from '../../../shared/api/errors';
import type { Influx2Profile } from '../../../shared/api/source-schemas';
import { canonicalSeriesKey, parseSeriesKey, type SeriesRef } from '../../../shared/series/series-key';
import {
  emptyWindows,
  type CatalogEntry,
  type RawPoints,
  type SeriesWindows,
  type TimeRange,
  type ValueAt,
  type WindowLayout,
  type WritePoint,
  type WriteResult,
} from '../../../shared/series/types';
import { ALL_STATS, type CallOptions, type CatalogQuery, type TimeSeriesSource, type WindowStat, type WindowsQuery } from '../source';
import { FluxClient } from './flux-client';
import { isNumericType } from './flux-rows';
import { catalogQuery, lastAtQuery, rawQuery, windowsQuery } from './flux-text';
import { writeBatches, writeLineBatches } from './flux-write';
import { deletePredicate } from './delete-predicate';
import { recordsToLineProtocol } from '../../../shared/series/line-protocol';
import type { DeleteSelection, WriteRecord } from '../../../shared/series/write-record';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** valueAt looks back this far first, then further: most instants have a point within the hour, and a bounded `last()` is cheap. */
const LOOKBACKS = [HOUR, DAY, 30 * DAY] as const;
const LONGEST_LOOKBACK = 30 * DAY;
/** Requests in flight at once for one call: parallel queries finish sooner than one big one, without flooding the server. */
const CONCURRENCY = 4;
/** Series per valueAt query, so the filter stays a readable size. */
const VALUE_AT_CHUNK = 50;

async function forEachLimited<T>(items: readonly T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await run(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Canonical key → parsed series, for the distinct keys asked for; an invalid key is the caller's mistake. */
function parseKeys(keys: readonly string[]): Map<string, SeriesRef> {
  const refs = new Map<string, SeriesRef>();
  for (const key of keys) {
    try {
      const canonical = canonicalSeriesKey(key);
      if (!refs.has(canonical)) refs.set(canonical, parseSeriesKey(canonical));
    } catch (e) {
      throw twinError('invalid-input', `${(e as Error).message}. Fix the series key or pick the sensor from the catalog.`, { where: key });
    }
  }
  return refs;
}

function checkLayout(layout: WindowLayout): void {
  const ok = [layout.from, layout.to, layout.width, layout.n].every(Number.isSafeInteger) && layout.to > layout.from && layout.width >= 1;
  if (!ok)
    throw twinError(
      'invalid-input',
      `The window layout ${JSON.stringify(layout)} is not whole milliseconds with "to" after "from"; build it with windowLayout().`,
    );
}

function checkRange(range: TimeRange): void {
  if (!Number.isSafeInteger(range.from) || !Number.isSafeInteger(range.to) || range.to <= range.from) {
    throw twinError('invalid-input', `The range ${JSON.stringify(range)} must be whole epoch milliseconds with "to" after "from".`);
  }
}

type WindowRow = Partial<Record<WindowStat, number>>;

/** Windows in time order; statistics that were not asked for are NaN. */
function toSeriesWindows(key: string, rows: Map<number, WindowRow>): SeriesWindows {
  const out = emptyWindows(key);
  for (const t of [...rows.keys()].sort((a, b) => a - b)) {
    const r = rows.get(t) as WindowRow;
    out.t.push(t);
    for (const stat of ALL_STATS) out[stat].push(r[stat] ?? Number.NaN);
  }
  return out;
}

/** InfluxDB 2.x / Cloud / 1.8+ through Flux (docs/architecture.md, "One request, from a component to a source"). */
export class Influx2Source implements TimeSeriesSource {
  readonly kind = 'influx2' as const;
  private readonly client: FluxClient;

  constructor(private readonly profile: Influx2Profile) {
    this.client = new FluxClient({ url: profile.url, org: profile.org, bucket: profile.bucket, token: profile.token, timeoutMs: profile.timeoutMs });
  }

  /** host:port of the server, for messages. */
  get where(): string {
    return this.client.where;
  }

  /** The connection, for the connection check. */
  get connection(): FluxClient {
    return this.client;
  }

  async catalog(query: CatalogQuery = {}): Promise<CatalogEntry[]> {
    const limit = query.limit ?? Number.POSITIVE_INFINITY;
    if (!(limit >= 0)) throw twinError('invalid-input', `The catalog limit must be 0 or more, got ${String(query.limit)}.`);
    const needle = (query.search ?? '').trim().toLowerCase();
    const seen = new Set<string>();
    const out: CatalogEntry[] = [];
    if (limit === 0) return out;
    await this.client.query(catalogQuery(this.profile.bucket), `Listing the series of bucket "${this.profile.bucket}"`, query.signal, (p) => {
      // Text and boolean fields cannot be aggregated into windows, so they are not offered as sensors.
      if (!isNumericType(p.valueType) || seen.has(p.key)) return true;
      seen.add(p.key);
      const haystack = [p.key, p.measurement, p.field, ...Object.values(p.tags)].map((s) => s.toLowerCase());
      if (needle !== '' && !haystack.some((s) => s.includes(needle))) return true;
      out.push({ key: p.key, measurement: p.measurement, field: p.field, tags: p.tags });
      return out.length < limit;
    });
    return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  async windows(keys: readonly string[], layout: WindowLayout, query: WindowsQuery = {}): Promise<SeriesWindows[]> {
    checkLayout(layout);
    const stats = query.stats && query.stats.length > 0 ? [...new Set(query.stats)] : [...ALL_STATS];
    const refs = parseKeys(keys);
    const found = new Map<string, SeriesWindows>();
    await forEachLimited([...refs], CONCURRENCY, async ([canonical, ref]) => {
      const rows = new Map<number, WindowRow>();
      await this.client.query(windowsQuery(this.profile.bucket, [ref], layout, stats), `Reading windows of ${canonical}`, query.signal, (p) => {
        // Rows of series that carry extra tags match the filter too; only the exact series counts.
        if (p.key !== canonical || p.t === null || p.v === null) return;
        const stat = p.result as WindowStat;
        if (!stats.includes(stat)) return;
        if (p.t < layout.from || p.t >= layout.to || (p.t - layout.from) % layout.width !== 0) {
          throw twinError(
            'malformed-response',
            `InfluxDB at ${this.where} returned a window starting at ${new Date(p.t).toISOString()} for ${canonical}, which is not on the requested layout (every ${layout.width} ms from ${new Date(layout.from).toISOString()}). The server may not support aggregateWindow's offset; upgrade it.`,
            { where: this.where },
          );
        }
        const row = rows.get(p.t) ?? {};
        row[stat] = p.v;
        rows.set(p.t, row);
      });
      found.set(canonical, toSeriesWindows(canonical, rows));
    });
    return keys.map((key) => ({ ...(found.get(canonicalSeriesKey(key)) ?? emptyWindows(key)), key }));
  }

  async valueAt(keys: readonly string[], t: number, options: CallOptions = {}): Promise<ValueAt[]> {
    if (!Number.isSafeInteger(t)) throw twinError('invalid-input', `The instant ${String(t)} must be whole epoch milliseconds.`);
    const refs = parseKeys(keys);
    const found = new Map<string, { t: number; value: number | null }>();
    const starts: number[] = LOOKBACKS.map((back) => t - back);
    // Then everything since 1970; earlier data is only reached within the last lookback.
    if (t - LONGEST_LOOKBACK > 0) starts.push(0);
    for (const start of starts) {
      const pending = [...refs].filter(([canonical]) => !found.has(canonical));
      if (pending.length === 0) break;
      await forEachLimited(chunks(pending, VALUE_AT_CHUNK), CONCURRENCY, async (chunk) => {
        const wanted = new Set(chunk.map(([canonical]) => canonical));
        const query = lastAtQuery(
          this.profile.bucket,
          chunk.map(([, ref]) => ref),
          start,
          t,
        );
        await this.client.query(query, `Reading the values at ${new Date(t).toISOString()}`, options.signal, (p) => {
          if (!wanted.has(p.key) || p.t === null) return;
          const prev = found.get(p.key);
          // A series split over several tables has one last() per table: keep the latest.
          if (!prev || p.t > prev.t) found.set(p.key, { t: p.t, value: p.v });
        });
      });
    }
    return keys.map((key) => {
      const hit = found.get(canonicalSeriesKey(key));
      return { key, t: hit ? hit.t : null, value: hit ? hit.value : null };
    });
  }

  async raw(key: string, range: TimeRange, limit: number, options: CallOptions = {}): Promise<RawPoints> {
    checkRange(range);
    if (!Number.isSafeInteger(limit) || limit < 0) throw twinError('invalid-input', `The point limit must be a whole number ≥ 0, got ${String(limit)}.`);
    const [[canonical, ref]] = [...parseKeys([key])] as [[string, SeriesRef]];
    const points: { t: number; v: number }[] = [];
    await this.client.query(rawQuery(this.profile.bucket, ref, range, limit), `Reading raw points of ${canonical}`, options.signal, (p) => {
      if (p.key !== canonical || p.t === null || p.v === null) return;
      points.push({ t: p.t, v: p.v });
    });
    points.sort((a, b) => a.t - b.t);
    const kept = points.slice(0, limit);
    return { key, t: kept.map((p) => p.t), v: kept.map((p) => p.v), truncated: points.length > limit };
  }

  write(points: readonly WritePoint[], options: CallOptions = {}): Promise<WriteResult> {
    return writeBatches(this.client, points, options.signal);
  }

  writeRecords(records: readonly WriteRecord[], options: CallOptions = {}): Promise<WriteResult> {
    return writeLineBatches(this.client, recordsToLineProtocol(records, 'ms'), options.signal);
  }

  /** Through `/api/v2/delete` (2.x and 1.8): the predicate names the measurement and tags, start and stop are inclusive. */
  async deleteRange(selection: DeleteSelection, options: CallOptions = {}): Promise<void> {
    checkRange({ from: selection.from, to: selection.to });
    const body = JSON.stringify({
      start: new Date(selection.from).toISOString(),
      stop: new Date(selection.to - 1).toISOString(),
      predicate: deletePredicate(selection),
    });
    const path = `/api/v2/delete?org=${encodeURIComponent(this.profile.org)}&bucket=${encodeURIComponent(this.profile.bucket)}`;
    const doing = `Deleting earlier ${selection.measurement} points from bucket "${this.profile.bucket}"`;
    const res = await this.client.request('POST', path, body, doing, options.signal, { 'content-type': 'application/json' });
    if (res.status < 200 || res.status >= 300) throw this.client.failure(res, doing);
  }

  async close(): Promise<void> {
    this.client.close();
  }
}

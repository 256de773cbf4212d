import { isTwinError, twinError, TwinError } from '../../../shared/api/errors';
import type { Influx1Profile } from '../../../shared/api/source-schemas';
import { recordsToLineProtocol, toLineProtocol } from '../../../shared/series/line-protocol';
import type { DeleteSelection, WriteRecord } from '../../../shared/series/write-record';
import { parseSeriesKey, type SeriesRef } from '../../../shared/series/series-key';
import type { CatalogEntry, RawPoints, SeriesWindows, TimeRange, ValueAt, WindowLayout, WritePoint, WriteResult } from '../../../shared/series/types';
import { ALL_STATS, type CallOptions, type CatalogQuery, type TimeSeriesSource, type WindowsQuery } from '../source';
import { abortError, statusFailure, unknownDatabase } from '../http-failure';
import { catalogEntries, CATALOG_STATEMENTS } from './catalog-query';
import { Influx1Http } from './influx1-http';
import { statementFailure, type StatementResult } from './query-response';
import { rawStatement, parseRaw } from './raw-query';
import { pickSeries, selectSeries, type Selection } from './series-selector';
import { TagKeyCache } from './tag-keys';
import { mapPool } from './task-pool';
import { chunksByKey, LOOKBACK_STEPS_MS, parseValueAt, VALUE_AT_SERIES_PER_STATEMENT, valueAtGroupStatement } from './value-at-query';
import { mergeWindows, parseWindows, splitStats, windowsStatement } from './windows-query';
import { deleteStatement } from './delete-statement';
import { addOutcomes, batchOutcome, INFLUX1_PRECISION, isBatchOutcome, WRITE_BATCH_POINTS } from './write-batches';

export interface Influx1SourceOptions {
  /** Per-series queries in flight at once (default 16). */
  concurrency?: number;
  /** valueAt statements (each for up to VALUE_AT_SERIES_PER_STATEMENT series) sent in one /query request (default 10). */
  valueAtStatementsPerRequest?: number;
  /** Points per /write request (default 5,000). */
  writeBatchPoints?: number;
  /** /write requests in flight at once (default 4). */
  writeConcurrency?: number;
}

/** Most raw points one call may ask for. */
export const MAX_RAW_LIMIT = 1_000_000;

interface Parsed {
  key: string;
  ref: SeriesRef;
}

/** InfluxDB 1.x through InfluxQL over HTTP: the TimeSeriesSource for `influx1` profiles. */
export class Influx1Source implements TimeSeriesSource {
  readonly kind = 'influx1' as const;
  readonly http: Influx1Http;
  private readonly tagKeys: TagKeyCache;
  private readonly concurrency: number;
  private readonly valueAtPerRequest: number;
  private readonly writeBatchPoints: number;
  private readonly writeConcurrency: number;
  private closed = false;

  constructor(
    profile: Pick<Influx1Profile, 'url' | 'database' | 'retentionPolicy' | 'username' | 'password' | 'token' | 'timeoutMs'>,
    options: Influx1SourceOptions = {},
  ) {
    this.http = new Influx1Http(profile);
    this.tagKeys = new TagKeyCache(this.http);
    this.concurrency = options.concurrency ?? 16;
    this.valueAtPerRequest = options.valueAtStatementsPerRequest ?? 10;
    this.writeBatchPoints = options.writeBatchPoints ?? WRITE_BATCH_POINTS;
    this.writeConcurrency = options.writeConcurrency ?? 4;
  }

  private open(signal: AbortSignal | undefined): void {
    if (this.closed) throw twinError('cancelled', `The InfluxDB source at ${this.http.where} was closed.`, { where: this.http.where });
    if (signal?.aborted) throw abortError();
  }

  private parse(key: string): Parsed {
    try {
      return { key, ref: parseSeriesKey(key) };
    } catch (e) {
      throw twinError('invalid-input', (e as Error).message, { where: key });
    }
  }

  private async selection(ref: SeriesRef, signal: AbortSignal | undefined): Promise<{ selection: Selection; tagKeys: string[] }> {
    const tagKeys = await this.tagKeys.get(ref.measurement, signal);
    return { selection: selectSeries(ref, tagKeys, this.http.database, this.http.retentionPolicy), tagKeys };
  }

  /** A statement's series, or its error as a TwinError naming the series key. */
  private seriesOf(result: StatementResult | undefined, key: string): StatementResult['series'] {
    if (!result) return [];
    if (result.error !== undefined) {
      throw statementFailure(result.error, this.http.responseContext(), key);
    }
    return result.series;
  }

  /** Keep exactly the key's series; a tag key met for the first time makes the next query re-read tag keys. */
  private pick(series: StatementResult['series'], p: Parsed, tagKeys: readonly string[]): StatementResult['series'][number] | undefined {
    const { match, unknownTagKeys } = pickSeries(series, p.ref, tagKeys);
    if (unknownTagKeys) this.tagKeys.forget(p.ref.measurement);
    return match;
  }

  async catalog(query: CatalogQuery = {}): Promise<CatalogEntry[]> {
    this.open(query.signal);
    const [fields, series] = await this.http.query(CATALOG_STATEMENTS, { signal: query.signal });
    const ctx = this.http.responseContext();
    for (const r of [fields, series]) {
      if (r?.error === undefined) continue;
      // 1.6 answers SHOW FIELD KEYS on a missing database with "not executed", naming no cause.
      if (/not executed/i.test(r.error) && !(await this.databaseExists(query.signal))) throw unknownDatabase(ctx);
      throw statementFailure(r.error, ctx);
    }
    return catalogEntries(fields ?? { series: [], error: undefined }, series ?? { series: [], error: undefined }, query.search, query.limit);
  }

  private async databaseExists(signal: AbortSignal | undefined): Promise<boolean> {
    const dbs = await this.http.queryOne('SHOW DATABASES', { signal }, undefined);
    return dbs.series.some((s) => (s.values ?? []).some((row) => row[0] === this.http.database));
  }

  async windows(keys: readonly string[], layout: WindowLayout, query: WindowsQuery = {}): Promise<SeriesWindows[]> {
    this.open(query.signal);
    const stats = query.stats && query.stats.length ? [...new Set(query.stats)] : [...ALL_STATS];
    const parsed = keys.map((k) => this.parse(k));
    // 1.6 computes first()/last() far slower alongside the aggregates than on their own; as two statements
    // in parallel a one-sensor envelope takes about 0.7× the time (measured: 320 vs 463 ms per sensor-year).
    const groups = splitStats(stats);
    const tasks = parsed.flatMap((p, i) => groups.map((g) => ({ p, i, g })));
    const parts = await mapPool(tasks, this.concurrency, async ({ p, g }) => {
      const { selection, tagKeys } = await this.selection(p.ref, query.signal);
      const [result] = await this.http.query([windowsStatement(p.ref, selection, layout, g)], { signal: query.signal });
      return parseWindows(p.key, this.pick(this.seriesOf(result, p.key), p, tagKeys), g, layout);
    });
    return parsed.map((_, i) => mergeWindows(parts.filter((_, k) => (tasks[k] as { i: number }).i === i)));
  }

  async valueAt(keys: readonly string[], t: number, options: CallOptions = {}): Promise<ValueAt[]> {
    this.open(options.signal);
    if (!Number.isSafeInteger(t)) throw twinError('invalid-input', `The instant ${t} is not whole epoch milliseconds.`);
    const parsed = keys.map((k) => this.parse(k));
    const selections = await Promise.all(parsed.map((p) => this.selection(p.ref, options.signal)));
    const out: ValueAt[] = parsed.map((p) => ({ key: p.key, t: null, value: null }));
    let pending = parsed.map((_, i) => i);
    // Widen the look-back only for the series that had no point in the narrower window.
    for (const step of LOOKBACK_STEPS_MS) {
      if (pending.length === 0) break;
      // Series of one measurement and field share a statement (up to VALUE_AT_SERIES_PER_STATEMENT of them).
      const statements = chunksByKey(
        pending,
        (i) => `${(selections[i] as { selection: Selection }).selection.from}\u0000${(parsed[i] as Parsed).ref.field}`,
        VALUE_AT_SERIES_PER_STATEMENT,
      );
      const requests: number[][][] = [];
      for (let i = 0; i < statements.length; i += this.valueAtPerRequest) requests.push(statements.slice(i, i + this.valueAtPerRequest));
      const found = await mapPool(requests, this.concurrency, async (request) => {
        const text = request.map((members) =>
          valueAtGroupStatement(
            (parsed[members[0] as number] as Parsed).ref.field,
            members.map((i) => (selections[i] as { selection: Selection }).selection),
            t,
            step,
          ),
        );
        const results = await this.http.query(text, { signal: options.signal });
        return request.flatMap((members, j) => {
          const named = (parsed[members[0] as number] as Parsed).key;
          const series = this.seriesOf(results[j], members.length === 1 ? named : `${named} and ${members.length - 1} more`);
          return members.map((i) => {
            const p = parsed[i] as Parsed;
            const value = parseValueAt(this.pick(series, p, (selections[i] as { tagKeys: string[] }).tagKeys));
            if (value) out[i] = { key: p.key, t: value.t, value: value.value };
            return value ? -1 : i;
          });
        });
      });
      pending = found.flat().filter((i) => i >= 0);
    }
    return out;
  }

  async raw(key: string, range: TimeRange, limit: number, options: CallOptions = {}): Promise<RawPoints> {
    this.open(options.signal);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_RAW_LIMIT)
      throw twinError('invalid-input', `The raw point limit must be a whole number from 1 to ${MAX_RAW_LIMIT}, got ${limit}.`);
    if (!(range.to > range.from)) throw twinError('invalid-input', 'The range must end after it starts.');
    const p = this.parse(key);
    const { selection, tagKeys } = await this.selection(p.ref, options.signal);
    const [result] = await this.http.query([rawStatement(p.ref, selection, range, limit)], { signal: options.signal });
    return parseRaw(p.key, this.pick(this.seriesOf(result, p.key), p, tagKeys), limit);
  }

  async write(points: readonly WritePoint[], options: CallOptions = {}): Promise<WriteResult> {
    this.open(options.signal);
    // Every point is checked before anything is sent: a name line protocol cannot carry fails the call whole.
    return this.sendLines(toLineProtocol(points, 'ms'), options);
  }

  async writeRecords(records: readonly WriteRecord[], options: CallOptions = {}): Promise<WriteResult> {
    this.open(options.signal);
    return this.sendLines(recordsToLineProtocol(records, 'ms'), options);
  }

  async deleteRange(selection: DeleteSelection, options: CallOptions = {}): Promise<void> {
    this.open(options.signal);
    const [result] = await this.http.query([deleteStatement(selection)], { signal: options.signal });
    if (result?.error !== undefined) throw statementFailure(result.error, this.http.responseContext());
  }

  /** Send lines in batches, several in flight; a failure after some landed is a `partial-write` saying how many. */
  private async sendLines(lines: readonly string[], options: CallOptions): Promise<WriteResult> {
    const batches: string[][] = [];
    for (let i = 0; i < lines.length; i += this.writeBatchPoints) batches.push(lines.slice(i, i + this.writeBatchPoints));
    let total: WriteResult = { written: 0, dropped: 0, errors: [] };
    try {
      await mapPool(batches, this.writeConcurrency, async (batch) => {
        const res = await this.http.write(batch.join('\n'), INFLUX1_PRECISION.ms, { signal: options.signal });
        if (!isBatchOutcome(res.status, res.body)) {
          throw statusFailure(res.status, res.body, {
            where: this.http.where,
            server: 'InfluxDB',
            timeoutMs: this.http.timeoutMs,
            action: 'write',
            database: this.http.database,
            redactor: this.http.redactor,
          });
        }
        total = addOutcomes(total, batchOutcome(res.status, res.body, batch.length, this.http.redactor));
      });
    } catch (e) {
      if (total.written === 0 || !(isTwinError(e) || (e instanceof Error && e.name === 'AbortError'))) throw e;
      const lost = lines.length - total.written;
      const cause = e instanceof TwinError ? e.message : 'The write was cancelled.';
      throw twinError(
        'partial-write',
        `${total.written} of ${lines.length} points were written to InfluxDB at ${this.http.where} before the write stopped; ${lost} were not. ${cause}`,
        {
          where: this.http.where,
          details: { written: total.written, dropped: lost, errors: total.errors },
        },
      );
    }
    return total;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.http.abortAll();
  }
}

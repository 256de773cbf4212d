import type { Influx1Profile } from '../../shared/api/source-schemas';
import { twinError } from '../../shared/api/errors';
import { toLineProtocol } from '../../shared/series/line-protocol';
import type { WritePoint } from '../../shared/series/types';
import { statusFailure } from '../sources/http-failure';
import { Influx1Http } from '../sources/influx1/influx1-http';
import { INFLUX1_PRECISION, batchOutcome, isBatchOutcome } from '../sources/influx1/write-batches';
import type { SeedTarget } from './seed';

export interface Influx1SeedOptions {
  /** Points per /write request (default 50,000: about 2 MB, well under influxd's 25 MB body limit). */
  batchPoints?: number;
  /** /write requests in flight at once (default 3). */
  concurrency?: number;
  signal?: AbortSignal;
}

/**
 * Seeds an InfluxDB 1.x through /write?db=…&precision=ms: line protocol from the one serializer, big
 * batches, a few requests in flight while the simulator makes the next chunk. Partial writes are counted,
 * and reported by `flush()` as what landed and what did not.
 */
export class Influx1SeedTarget implements SeedTarget {
  written = 0;
  dropped = 0;
  readonly errors: string[] = [];
  private readonly http: Influx1Http;
  private readonly batchPoints: number;
  private readonly concurrency: number;
  private readonly inFlight = new Set<Promise<void>>();
  private pending: WritePoint[] = [];
  private failure: unknown;

  constructor(
    profile: Pick<Influx1Profile, 'url' | 'database'> & Partial<Pick<Influx1Profile, 'retentionPolicy' | 'username' | 'password' | 'token' | 'timeoutMs'>>,
    private readonly options: Influx1SeedOptions = {},
  ) {
    this.http = new Influx1Http({ timeoutMs: 120_000, ...profile });
    this.batchPoints = options.batchPoints ?? 50_000;
    this.concurrency = options.concurrency ?? 3;
  }

  /** host:port of the server, for messages. */
  get where(): string {
    return this.http.where;
  }

  async appendColumns(batch: { key: string; t: Float64Array; v: Float64Array }[]): Promise<void> {
    for (const { key, t, v } of batch) {
      for (let i = 0; i < t.length; i++) {
        this.pending.push({ key, t: t[i] as number, value: v[i] as number });
        if (this.pending.length >= this.batchPoints) await this.send();
      }
    }
  }

  async flush(): Promise<void> {
    if (this.pending.length > 0) await this.send();
    await Promise.all(this.inFlight);
    this.throwIfFailed();
    if (this.dropped > 0) {
      throw twinError(
        'partial-write',
        `InfluxDB at ${this.where} kept ${this.written} points and dropped ${this.dropped}: ${this.errors[0] ?? 'no reason given'}`,
        {
          where: this.where,
          details: { written: this.written, dropped: this.dropped, errors: this.errors.slice(0, 20) },
        },
      );
    }
  }

  private throwIfFailed(): void {
    if (this.failure !== undefined) throw this.failure;
  }

  /** Serialize the pending points and post them once a request slot is free (the caller waits for the slot, not the answer). */
  private async send(): Promise<void> {
    this.throwIfFailed();
    const lines = toLineProtocol(this.pending, 'ms');
    this.pending = [];
    while (this.inFlight.size >= this.concurrency) await Promise.race(this.inFlight);
    this.throwIfFailed();
    const request = this.post(lines).catch((e: unknown) => {
      this.failure ??= e;
    });
    this.inFlight.add(request);
    void request.finally(() => this.inFlight.delete(request));
  }

  private async post(lines: string[]): Promise<void> {
    const res = await this.http.write(lines.join('\n'), INFLUX1_PRECISION.ms, { signal: this.options.signal });
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
    const outcome = batchOutcome(res.status, res.body, lines.length, this.http.redactor);
    this.written += outcome.written;
    this.dropped += outcome.dropped;
    this.errors.push(...outcome.errors);
  }
}

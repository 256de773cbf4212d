import { twinError } from '../../shared/api/errors';
import type { WritePoint } from '../../shared/series/types';
import type { FluxEndpoint } from '../sources/influx2/flux-client';
import { FluxClient } from '../sources/influx2/flux-client';
import { writeBatches } from '../sources/influx2/flux-write';
import type { SeedTarget } from './seed';

/**
 * Seeds an InfluxDB 2.x / Cloud / 1.8+ bucket through /api/v2/write?precision=ms, with the same line
 * protocol and batching the Flux source writes results with. Rejected points are counted and reported
 * by `flush()`; a server or token failure stops the seeding.
 */
export class Influx2SeedTarget implements SeedTarget {
  written = 0;
  dropped = 0;
  readonly errors: string[] = [];
  private readonly client: FluxClient;

  constructor(
    private readonly endpoint: Omit<FluxEndpoint, 'timeoutMs'> & { timeoutMs?: number },
    private readonly signal?: AbortSignal,
  ) {
    this.client = new FluxClient({ timeoutMs: 120_000, ...endpoint });
  }

  get where(): string {
    return this.client.where;
  }

  async appendColumns(batch: { key: string; t: Float64Array; v: Float64Array }[]): Promise<void> {
    const points: WritePoint[] = [];
    for (const { key, t, v } of batch) for (let i = 0; i < t.length; i++) points.push({ key, t: t[i] as number, value: v[i] as number });
    const result = await writeBatches(this.client, points, this.signal);
    this.written += result.written;
    this.dropped += result.dropped;
    this.errors.push(...result.errors);
  }

  async flush(): Promise<void> {
    if (this.dropped > 0) {
      throw twinError(
        'partial-write',
        `Bucket "${this.endpoint.bucket}" at ${this.where} kept ${this.written} points and rejected ${this.dropped}: ${this.errors[0] ?? 'no reason given'}`,
        {
          where: this.where,
          details: { written: this.written, dropped: this.dropped, errors: this.errors.slice(0, 20) },
        },
      );
    }
  }

  /** Release the client's keep-alive sockets. */
  close(): void {
    this.client.close();
  }
}

import type { Influx1Http } from './influx1-http';
import { quoteIdentifier } from './influxql-quote';

/** How long a measurement's tag keys are trusted before they are asked again. */
export const TAG_KEYS_TTL_MS = 5 * 60 * 1000;

/**
 * The tag keys of each measurement, which exact series selection needs: a key's query must exclude the
 * series of the same measurement that carry more tags. Cached per measurement; a query that meets a
 * tag key not in the cache calls forget() so the next one asks again.
 */
export class TagKeyCache {
  private readonly entries = new Map<string, { keys: Promise<string[]>; at: number }>();

  constructor(
    private readonly http: Influx1Http,
    private readonly now: () => number = Date.now,
  ) {}

  /** The measurement's tag keys. The lookup is shared by concurrent callers, so it ignores any one caller's cancellation (it takes milliseconds). */
  get(measurement: string): Promise<string[]> {
    const hit = this.entries.get(measurement);
    if (hit && this.now() - hit.at < TAG_KEYS_TTL_MS) return hit.keys;
    const keys = this.fetch(measurement);
    const entry = { keys, at: this.now() };
    this.entries.set(measurement, entry);
    // A failed or cancelled lookup must not stay cached.
    keys.catch(() => {
      if (this.entries.get(measurement) === entry) this.entries.delete(measurement);
    });
    return keys;
  }

  forget(measurement: string): void {
    this.entries.delete(measurement);
  }

  private async fetch(measurement: string): Promise<string[]> {
    const result = await this.http.queryOne(`SHOW TAG KEYS FROM ${quoteIdentifier(measurement)}`);
    const keys: string[] = [];
    for (const s of result.series) for (const row of s.values ?? []) if (typeof row[0] === 'string') keys.push(row[0]);
    return keys;
  }
}

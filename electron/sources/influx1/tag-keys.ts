import { abortError } from '../http-failure';
import type { Influx1Http } from './influx1-http';
import { quoteIdentifier } from './influxql-quote';

/** How long a measurement's tag keys are trusted before they are asked again. */
export const TAG_KEYS_TTL_MS = 5 * 60 * 1000;

interface Entry {
  keys: Promise<string[]>;
  at: number;
  settled: boolean;
  /** Callers still waiting for an unsettled lookup; when the last one cancels, the lookup is aborted. */
  waiters: number;
  controller: AbortController;
}

/**
 * The tag keys of each measurement, which exact series selection needs: a key's query must exclude the
 * series of the same measurement that carry more tags. Cached per measurement and shared by concurrent
 * callers; a query that meets a tag key not in the cache calls forget() so the next one asks again.
 */
export class TagKeyCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly http: Influx1Http,
    private readonly now: () => number = Date.now,
  ) {}

  /** The measurement's tag keys; a cancelled caller stops waiting at once, and the lookup stops when nobody waits. */
  get(measurement: string, signal?: AbortSignal): Promise<string[]> {
    if (signal?.aborted) return Promise.reject(abortError());
    let entry = this.entries.get(measurement);
    if (!entry || (entry.settled && this.now() - entry.at >= TAG_KEYS_TTL_MS)) entry = this.lookup(measurement);
    if (entry.settled || !signal) return entry.keys;
    const e = entry;
    e.waiters++;
    return new Promise<string[]>((resolve, reject) => {
      const onAbort = (): void => {
        e.waiters--;
        if (e.waiters === 0 && !e.settled) {
          e.controller.abort();
          if (this.entries.get(measurement) === e) this.entries.delete(measurement);
        }
        reject(abortError());
      };
      signal.addEventListener('abort', onAbort, { once: true });
      e.keys.then(
        (keys) => {
          signal.removeEventListener('abort', onAbort);
          resolve(keys);
        },
        (err: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(err);
        },
      );
    });
  }

  forget(measurement: string): void {
    this.entries.delete(measurement);
  }

  private lookup(measurement: string): Entry {
    const controller = new AbortController();
    const entry: Entry = { keys: Promise.resolve([]), at: this.now(), settled: false, waiters: 0, controller };
    entry.keys = this.fetch(measurement, controller.signal).then(
      (keys) => {
        entry.settled = true;
        entry.at = this.now();
        return keys;
      },
      (err: unknown) => {
        // A failed or cancelled lookup must not stay cached.
        entry.settled = true;
        if (this.entries.get(measurement) === entry) this.entries.delete(measurement);
        throw err;
      },
    );
    // Waiters that cancelled have their own rejection; this keeps an abandoned lookup from being unhandled.
    entry.keys.catch(() => undefined);
    this.entries.set(measurement, entry);
    return entry;
  }

  private async fetch(measurement: string, signal: AbortSignal): Promise<string[]> {
    const result = await this.http.queryOne(`SHOW TAG KEYS FROM ${quoteIdentifier(measurement)}`, { signal });
    const keys: string[] = [];
    for (const s of result.series) for (const row of s.values ?? []) if (typeof row[0] === 'string') keys.push(row[0]);
    return keys;
  }
}

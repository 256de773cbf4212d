/**
 * Reader connections for queries. Each query leases a connection of its own, so cancelling one
 * (DuckDB's interrupt works per connection) never stops another, and queries for different
 * charts run in parallel on DuckDB's threads.
 */
import type { DuckDBConnection } from '@duckdb/node-api';

export function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  const e = new Error('The request was cancelled.');
  e.name = 'AbortError';
  return e;
}

export class ConnectionPool {
  private readonly idle: DuckDBConnection[] = [];
  private readonly waiting: ((c: DuckDBConnection) => void)[] = [];
  private created = 0;
  private closed = false;
  private readonly leased = new Set<DuckDBConnection>();
  private allReturned: (() => void) | null = null;

  constructor(
    private readonly connect: () => Promise<DuckDBConnection>,
    private readonly size: number,
  ) {}

  /** Run `task` on a leased connection; an abort interrupts the query and rejects with an AbortError. */
  async use<T>(task: (conn: DuckDBConnection) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) throw abortError(signal);
    const conn = await this.lease();
    this.leased.add(conn);
    const onAbort = () => conn.interrupt();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      return await task(conn);
    } catch (e) {
      if (signal?.aborted) throw abortError(signal);
      throw e;
    } finally {
      signal?.removeEventListener('abort', onAbort);
      this.release(conn);
    }
  }

  private async lease(): Promise<DuckDBConnection> {
    if (this.closed) throw new Error('The local store is closed.');
    const conn = this.idle.pop();
    if (conn) return conn;
    if (this.created < this.size) {
      this.created++;
      try {
        return await this.connect();
      } catch (e) {
        this.created--;
        throw e;
      }
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(conn: DuckDBConnection): void {
    this.leased.delete(conn);
    const next = this.closed ? undefined : this.waiting.shift();
    if (next) next(conn);
    else if (this.closed) {
      conn.closeSync();
      if (this.leased.size === 0) this.allReturned?.();
    } else this.idle.push(conn);
  }

  /** Close every connection: running queries are interrupted, and this resolves once all are returned. */
  async close(): Promise<void> {
    this.closed = true;
    for (const c of this.idle.splice(0)) c.closeSync();
    if (this.leased.size === 0) return;
    const done = new Promise<void>((resolve) => (this.allReturned = resolve));
    for (const c of this.leased) c.interrupt();
    await done;
  }
}

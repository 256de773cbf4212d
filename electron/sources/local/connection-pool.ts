/**
 * Reader connections for queries. Each query leases a connection of its own, so cancelling one
 * (DuckDB's interrupt works per connection) never stops another, and queries for different
 * charts run in parallel on DuckDB's threads.
 */
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';

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

  constructor(
    private readonly instance: DuckDBInstance,
    private readonly size: number,
  ) {}

  /** Run `task` on a leased connection; an abort interrupts the query and rejects with an AbortError. */
  async use<T>(task: (conn: DuckDBConnection) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) throw abortError(signal);
    const conn = await this.lease();
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
        return await this.instance.connect();
      } catch (e) {
        this.created--;
        throw e;
      }
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(conn: DuckDBConnection): void {
    const next = this.waiting.shift();
    if (next) next(conn);
    else if (this.closed) conn.closeSync();
    else this.idle.push(conn);
  }

  /** Close idle connections; leased ones close when returned. */
  close(): void {
    this.closed = true;
    for (const c of this.idle.splice(0)) c.closeSync();
  }
}

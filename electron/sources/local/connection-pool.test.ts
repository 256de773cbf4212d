import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionPool } from './connection-pool';

// A query that runs for minutes unless interrupted.
const SLOW = 'SELECT count(*) FROM range(100000000000) a WHERE a.range % 7 = 3';

describe('ConnectionPool', () => {
  let instance: DuckDBInstance;
  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
  });
  afterAll(() => instance.closeSync());

  it('interrupts a running query on abort and rejects with an AbortError, leaving other queries alone', async () => {
    const pool = new ConnectionPool(() => instance.connect(), 2);
    const ac = new AbortController();
    const started = performance.now();
    const slow = pool.use((c) => c.run(SLOW), ac.signal);
    const other = pool.use(async (c) => (await c.runAndReadAll('SELECT 42')).getRows()[0]?.[0]);
    setTimeout(() => ac.abort(), 100);
    await expect(slow).rejects.toMatchObject({ name: 'AbortError' });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(await other).toBe(42);
    // The interrupted connection is usable again.
    expect(await pool.use(async (c) => (await c.runAndReadAll('SELECT 1 + 1')).getRows()[0]?.[0])).toBe(2);
    await pool.close();
  });

  it('queues callers beyond its size and closes only after leased connections return', async () => {
    const pool = new ConnectionPool(() => instance.connect(), 1);
    const order: string[] = [];
    const a = pool.use(async (c) => {
      await c.run('SELECT 1');
      order.push('a');
    });
    const b = pool.use(async () => {
      order.push('b');
    });
    await Promise.all([a, b]);
    expect(order).toEqual(['a', 'b']);
    const long = pool.use((c) => c.run(SLOW));
    await new Promise((r) => setTimeout(r, 50));
    await pool.close();
    await expect(long).rejects.toThrow();
    await expect(pool.use(async () => 1)).rejects.toThrow(/closed/);
  });
});

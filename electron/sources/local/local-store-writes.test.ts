import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { isTwinError } from '../../../shared/api/errors';
import { windowLayout } from '../../../shared/series/window-math';
import { LocalStore } from './local-store';
import { DATABASE_FILE } from './store-schema';

const T0 = Date.UTC(2024, 5, 1);
const MIN = 60_000;
const DAY = 86_400_000;

async function caught(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

describe('LocalStore writes and lifecycle', () => {
  let dir: string;
  let store: LocalStore | undefined;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'twin-local-w-'));
  });
  afterEach(async () => {
    await store?.close();
    store = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  it('replaces existing values at the same time and counts them as duplicates', async () => {
    store = await LocalStore.open(dir);
    const key = 'pump#speed';
    const first = await store.appendColumns([{ key, t: [T0, T0 + MIN, T0 + 2 * MIN], v: [1, 2, 3] }]);
    expect(first).toEqual({ series: [key], points: 3, duplicates: 0, dropped: 0 });
    // Out of order, overlapping the stored range, with a repeat inside the batch: the last one wins.
    const second = await store.appendColumns([{ key, t: [T0 + 3 * MIN, T0 + MIN, T0 + 2 * MIN, T0 + MIN], v: [4, 20, 30, 21] }]);
    expect(second).toEqual({ series: [key], points: 3, duplicates: 3, dropped: 0 });
    const raw = await store.raw(key, { from: T0, to: T0 + 10 * MIN }, 100);
    expect(raw.t).toEqual([T0, T0 + MIN, T0 + 2 * MIN, T0 + 3 * MIN]);
    expect(raw.v).toEqual([1, 21, 30, 4]);
    expect(store.bounds(key)).toEqual({ minT: T0, maxT: T0 + 3 * MIN });
  });

  it('drops non-finite values in bulk appends and reports malformed keys', async () => {
    store = await LocalStore.open(dir);
    const r = await store.appendColumns([{ key: 'a#v', t: [T0, T0 + 1, T0 + 2], v: [1, NaN, Infinity] }]);
    expect(r).toEqual({ series: ['a#v'], points: 1, duplicates: 0, dropped: 2 });
    const e = await caught(store.appendColumns([{ key: 'no field here', t: [T0], v: [1] }]));
    expect(isTwinError(e) && e.kind).toBe('invalid-input');
    expect((e as Error).message).toMatch(/no field here/);
    const mismatch = await caught(store.appendColumns([{ key: 'a#v', t: [T0, T0 + 1], v: [1] }]));
    expect((mismatch as Error).message).toMatch(/2 times but 1 values/);
    expect(await store.pointCount()).toBe(1);
  });

  it('catalogs hundreds of new series of one write, several statements of them, each with its unit, points and bounds', async () => {
    store = await LocalStore.open(dir);
    // Over twice the series one catalog INSERT carries, so the last statement is a partial one; values in every column.
    const batch = Array.from({ length: 450 }, (_, i) => ({
      key: `AHU${i},site=B'7#kW`,
      t: [T0 + i, T0 + i + MIN, T0 + i + 2 * MIN],
      v: [i, i + 0.5, -i],
      unit: i % 3 === 0 ? 'kW' : `°C ${i}`,
      ...(i % 2 === 0 ? { description: `Air handler "${i}"` } : {}),
    }));
    const r = await store.appendColumns(batch);
    expect(r.points).toBe(1350);
    expect(r.series).toHaveLength(450);
    await store.close();
    store = await LocalStore.open(dir);
    const catalog = await store.catalog();
    expect(catalog).toHaveLength(450);
    for (const i of [0, 199, 200, 201, 399, 400, 449]) {
      const key = `AHU${i},site=B'7#kW`;
      const entry = catalog.find((c) => c.key === key);
      expect(entry?.unit).toBe(i % 3 === 0 ? 'kW' : `°C ${i}`);
      expect(entry?.description ?? undefined).toBe(i % 2 === 0 ? `Air handler "${i}"` : undefined);
      expect(store.bounds(key)).toEqual({ minT: T0 + i, maxT: T0 + i + 2 * MIN });
      expect((await store.raw(key, { from: T0, to: T0 + DAY }, 10)).v).toEqual([i, i + 0.5, -i]);
    }
  });

  it('writes valid points and reports the invalid ones by position', async () => {
    store = await LocalStore.open(dir);
    const r = await store.write([
      { key: 'residual,model=m1#kw', t: T0, value: 1.5 },
      { key: 'broken key', t: T0, value: 1 },
      { key: 'residual,model=m1#kw', t: T0 + 0.5, value: 1 },
      { key: 'residual,model=m1#kw', t: T0 + MIN, value: Number.NaN },
      { key: 'residual,model=m1#kw', t: T0 + 2 * MIN, value: -2 },
    ]);
    expect(r.written).toBe(2);
    expect(r.dropped).toBe(3);
    expect(r.errors).toHaveLength(3);
    expect(r.errors[0]).toMatch(/^Point 2: /);
    expect(r.errors[1]).toMatch(/^Point 3: .*whole epoch milliseconds/);
    expect(r.errors[2]).toMatch(/^Point 4: .*not a finite number/);
    expect((await store.raw('residual,model=m1#kw', { from: T0, to: T0 + DAY }, 10)).v).toEqual([1.5, -2]);
  });

  it('is all or nothing: a failure inside the commit leaves no points and no new series', async () => {
    let fail = false;
    store = await LocalStore.open(dir, {
      hooks: {
        beforeCommit: () => {
          if (fail) throw new Error('injected failure');
        },
      },
    });
    await store.appendColumns([{ key: 'kept#v', t: [T0, T0 + MIN], v: [1, 2] }]);
    fail = true;
    const e = await caught(
      store.appendColumns([
        { key: 'kept#v', t: [T0, T0 + 2 * MIN], v: [100, 3] },
        { key: 'new#v', t: [T0], v: [9] },
      ]),
    );
    expect((e as Error).message).toBe('injected failure');
    expect(await store.pointCount()).toBe(2);
    expect((await store.raw('kept#v', { from: T0, to: T0 + DAY }, 10)).v).toEqual([1, 2]);
    expect(store.hasSeries('new#v')).toBe(false);
    expect(store.bounds('kept#v')).toEqual({ minT: T0, maxT: T0 + MIN });
    fail = false;
    await store.appendColumns([{ key: 'new#v', t: [T0], v: [9] }]);
    expect(store.hasSeries('new#v')).toBe(true);
  });

  it('keeps data, catalog, units and bounds across a reopen, and after compacting', async () => {
    store = await LocalStore.open(dir);
    await store.appendColumns([{ key: 'chiller,unit=CH1#kw', t: [T0 + MIN, T0], v: [2, 1], unit: 'kW', description: 'Chiller 1 power' }]);
    await store.appendColumns([{ key: 'pump#on', t: [T0], v: [1] }]);
    await store.compact();
    await store.close();
    store = await LocalStore.open(dir);
    expect(await store.catalog()).toEqual([
      { key: 'chiller,unit=CH1#kw', measurement: 'chiller', field: 'kw', tags: { unit: 'CH1' }, unit: 'kW', description: 'Chiller 1 power' },
      { key: 'pump#on', measurement: 'pump', field: 'on', tags: {} },
    ]);
    expect(await store.raw('chiller,unit=CH1#kw', { from: T0, to: T0 + DAY }, 10)).toEqual({
      key: 'chiller,unit=CH1#kw',
      t: [T0, T0 + MIN],
      v: [1, 2],
      truncated: false,
    });
    expect(store.bounds('chiller,unit=CH1#kw')).toEqual({ minT: T0, maxT: T0 + MIN });
    // New series after a reopen get fresh ids, not ones already used.
    await store.appendColumns([{ key: 'third#v', t: [T0], v: [3] }]);
    expect((await store.valueAt(['pump#on', 'third#v'], T0)).map((r) => r.value)).toEqual([1, 3]);
  });

  it('flush() compacts series written in many short runs, and leaves well-ordered data alone', async () => {
    /** How many times the series id changes along the table's physical order. */
    const seriesChanges = async () => {
      await store!.close();
      store = undefined;
      const db = await DuckDBInstance.create(path.join(dir, DATABASE_FILE));
      const c = await db.connect();
      const rows = (await c.runAndReadAll('SELECT count(*) FROM (SELECT sid, lag(sid) OVER (ORDER BY rowid) AS prev FROM points) WHERE sid <> prev')).getRows();
      c.closeSync();
      db.closeSync();
      store = await LocalStore.open(dir);
      return Number(rows[0]?.[0]);
    };
    store = await LocalStore.open(dir);
    // Ten calls, each a short run of both series, as a seeder stepping through time writes.
    for (let k = 0; k < 10; k++) {
      const t = Array.from({ length: 100 }, (_, i) => T0 + (k * 100 + i) * MIN);
      await store.appendColumns([
        { key: 'a#v', t, v: t.map((_, i) => i) },
        { key: 'b#v', t, v: t.map((_, i) => -i) },
      ]);
    }
    await store.flush();
    expect(await seriesChanges()).toBe(1);
    expect(await store.pointCount()).toBe(2000);
    // Long runs (one per series) are not rewritten: nothing is fragmented.
    const t = Array.from({ length: 100 }, (_, i) => T0 + (5000 + i) * MIN);
    await store.appendColumns([{ key: 'a#v', t, v: t }]);
    await store.flush();
    expect(await seriesChanges()).toBe(2);
  });

  it('refuses a second open of the same folder in this process', async () => {
    store = await LocalStore.open(dir);
    const e = await caught(LocalStore.open(dir));
    expect(isTwinError(e) && e.kind).toBe('conflict');
    expect((e as Error).message).toMatch(/already open in this program/);
  });

  it('says which process holds the file when another one has it open', async () => {
    const file = path.join(dir, DATABASE_FILE);
    const init = await DuckDBInstance.create(file);
    init.closeSync();
    const holder: ChildProcess = spawn(
      process.execPath,
      [
        '-e',
        `const { DuckDBInstance } = require('@duckdb/node-api'); DuckDBInstance.create(${JSON.stringify(file)}).then(() => { console.log('held'); setInterval(() => {}, 1000); });`,
      ],
      { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout?.on('data', (d: Buffer) => d.toString().includes('held') && resolve());
        holder.on('exit', (code) => reject(new Error(`holder exited with ${code}`)));
      });
      const e = await caught(LocalStore.open(dir));
      expect(isTwinError(e) && e.kind).toBe('conflict');
      expect((e as Error).message).toMatch(new RegExp(`in use by .*process ${holder.pid}\\).*Close the other Twin Studio window`));
    } finally {
      holder.kill();
    }
    // Once the other process is gone the folder opens normally.
    await new Promise((r) => holder.once('exit', r));
    store = await LocalStore.open(dir);
    expect(store.seriesCount()).toBe(0);
  });

  it('refuses a file written by a newer format', async () => {
    store = await LocalStore.open(dir);
    await store.close();
    store = undefined;
    const db = await DuckDBInstance.create(path.join(dir, DATABASE_FILE));
    const c = await db.connect();
    await c.run(`UPDATE meta SET value = '99' WHERE name = 'format_version'`);
    c.closeSync();
    db.closeSync();
    const e = await caught(LocalStore.open(dir));
    expect(isTwinError(e) && e.kind).toBe('newer-format');
  });

  it('on close, drops writes still staging and frees the file for a reopen', async () => {
    store = await LocalStore.open(dir);
    const stage = await store.beginWrite();
    const sid = stage.series('late#v');
    stage.add(sid, T0, 1);
    await store.close();
    expect(() => stage.add(sid, T0 + 1, 2)).toThrow(/was closed before this write was committed/);
    const e = await caught(stage.commit());
    expect(isTwinError(e) && e.kind).toBe('cancelled');
    store = await LocalStore.open(dir);
    expect(store.hasSeries('late#v')).toBe(false);
    expect(await store.pointCount()).toBe(0);
  });

  it('rejects with an AbortError when the call is cancelled', async () => {
    store = await LocalStore.open(dir);
    await store.appendColumns([{ key: 'a#v', t: [T0], v: [1] }]);
    const ac = new AbortController();
    ac.abort();
    const e = await caught(store.windows(['a#v'], windowLayout({ from: T0, to: T0 + DAY }, 10), { signal: ac.signal }));
    expect((e as Error).name).toBe('AbortError');
  });
});

import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { windowLayout } from '../../../shared/series/window-math';
import { LocalStore } from './local-store';
import { DATABASE_FILE, STORE_FORMAT_VERSION } from './store-schema';

/** A store written by format 1 (fixtures/store-v1.sql) opens, is migrated in place, and keeps its data. */

const T0 = 1704067200000;
let dir: string;
let store: LocalStore | undefined;

afterEach(async () => {
  await store?.close();
  store = undefined;
  await rm(dir, { recursive: true, force: true });
});

async function oldStore(): Promise<void> {
  dir = await mkdtemp(path.join(os.tmpdir(), 'twin-store-v1-'));
  const db = await DuckDBInstance.create(path.join(dir, DATABASE_FILE));
  const c = await db.connect();
  const sql = await readFile(path.join(__dirname, 'fixtures', 'store-v1.sql'), 'utf8');
  for (const statement of sql
    .replace(/^--.*$/gm, '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean))
    await c.run(statement);
  c.closeSync();
  db.closeSync();
}

async function readMeta(): Promise<{ version: string; columns: string[]; tables: string[] }> {
  const db = await DuckDBInstance.create(path.join(dir, DATABASE_FILE));
  const c = await db.connect();
  try {
    const version = String((await c.runAndReadAll(`SELECT value FROM meta WHERE name = 'format_version'`)).getRows()[0]?.[0]);
    const columns = (await c.runAndReadAll(`SELECT column_name FROM information_schema.columns WHERE table_name = 'series' ORDER BY ordinal_position`))
      .getRows()
      .map((r) => String(r[0]));
    const tables = (await c.runAndReadAll(`SELECT table_name FROM information_schema.tables ORDER BY table_name`)).getRows().map((r) => String(r[0]));
    return { version, columns, tables };
  } finally {
    c.closeSync();
    db.closeSync();
  }
}

describe('local store format 1 → 2', () => {
  it('keys series by tenant and source, adds the rollup tables, and keeps every series, unit and point', async () => {
    await oldStore();
    store = await LocalStore.open(dir);
    expect(await store.catalog()).toEqual([
      { key: 'B7_CH1_KW#value', measurement: 'B7_CH1_KW', field: 'value', tags: {}, unit: 'kW' },
      { key: 'LCHWT_2#value', measurement: 'LCHWT_2', field: 'value', tags: {}, unit: '°C' },
      { key: 'chiller,plant=B7,unit=CH2#kw', measurement: 'chiller', field: 'kw', tags: { plant: 'B7', unit: 'CH2' }, description: 'Chiller 2 power' },
    ]);
    const [w] = await store.windows(['B7_CH1_KW#value'], windowLayout({ from: T0, to: T0 + 240_000 }, 1));
    expect(w).toMatchObject({ count: [4], min: [409], max: [415.75], first: [410.5], last: [415.75] });
    expect(await store.valueAt(['LCHWT_2#value'], T0 + 1)).toEqual([{ key: 'LCHWT_2#value', t: T0, value: 6.7 }]);
    expect(store.bounds('chiller,plant=B7,unit=CH2#kw')).toEqual({ minT: T0, maxT: T0 + 60_000 });
    await store.close();
    store = undefined;
    const meta = await readMeta();
    expect(meta.version).toBe(String(STORE_FORMAT_VERSION));
    expect(meta.columns).toEqual(expect.arrayContaining(['tenant', 'source']));
    expect(meta.tables).toEqual(expect.arrayContaining(['rollups', 'rollup_coverage', 'rollup_jobs']));
  });

  it('gives rollup series of other sources ids of their own, kept out of the catalog, and new series ids above all', async () => {
    await oldStore();
    store = await LocalStore.open(dir);
    const sid = await store.rollups.ensureSid({ tenant: 'acme', source: 'influx1:abc' }, 'B7_CH1_KW#value');
    expect(sid).toBeGreaterThan(5);
    await store.write([{ key: 'new#v', t: T0, value: 1 }]);
    await store.close();
    store = await LocalStore.open(dir);
    expect((await store.catalog()).map((e) => e.key)).toEqual(['B7_CH1_KW#value', 'LCHWT_2#value', 'chiller,plant=B7,unit=CH2#kw', 'new#v']);
    expect(store.rollups.sidOf({ tenant: 'acme', source: 'influx1:abc' }, 'B7_CH1_KW#value')).toBe(sid);
    expect(store.rollups.sidOf({ tenant: 'other', source: 'influx1:abc' }, 'B7_CH1_KW#value')).toBeUndefined();
    expect(await store.pointCount('new#v')).toBe(1);
    expect(await store.pointCount('B7_CH1_KW#value')).toBe(4);
  });

  it('opens an already migrated store without migrating again', async () => {
    await oldStore();
    store = await LocalStore.open(dir);
    await store.close();
    store = await LocalStore.open(dir);
    expect(store.seriesCount()).toBe(3);
  });
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isTwinError } from '../../shared/api/errors';
import { LocalStore } from '../sources/local/local-store';
import { importFile, type ImportProgress } from './import-file';

const DAY = 86_400_000;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

async function caught(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

describe('importFile into the local store', () => {
  let dir: string;
  let store: LocalStore;
  const file = async (name: string, text: string) => {
    const f = path.join(dir, name);
    await writeFile(f, text);
    return f;
  };
  /** All points of a series as [ISO time, value]. */
  const points = async (key: string) => {
    const r = await store.raw(key, { from: Date.UTC(1970, 0, 1), to: Date.UTC(2100, 0, 1) }, 1_000_000);
    return r.t.map((t, i) => [iso(t), r.v[i]]);
  };

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'twin-import-'));
    store = await LocalStore.open(path.join(dir, 'store'));
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('imports a wide CSV with Z and offsets, BOM and CRLF', async () => {
    const f = await file(
      'wide.csv',
      '\uFEFFTimestamp,B7_CH1_KW,LCHWT_2\r\n2024-01-01T00:00:00Z,310.5,6.7\r\n2024-01-01T01:00:00+01:00,311,\r\n2024-01-01T00:02:00Z,,6.9\r\n',
    );
    const r = await importFile(store, f, {});
    expect(r).toMatchObject({
      series: ['B7_CH1_KW#value', 'LCHWT_2#value'],
      points: 3,
      rows: 3,
      skipped: [],
      skippedCount: 0,
      duplicates: 1,
      gaps: [],
      gapCount: 0,
    });
    // 01:00+01:00 is 00:00Z again: the later row's value wins.
    expect(await points('B7_CH1_KW#value')).toEqual([['2024-01-01T00:00:00.000Z', 311]]);
    expect(await points('LCHWT_2#value')).toEqual([
      ['2024-01-01T00:00:00.000Z', 6.7],
      ['2024-01-01T00:02:00.000Z', 6.9],
    ]);
  });

  it('reads naive times in the chosen zone across spring-forward, refusing the gap unless told to shift', async () => {
    const text = 'time;CHWS\n2024-03-10 01:30;1\n2024-03-10 02:30;2\n2024-03-10 03:30;3\n';
    const f = await file('spring.csv', text);
    const refused = await importFile(store, f, { timeZone: 'America/Chicago' });
    expect(refused.points).toBe(2);
    expect(refused.skipped).toEqual([{ line: 3, message: expect.stringMatching(/2024-03-10 02:30 does not exist in America\/Chicago.*the row was skipped/) }]);
    expect(await points('CHWS#value')).toEqual([
      ['2024-03-10T07:30:00.000Z', 1],
      ['2024-03-10T08:30:00.000Z', 3],
    ]);
    // Shifted forward, 02:30 lands on 03:30 CDT, the same instant as the next row (which, being later in the file, wins).
    const shifted = await importFile(store, f, { timeZone: 'America/Chicago', nonexistentTime: 'shift-forward' });
    expect(shifted).toMatchObject({ points: 2, skippedCount: 0, duplicates: 3 });
  });

  it('reads naive times across fall-back, with the overlap refused, earlier or later as chosen', async () => {
    const text = 'time,CHWR\n2024-11-03 00:30,1\n2024-11-03 01:30,2\n2024-11-03 01:30,3\n2024-11-03 02:30,4\n';
    const f = await file('fall.csv', text);
    const refused = await importFile(store, f, { timeZone: 'America/Chicago' });
    expect(refused.skipped.map((p) => p.line)).toEqual([3, 4]);
    expect(refused.skipped[0]?.message).toMatch(/happens twice in America\/Chicago/);
    expect(await points('CHWR#value')).toEqual([
      ['2024-11-03T05:30:00.000Z', 1],
      ['2024-11-03T08:30:00.000Z', 4],
    ]);
    const later = await importFile(store, f, { timeZone: 'America/Chicago', ambiguousTime: 'later' });
    expect(later).toMatchObject({ points: 3, duplicates: 3, skippedCount: 0 });
    expect(await points('CHWR#value')).toEqual([
      ['2024-11-03T05:30:00.000Z', 1],
      ['2024-11-03T07:30:00.000Z', 3],
      ['2024-11-03T08:30:00.000Z', 4],
    ]);
  });

  it('refuses naive times without a zone and ambiguous dates without a declared format, writing nothing', async () => {
    const naive = await file('naive.csv', 'time,a\n2024-01-01 00:00,1\n');
    const e1 = await caught(importFile(store, naive, {}));
    expect(isTwinError(e1) && e1.kind).toBe('invalid-input');
    expect((e1 as Error).message).toMatch(/no UTC offset: choose the time zone/);
    const slashed = await file('slashed.csv', 'time,a\n03/04/2024 00:00,1\n03/05/2024 00:00,2\n');
    const e2 = await caught(importFile(store, slashed, { timeZone: 'UTC' }));
    expect((e2 as Error).message).toMatch(/declare the timestamp format \(MM\/DD\/YYYY or DD\/MM\/YYYY\)/);
    expect(await store.pointCount()).toBe(0);
    await importFile(store, slashed, { timeZone: 'UTC', timestampFormat: 'DD/MM/YYYY' });
    expect(await points('a#value')).toEqual([
      ['2024-04-03T00:00:00.000Z', 1],
      ['2024-05-03T00:00:00.000Z', 2],
    ]);
  });

  it('skips bad rows and bad values, reporting their line numbers, and imports the rest', async () => {
    const text = [
      'time,"A","B"',
      '2024-01-01T00:00:00Z,1,2',
      '2024-02-30T00:00:00Z,1,2',
      '2024-01-01T00:02:00Z,Bad,3',
      '2024-01-01T00:03:00Z,4,5,6',
      '',
      '2024-01-01T00:04:00Z,"unclosed,7',
      '2024-01-01T00:05:00Z,12abc,1e3',
      '2024-01-01T00:06:00Z,true,-0.5',
    ].join('\n');
    const r = await importFile(store, await file('bad.csv', text), {});
    expect(r.skipped.map((p) => p.line)).toEqual([3, 5, 7, 8]);
    expect(r.skipped[0]?.message).toMatch(/day 30 does not exist.*the row was skipped/);
    expect(r.skipped[1]?.message).toMatch(/4 fields but the header has 3/);
    expect(r.skipped[2]?.message).toMatch(/never closed/);
    expect(r.skipped[3]?.message).toMatch(/column "A": "12abc" is not a decimal number; that value was skipped/);
    expect(r.skippedCount).toBe(4);
    // "Bad" in place of a value is a bad-quality word: a gap, counted, not a problem.
    expect(r.gaps).toEqual([{ state: 'Bad', count: 1 }]);
    expect(await points('A#value')).toEqual([
      ['2024-01-01T00:00:00.000Z', 1],
      ['2024-01-01T00:06:00.000Z', 1],
    ]);
    expect(await points('B#value')).toEqual([
      ['2024-01-01T00:00:00.000Z', 2],
      ['2024-01-01T00:02:00.000Z', 3],
      ['2024-01-01T00:05:00.000Z', 1000],
      ['2024-01-01T00:06:00.000Z', -0.5],
    ]);
  });

  it('counts duplicates on re-import and keeps the newer values', async () => {
    const f = await file('dup.csv', 'time,X\n2024-01-01T00:00:00Z,1\n2024-01-01T00:01:00Z,2\n2024-01-01T00:01:00Z,3\n');
    expect(await importFile(store, f, {})).toMatchObject({ points: 2, duplicates: 1 });
    const g = await file('dup2.csv', 'time,X\n2024-01-01T00:01:00Z,30\n2024-01-01T00:02:00Z,4\n');
    expect(await importFile(store, g, {})).toMatchObject({ points: 2, duplicates: 1 });
    expect(await points('X#value')).toEqual([
      ['2024-01-01T00:00:00.000Z', 1],
      ['2024-01-01T00:01:00.000Z', 30],
      ['2024-01-01T00:02:00.000Z', 4],
    ]);
  });

  it('keeps quoted headers with hostile characters as names, escaped in keys, with ; and tab delimiters', async () => {
    const hostile = ['B7 CH1, kW="x"#1\\', "'; DROP TABLE points; --", 'Kühler → T°', '" OR 1=1'];
    const header = ['time', ...hostile.map((h) => `"${h.replace(/"/g, '""')}"`)].join(';');
    const f = await file('hostile.csv', `${header}\n2024-01-01T00:00:00Z;1;2;3;4\n`);
    const r = await importFile(store, f, { field: 'val ue' });
    expect(r.points).toBe(4);
    const catalog = await store.catalog();
    expect(catalog.map((c) => c.measurement).sort()).toEqual([...hostile].sort());
    expect(catalog.every((c) => c.field === 'val ue')).toBe(true);
    const key = catalog.find((c) => c.measurement === hostile[0])?.key ?? '';
    expect(key).toBe('B7\\ CH1\\,\\ kW\\="x"\\#1\\\\#val\\ ue');
    expect(await points(key)).toEqual([['2024-01-01T00:00:00.000Z', 1]]);
    expect(await store.pointCount()).toBe(4);
    const tab = await file('tab.tsv', 'time\t"a\tb"\n1704067200\t5\n');
    await importFile(store, tab, {});
    expect(await points('a\tb#value')).toEqual([['2024-01-01T00:00:00.000Z', 5]]);
  });

  it('imports long CSV exports', async () => {
    const f = await file(
      'long.csv',
      'Tag,Time,Value,Status\nB7.CH1.KW,2024-01-01T00:00:00Z,300,Good\nB7.CH2.KW,2024-01-01T00:00:00Z,280,Good\nB7.CH1.KW,2024-01-01T00:01:00Z,301,Good\n,2024-01-01T00:02:00Z,1,Good\n',
    );
    const r = await importFile(store, f, {});
    expect(r.series.sort()).toEqual(['B7.CH1.KW#value', 'B7.CH2.KW#value']);
    expect(r.skipped).toEqual([{ line: 5, message: expect.stringMatching(/sensor name is empty/) }]);
    expect(await points('B7.CH1.KW#value')).toEqual([
      ['2024-01-01T00:00:00.000Z', 300],
      ['2024-01-01T00:01:00.000Z', 301],
    ]);
  });

  it('imports line protocol with escapes, tags, integers and booleans; strings and undated lines are reported', async () => {
    const text = [
      '# exported from influx',
      'chiller,plant=B7,unit=CH\\ 1 kw=312.5,on=t,state="RUN" 1704067200000000000',
      'chiller,unit=CH\\ 1,plant=B7 kw=313i 1704067260000000000',
      'pump\\,x speed=0.5',
      'broken line',
      'chiller,plant=B7,unit=CH\\ 1 kw=314 1704067320000000000',
    ].join('\n');
    const r = await importFile(store, await file('data.lp', text), {});
    expect(r.series.sort()).toEqual(['chiller,plant=B7,unit=CH\\ 1#kw', 'chiller,plant=B7,unit=CH\\ 1#on']);
    expect(r.skipped.map((p) => p.line)).toEqual([2, 4, 5]);
    expect(r.skipped[0]?.message).toMatch(/field "state" holds text/);
    expect(r.skipped[1]?.message).toMatch(/no timestamp/);
    expect(await points('chiller,plant=B7,unit=CH\\ 1#kw')).toEqual([
      ['2024-01-01T00:00:00.000Z', 312.5],
      ['2024-01-01T00:01:00.000Z', 313],
      ['2024-01-01T00:02:00.000Z', 314],
    ]);
    const secs = await file('secs.lp', 'm v=1 1704067200\nm v=2 1704067260\n');
    await importFile(store, secs, { timestampFormat: 'epoch-s' });
    expect(await points('m#v')).toEqual([
      ['2024-01-01T00:00:00.000Z', 1],
      ['2024-01-01T00:01:00.000Z', 2],
    ]);
    const e = await caught(importFile(store, secs, { timestampFormat: 'iso' }));
    expect((e as Error).message).toMatch(/precision/);
  });

  it('is all or nothing: a failure mid-file leaves the store as it was', async () => {
    await importFile(store, await file('before.csv', 'time,S0\n2024-01-01T00:00:00Z,42\n'), {});
    const rows = ['time,S0,S1,S2'];
    for (let i = 0; i < 60_000; i++) rows.push(`${new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString()},${i},${i * 2},${i * 3}`);
    const big = await file('big.csv', rows.join('\n'));
    const seen: ImportProgress[] = [];
    const e = await caught(
      importFile(store, big, {}, (p) => {
        seen.push(p);
        if (p.bytesRead > 1_000_000) throw new Error('injected failure');
      }),
    );
    expect((e as Error).message).toBe('injected failure');
    expect(seen.at(-1)!.rows).toBeGreaterThan(1000);
    expect(seen.at(-1)!.bytesRead).toBeLessThan(seen.at(-1)!.totalBytes);
    expect(await store.pointCount()).toBe(1);
    expect(store.hasSeries('S1#value')).toBe(false);
    expect(await points('S0#value')).toEqual([['2024-01-01T00:00:00.000Z', 42]]);

    const ac = new AbortController();
    const aborted = await caught(importFile(store, big, {}, () => ac.abort(), ac.signal));
    expect((aborted as Error).name).toBe('AbortError');
    expect(await store.pointCount()).toBe(1);

    // The same file imports completely when nothing interrupts it, and survives a reopen.
    const done = await importFile(store, big, {});
    expect(done.points).toBe(180_000);
    await store.close();
    store = await LocalStore.open(path.join(dir, 'store'));
    expect(await store.pointCount()).toBe(180_000);
    expect(await store.pointCount('S2#value')).toBe(60_000);
    expect((await store.valueAt(['S2#value'], Date.UTC(2024, 0, 1) + 30 * DAY))[0]?.value).toBe(30 * 1440 * 3);
    expect((await store.valueAt(['S2#value'], Date.UTC(2024, 0, 1) + 100 * DAY))[0]?.value).toBe(59_999 * 3);
  });

  it('says what is wrong with a missing, empty or header-less file', async () => {
    expect(isTwinError(await caught(importFile(store, path.join(dir, 'nope.csv'), {}))) && 'not-found').toBe('not-found');
    const empty = await caught(importFile(store, await file('empty.csv', ''), {}));
    expect(isTwinError(empty) && empty.kind).toBe('file-invalid');
    const headerless = await caught(importFile(store, await file('nohead.csv', '2024-01-01T00:00:00Z,1\n2024-01-01T00:01:00Z,2\n'), {}));
    expect((headerless as Error).message).toMatch(/Line 1 looks like data.*needs a header row/);
    const zone = await caught(importFile(store, await file('z.csv', 'time,a\n2024-01-01T00:00:00Z,1\n'), { timeZone: 'Mars/Base' }));
    expect((zone as Error).message).toMatch(/Unknown time zone "Mars\/Base"/);
  });
});

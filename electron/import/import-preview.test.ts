import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandImportPaths } from './import-paths';
import { previewImport, previewImports } from './import-preview';

describe('previewImport', () => {
  let dir: string;
  const file = async (name: string, text: string) => {
    const f = path.join(dir, name);
    await writeFile(f, text);
    return f;
  };
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'twin-preview-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('shows a wide CSV with an inferred epoch unit as it would land', async () => {
    const f = await file('epoch.csv', 'ts;B7_CH1_KW;B7.CHWP2.SPD\n1704067200000;310;45,5\n1704067260000;311;\n');
    const p = await previewImport(f, {});
    expect(p).toMatchObject({
      format: 'csv-wide',
      delimiter: ';',
      timestampFormat: 'epoch-ms',
      needsTimeZone: false,
      columns: ['ts', 'B7_CH1_KW', 'B7.CHWP2.SPD'],
      series: ['B7_CH1_KW#value', 'B7.CHWP2.SPD#value'],
    });
    expect(p.sample).toEqual([
      { line: 2, raw: '1704067200000;310;45,5', time: '2024-01-01T00:00:00.000Z', values: [310, null], keys: [], gaps: [] },
      { line: 3, raw: '1704067260000;311;', time: '2024-01-01T00:01:00.000Z', values: [311, null], keys: [], gaps: [] },
    ]);
    expect(p.problems).toEqual([{ line: 2, message: expect.stringMatching(/decimal comma.*45\.5/) }]);
  });

  it('says a zone is needed for naive times, and shows times once one is chosen', async () => {
    const f = await file('naive.csv', 'Time,CHWS\n2024-07-01 12:00:00,6.5\n');
    const without = await previewImport(f, {});
    expect(without.needsTimeZone).toBe(true);
    expect(without.timestampFormat).toBe('iso');
    expect(without.sample[0]).toEqual({ line: 2, raw: '2024-07-01 12:00:00,6.5', time: null, values: [6.5], keys: [], gaps: [] });
    expect(without.problems).toEqual([{ line: 0, message: expect.stringMatching(/choose the time zone/) }]);
    const withZone = await previewImport(f, { timeZone: 'Europe/Berlin' });
    expect(withZone.sample[0]?.time).toBe('2024-07-01T10:00:00.000Z');
    expect(withZone.problems).toEqual([]);
  });

  it('reports ambiguous slashed dates, with a hint from the data', async () => {
    const p = await previewImport(await file('dm.csv', 'date,a\n25/03/2024 10:00,1\n'), {});
    expect(p.timestampFormat).toBe('unknown');
    expect(p.problems[0]?.message).toMatch(/declare the timestamp format.*suggests DD\/MM\/YYYY/);
    expect(p.sample).toEqual([]);
  });

  it('shows line protocol with its inferred precision and the series it holds', async () => {
    const p = await previewImport(await file('x.lp', 'cpu,host=a usage=1.5,idle=2i 1704067200000000000\ncpu,host=b usage=3 1704067200000000000\n'), {});
    expect(p).toMatchObject({ format: 'line-protocol', timestampFormat: 'epoch-ns', needsTimeZone: false });
    expect(p.series).toEqual(['cpu,host=a#usage', 'cpu,host=a#idle', 'cpu,host=b#usage']);
    expect(p.columns).toEqual(p.series);
    expect(p.sample.map((s) => s.values)).toEqual([
      [1.5, 2, null],
      [null, null, 3],
    ]);
  });

  it('lists long-format series found in the head and the values of each row', async () => {
    const p = await previewImport(await file('long.csv', 'timestamp,sensor,value\n2024-01-01T00:00:00Z,A,1\n2024-01-01T00:00:00Z,B,x\n'), {});
    expect(p.format).toBe('csv-long');
    expect(p.series).toEqual(['A#value']);
    expect(p.sample.map((s) => s.values)).toEqual([[1], []]);
    expect(p.problems).toEqual([{ line: 3, message: expect.stringMatching(/"x" is not a decimal number/) }]);
  });

  it('flags duplicate column names as stopping the import', async () => {
    const p = await previewImport(await file('dupcol.csv', 'time,A,A\n2024-01-01T00:00:00Z,1,2\n'), {});
    expect(p.problems[0]).toEqual({ line: 1, message: expect.stringMatching(/Columns 2 and 3 are both named "A"/) });
  });
});

describe('previewImports of historian layouts', () => {
  const fixture = (name: string) => path.join(__dirname, 'fixtures', name);

  it('names the layout, counts the gaps per state in the rows read, and shows each timestamp choice with its instant', async () => {
    const p = await previewImport(fixture('pi-long.csv'), { timeZone: 'America/Chicago' });
    expect(p.layout).toEqual({ id: 'pi-long', name: 'PI export, one row per value (tag, timestamp, value)' });
    expect(p.rowsRead).toBe(16);
    expect(p.gaps[0]).toEqual({ state: 'I/O Timeout', count: 2 });
    expect(p.gaps.reduce((n, g) => n + g.count, 0)).toBe(9);
    expect(p.sample[1]).toMatchObject({ line: 3, values: [], keys: [], gaps: [{ series: 'B7_CH1_KW#value', state: 'I/O Timeout' }] });
    expect(p.sample[0]).toMatchObject({ values: [512.4], keys: ['B7_CH1_KW#value'] });
    expect(p.timestampChoices).toEqual([{ format: 'DD-MMM-YY', readable: 16, first: '2025-07-01T05:00:00.000Z' }]);
    expect(p.timestampSamples[0]).toBe('01-Jul-25 00:00:00');
    expect(p.problems).toEqual([]);
  });

  it('previews a folder as one import, with every file listed', async () => {
    const files = await expandImportPaths([fixture('niagara')]);
    const p = await previewImports(files, { timeZone: 'America/New_York' });
    expect(p.fileCount).toBe(4);
    expect(p.files.map((f) => [path.basename(f.path), f.layout, f.series])).toEqual([
      ['CH1_kW.csv', 'niagara', 1],
      ['CH2_kW.csv', 'niagara', 1],
      ['CHWP1_Run.csv', 'niagara', 1],
      ['OAT.csv', 'niagara', 1],
    ]);
    expect(p.units['/B7Station/OAT#value']).toBe('°F');
    expect(p.sample.map((s) => s.time)).toEqual([
      '2025-07-01T04:00:00.000Z',
      '2025-07-01T04:15:00.000Z',
      '2025-07-01T04:30:00.000Z',
      '2025-07-01T04:45:00.000Z',
      '2025-07-01T05:00:00.000Z',
    ]);
  });
});

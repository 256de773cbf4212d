/**
 * Issue 14: historian exports as they really come, imported and read back the way users do it — through
 * `node bin/twin.cjs import|query|value-at|catalog` as child processes. One fixture per layout and timestamp
 * style (fixtures/README.md says where each shape comes from); values land at the right UTC instants, bad
 * quality and digital states are absent and counted per state, units reach the catalog.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportPreview, ImportResult } from '../../shared/api/source-schemas';
import { installCli, type InstalledCli } from '../cli/testing/installed-cli';

const fixture = (name: string) => path.join(__dirname, 'fixtures', name);

let cli: InstalledCli;
let tmp: string;
let n = 0;

beforeAll(async () => {
  cli = await installCli();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'twin-historian-'));
}, 120_000);

afterAll(() => {
  cli?.remove();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** A fresh store folder per import. */
const newStore = () => path.join(tmp, `store-${++n}`);

function twin(args: string[]): { code: number | null; stdout: string; stderr: string } {
  return cli.run(args);
}

function importInto(store: string, files: string[], options: string[] = []): ImportResult {
  const r = twin(['import', '--local', store, ...files, ...options, '--json', '--quiet']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as ImportResult;
}

function preview(files: string[], options: string[] = []): ImportPreview {
  const r = twin(['import', '--local', newStore(), ...files, ...options, '--preview', '--json']);
  return JSON.parse(r.stdout) as ImportPreview;
}

/** Every point of a series in [from, to) as [ISO instant, value], read with `twin query` in windows of `stepMs`. */
function points(store: string, key: string, from: string, to: string, stepMs: number): [string, number][] {
  const span = Date.parse(to) - Date.parse(from);
  const r = twin(['query', '--local', store, '--series', key, '--from', from, '--to', to, '--points', String(Math.round(span / stepMs)), '--json']);
  expect(r.code, r.stderr).toBe(0);
  const [s] = JSON.parse(r.stdout).series as { t: number[]; first: number[]; count: number[] }[];
  expect(s!.count.every((c) => c === 1)).toBe(true);
  return s!.t.map((t, i) => [new Date(t).toISOString(), s!.first[i] as number]);
}

/** The last value at or before an instant, with `twin value-at`. */
function valueAt(store: string, key: string, at: string): { t: string | null; value: number | null } {
  const r = twin(['value-at', '--local', store, '--series', key, '--at', at, '--json']);
  expect(r.code, r.stderr).toBe(0);
  const [v] = JSON.parse(r.stdout).values as { t: number | null; value: number | null }[];
  return { t: v!.t === null ? null : new Date(v!.t).toISOString(), value: v!.value };
}

function catalogUnits(store: string): Record<string, string | undefined> {
  const r = twin(['catalog', '--local', store, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return Object.fromEntries((JSON.parse(r.stdout).series as { key: string; unit?: string }[]).map((e) => [e.key, e.unit]));
}

describe('PI exports', () => {
  it('long, with digital states: the states are gaps counted per state, the numbers land in the plant zone', () => {
    expect(preview([fixture('pi-long.csv')], ['--tz', 'America/Chicago'])).toMatchObject({ layout: { id: 'pi-long' }, timestampFormat: 'DD-MMM-YY' });
    const store = newStore();
    const r = importInto(store, [fixture('pi-long.csv')], ['--tz', 'America/Chicago']);
    expect(r).toMatchObject({ rows: 16, points: 7, skippedCount: 0, gapCount: 9 });
    expect(r.series.sort()).toEqual(['B7.CHLR2.KW#value', 'B7_CH1_KW#value', 'LCHWT\\ 2#value']);
    expect(Object.fromEntries(r.gaps.map((g) => [g.state, g.count]))).toEqual({
      'I/O Timeout': 2,
      Shutdown: 1,
      'Pt Created': 1,
      'Bad Input': 1,
      'Comm Fail': 1,
      'No Data': 1,
      'Scan Off': 1,
      'Calc Failed': 1,
    });
    // 00:00 CDT is 05:00 UTC; the minutes that held states are absent, not zero.
    expect(points(store, 'B7_CH1_KW#value', '2025-07-01T05:00:00Z', '2025-07-01T05:10:00Z', 60_000)).toEqual([
      ['2025-07-01T05:00:00.000Z', 512.4],
      ['2025-07-01T05:02:00.000Z', 515],
      ['2025-07-01T05:05:00.000Z', 517.25],
    ]);
    expect(valueAt(store, 'B7_CH1_KW#value', '2025-07-01T05:04:30Z')).toEqual({ t: '2025-07-01T05:02:00.000Z', value: 515 });
    // Names as written: a space stays a space (escaped only inside the key).
    expect(points(store, 'LCHWT\\ 2#value', '2025-07-01T05:00:00Z', '2025-07-01T05:10:00Z', 60_000)).toEqual([
      ['2025-07-01T05:00:00.000Z', 6.7],
      ['2025-07-01T05:08:00.000Z', 6.9],
    ]);
  });

  it('long with Annotated/Questionable/Substituted flags and fractional seconds: questionable values are gaps', () => {
    const store = newStore();
    const r = importInto(store, [fixture('pi-long-flags.csv')], ['--tz', 'America/Chicago']);
    expect(r).toMatchObject({ points: 3, gaps: [{ state: 'Questionable', count: 1 }] });
    expect(points(store, 'CHWS_TEMP#value', '2025-07-01T05:00:00Z', '2025-07-01T05:02:00Z', 250)).toEqual([
      ['2025-07-01T05:00:00.250Z', 6.61],
      ['2025-07-01T05:00:30.750Z', 6.63],
      ['2025-07-01T05:01:30.500Z', 6.65],
    ]);
  });

  it('wide from DataLink with a tag row and a units row: units reach the catalog, states are gaps', () => {
    expect(preview([fixture('pi-wide-tag-row.csv')], ['--tz', 'America/Chicago']).layout.id).toBe('pi-wide');
    const store = newStore();
    const r = importInto(store, [fixture('pi-wide-tag-row.csv')], ['--tz', 'America/Chicago']);
    expect(r).toMatchObject({ points: 7, gapCount: 2, units: { 'B7_CH1_KW#value': 'kW', 'B7_CH2_KW#value': 'kW', 'OAT#value': '°F' } });
    expect(catalogUnits(store)).toEqual({ 'B7_CH1_KW#value': 'kW', 'B7_CH2_KW#value': 'kW', 'OAT#value': '°F' });
    expect(points(store, 'B7_CH2_KW#value', '2025-07-01T05:00:00Z', '2025-07-01T08:00:00Z', 3_600_000)).toEqual([
      ['2025-07-01T05:00:00.000Z', 480],
      ['2025-07-01T07:00:00.000Z', 470.5],
    ]);
  });

  it('wide as Excel saves DataLink sheets: "Jul 1, 2025 1:00:00 PM", units in the headers, names kept as written', () => {
    const store = newStore();
    const r = importInto(store, [fixture('pi-wide-sampled.csv')], ['--tz', 'America/Chicago']);
    expect(r.units).toEqual({ 'B7_CH1_KW#value': 'kW', 'CHWS\\ Temp#value': '°F', 'Valve\\ Pos#value': '%' });
    expect(r.gaps).toEqual([{ state: 'Bad', count: 1 }]);
    expect(points(store, 'CHWS\\ Temp#value', '2025-07-01T05:00:00Z', '2025-07-01T19:00:00Z', 30 * 60_000)).toEqual([
      ['2025-07-01T05:00:00.000Z', 44.2],
      ['2025-07-01T05:30:00.000Z', 44.1],
      ['2025-07-01T18:00:00.000Z', 44],
    ]);
  });
});

describe('AVEVA (Wonderware) Historian query results', () => {
  it('OPC quality decides: below 192 is a gap named by its OPC meaning, 216 (good, local override) passes', () => {
    expect(preview([fixture('aveva-history.csv')], ['--tz', 'America/Chicago']).layout.id).toBe('aveva');
    const store = newStore();
    const r = importInto(store, [fixture('aveva-history.csv')], ['--tz', 'America/Chicago']);
    expect(r).toMatchObject({ points: 5, gapCount: 2 });
    expect(r.gaps).toEqual([
      { state: 'OPC 24 (Bad: comm failure)', count: 1 },
      { state: 'OPC 64 (Uncertain)', count: 1 },
    ]);
    expect(points(store, 'ReactLevel#value', '2025-07-01T05:00:00Z', '2025-07-01T05:04:00Z', 500)).toEqual([
      ['2025-07-01T05:00:00.000Z', 1865],
      ['2025-07-01T05:03:00.500Z', 2025],
    ]);
    expect(valueAt(store, 'ReactTemp#value', '2025-07-01T05:02:00Z')).toEqual({ t: '2025-07-01T05:02:00.000Z', value: 195.9 });
  });

  it('without OPC quality, Quality decides: 1 (bad) and 16 (doubtful) are gaps', () => {
    const store = newStore();
    const r = importInto(store, [fixture('aveva-quality.csv')], ['--tz', 'UTC']);
    expect(r.gaps).toEqual([
      { state: 'Quality 1 (Bad)', count: 1 },
      { state: 'Quality 16 (Doubtful)', count: 1 },
    ]);
    expect(points(store, 'SysTimeMin#value', '2025-07-01T00:00:00Z', '2025-07-01T00:04:00Z', 60_000)).toEqual([
      ['2025-07-01T00:00:00.000Z', 0],
      ['2025-07-01T00:03:00.000Z', 3],
    ]);
  });
});

describe('Niagara history exports', () => {
  it('a folder of histories imports as one: a series per file, units from "Value (kW)", bad statuses counted', () => {
    const folder = fixture('niagara');
    const p = preview([folder], ['--tz', 'America/New_York']);
    expect(p).toMatchObject({ layout: { id: 'niagara' }, fileCount: 4, abbreviations: ['EDT'] });
    const store = newStore();
    const r = importInto(store, [folder], ['--tz', 'America/New_York']);
    expect(r.files.map((f) => path.basename(f.path))).toEqual(['CH1_kW.csv', 'CH2_kW.csv', 'CHWP1_Run.csv', 'OAT.csv']);
    expect(r.series.sort()).toEqual(['/B7Station/OAT#value', 'CH1_kW#value', 'CH2_kW#value', 'CHWP1_Run#value']);
    expect(r.units).toEqual({ 'CH1_kW#value': 'kW', 'CH2_kW#value': 'kW', '/B7Station/OAT#value': '°F' });
    expect(Object.fromEntries(r.gaps.map((g) => [g.state, g.count]))).toEqual({ '{fault}': 1, '{down,stale}': 1, '{null}': 1 });
    // 12:00 AM EDT is 04:00 UTC.
    expect(points(store, 'CH1_kW#value', '2025-07-01T04:00:00Z', '2025-07-01T05:15:00Z', 15 * 60_000)).toEqual([
      ['2025-07-01T04:00:00.000Z', 512.4],
      ['2025-07-01T04:15:00.000Z', 515],
      ['2025-07-01T05:00:00.000Z', 520.5],
    ]);
    expect(points(store, 'CHWP1_Run#value', '2025-07-01T04:00:00Z', '2025-07-01T04:30:00Z', 10 * 60_000).map(([, v]) => v)).toEqual([1, 0, 1]);
    // The night clocks fall back, EDT and EST tell the two 1:30s apart: no choice needed, no row lost.
    expect(points(store, '/B7Station/OAT#value', '2025-11-02T04:00:00Z', '2025-11-02T08:00:00Z', 30 * 60_000)).toEqual([
      ['2025-11-02T04:30:00.000Z', 55.1],
      ['2025-11-02T05:30:00.000Z', 54.8],
      ['2025-11-02T06:30:00.000Z', 54.6],
      ['2025-11-02T07:30:00.000Z', 54.2],
    ]);
    expect(catalogUnits(store)['CH2_kW#value']).toBe('kW');
  });
});

describe('Ignition and Kepware', () => {
  it('Ignition wide with t_stamp in epoch ms and a quality column: bad quality is a gap, the quality column no series', () => {
    expect(preview([fixture('ignition-epoch.csv')]).layout.id).toBe('ignition');
    const store = newStore();
    const r = importInto(store, [fixture('ignition-epoch.csv')]);
    expect(r.series.sort()).toEqual(['[default]Plant/CH1/kW#value', '[default]Plant/CH2/kW#value']);
    expect(r.gaps).toEqual([
      { state: 'OPC 0 (Bad)', count: 1 },
      { state: 'OPC 24 (Bad: comm failure)', count: 1 },
    ]);
    expect(points(store, '[default]Plant/CH1/kW#value', '2025-07-01T05:00:00Z', '2025-07-01T05:04:00Z', 60_000)).toEqual([
      ['2025-07-01T05:00:00.000Z', 512.4],
      ['2025-07-01T05:01:00.000Z', 513],
    ]);
  });

  it('Ignition with t_stamp as text in the plant zone', () => {
    const store = newStore();
    importInto(store, [fixture('ignition-text.csv')], ['--tz', 'America/Chicago']);
    expect(valueAt(store, '[default]Plant/OAT#value', '2025-07-01T05:06:00Z')).toEqual({ t: '2025-07-01T05:05:00.000Z', value: 78.7 });
  });

  it('Kepware IoT Gateway: Good passes, Bad and Uncertain are gaps', () => {
    expect(preview([fixture('kepware-iot-gateway.csv')]).layout.id).toBe('kepware');
    const store = newStore();
    const r = importInto(store, [fixture('kepware-iot-gateway.csv')]);
    expect(r.gaps).toEqual([
      { state: 'Bad', count: 1 },
      { state: 'Uncertain', count: 1 },
    ]);
    expect(points(store, 'Channel1.Device1.CH1_KW#value', '2025-07-01T05:00:00Z', '2025-07-01T05:03:00Z', 60_000)).toEqual([
      ['2025-07-01T05:00:00.000Z', 512.4],
      ['2025-07-01T05:02:00.000Z', 515],
    ]);
  });

  it('Kepware DataLogger with 07/01/2025: the order is declared, never guessed, and each choice shows its instant', () => {
    const p = preview([fixture('kepware-datalogger.csv')], ['--tz', 'America/Chicago']);
    expect(p.problems[0]?.message).toMatch(/declare the timestamp format \(MM\/DD\/YYYY or DD\/MM\/YYYY\)/);
    expect(p.timestampChoices).toEqual([
      { format: 'MM/DD/YYYY', readable: 3, first: '2025-07-01T05:00:00.000Z' },
      { format: 'DD/MM/YYYY', readable: 3, first: '2025-01-07T06:00:00.000Z' },
    ]);
    const refused = twin(['import', '--local', newStore(), fixture('kepware-datalogger.csv'), '--tz', 'America/Chicago']);
    expect(refused.code).toBe(1);
    const store = newStore();
    const r = importInto(store, [fixture('kepware-datalogger.csv')], ['--tz', 'America/Chicago', '--timestamps', 'MM/DD/YYYY']);
    expect(r.gaps).toEqual([{ state: 'OPC 0 (Bad)', count: 1 }]);
    expect(points(store, 'Channel1.Device1.CHWP1_SPD#value', '2025-07-01T05:00:00Z', '2025-07-01T05:00:04Z', 500)).toEqual([
      ['2025-07-01T05:00:00.000Z', 45.5],
      ['2025-07-01T05:00:01.500Z', 46],
    ]);
  });

  it('two-digit years with a 12-hour clock, as declared', () => {
    const store = newStore();
    importInto(store, [fixture('wide-two-digit-year.csv')], ['--tz', 'America/Chicago', '--timestamps', 'MM/DD/YY']);
    expect(points(store, 'CHWS#value', '2025-07-01T18:00:00Z', '2025-07-01T18:02:00Z', 60_000)).toEqual([
      ['2025-07-01T18:00:00.000Z', 6.5],
      ['2025-07-01T18:01:00.000Z', 6.6],
    ]);
  });
});

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoProject } from '../../../shared/sim/demo-plant/build-demo-project';
import { stateFromDocument } from '../../../shared/twin/state';
import { isCorrect } from '../../../shared/bindings/testing/evaluate';
import { seedDemoData } from '../../sim/seed';
import { LocalStore } from '../../sources/local/local-store';
import { installCli, type InstalledCli } from '../testing/installed-cli';

/** `twin suggest` and `twin bindings` as users run them: the installed bin in a child process, on the demo plant's data. */

let cli: InstalledCli;
let tmp: string;
let store: string;
const demo = buildDemoProject();
const full = stateFromDocument(demo);

function project(name: string, withSensors: boolean): string {
  const file = path.join(tmp, name);
  writeFileSync(file, `${JSON.stringify(withSensors ? demo : { ...demo, sensors: [] }, null, 2)}\n`);
  return file;
}

beforeAll(async () => {
  cli = await installCli();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'twin-bindings-cli-'));
  store = path.join(tmp, 'store');
  const local = await LocalStore.open(store);
  await seedDemoData(local, { days: 2 });
  await local.close();
}, 180_000);

afterAll(() => {
  cli?.remove();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('twin suggest', () => {
  it('prints one suggestion per unbound series, best first, in the documented JSON shape, and they are right', () => {
    const file = project('bare.twin.json', false);
    const r = cli.run(['suggest', file, '--local', store, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const { suggestions, ...rest } = JSON.parse(r.stdout) as { suggestions: Record<string, unknown>[] };
    expect(rest).toEqual({});
    expect(suggestions.length).toBeGreaterThanOrEqual(50);
    for (const s of suggestions) {
      expect(Object.keys(s).sort()).toEqual(['assetTag', 'confidence', 'role', 'series']);
      expect(s.confidence).toBeGreaterThanOrEqual(0);
      expect(s.confidence).toBeLessThanOrEqual(1);
    }
    expect(new Set(suggestions.map((s) => s.series)).size).toBe(suggestions.length);
    const confidences = suggestions.map((s) => s.confidence as number);
    expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
    expect(suggestions.find((s) => s.series === 'B7_CH1_KW#value')).toMatchObject({ assetTag: 'JT-115', role: 'power' });
    // Checked against the demo's own bindings, as the unit test does with its stats: precision at 0.7.
    const truth = new Map(Object.values(full.sensors).map((s) => [s.series, s]));
    const byTag = new Map(demo.assets.map((a) => [a.tag, a.id]));
    const sure = suggestions.filter((s) => (s.confidence as number) >= 0.7);
    const right = sure.filter((s) => {
      const t = truth.get(s.series as string);
      return (
        t &&
        isCorrect(
          full,
          {
            ...(s as { series: string; role: string; confidence: number }),
            assetId: byTag.get(s.assetTag as string) ?? '',
            assetTag: s.assetTag as string,
            unit: null,
          },
          t,
        )
      );
    });
    expect(right.length / sure.length).toBeGreaterThanOrEqual(0.95);
    expect(sure.length).toBeGreaterThanOrEqual(45);
  });

  it('leaves out the series the project binds, and says so in words without --json', () => {
    const r = cli.run(['suggest', project('full.twin.json', true), '--local', store]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('0 suggestions for 0 unbound series (0 at or above 0.7); 53 series already bound.');
  });

  it('exits 2 for a missing project or bad usage, 1 for an invalid project', () => {
    expect(cli.run(['suggest', path.join(tmp, 'nope.twin.json'), '--local', store]).code).toBe(2);
    expect(cli.run(['suggest', project('x.twin.json', false)]).code).toBe(2);
    const bad = path.join(tmp, 'bad.twin.json');
    writeFileSync(bad, '{"formatVersion": 3, "id": "x", "assets": [{"id": "a"}]}');
    const r = cli.run(['suggest', bad, '--local', store]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bad.twin.json is not a valid Twin Studio project');
  });
});

describe('twin bindings', () => {
  it('exports the table and imports it back into a project without bindings, to the same bindings', () => {
    const file = project('export.twin.json', true);
    const csv = path.join(tmp, 'bindings.csv');
    const out = cli.run(['bindings', file, '--export', csv]);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toContain('Wrote 53 bindings');
    const table = readFileSync(csv, 'utf8');
    expect(table.split('\r\n')[0]).toBe('series,asset tag,role,unit,trusted,source');
    const bare = project('import.twin.json', false);
    const r = cli.run(['bindings', bare, '--import', csv, '--local', store]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('Imported 53 bindings');
    const again = path.join(tmp, 'again.csv');
    expect(cli.run(['bindings', bare, '--export', again]).code).toBe(0);
    expect(readFileSync(again, 'utf8')).toBe(table);
    expect(cli.run(['validate', bare]).code).toBe(0);
  });

  it('refuses a table with problems, printing each by line, and leaves the project as it was', () => {
    const file = project('guarded.twin.json', true);
    const before = readFileSync(file);
    const csv = path.join(tmp, 'bad.csv');
    writeFileSync(
      csv,
      [
        'series,asset tag,role,unit,trusted',
        'B7_CH1_KW#value,CH-9,power,kW,true',
        'NO_SUCH_SERIES#value,CH-1,status,,',
        'B7_CH1_STS#value,CH-1,status,,',
        'B7_CH1_STS#value,CH-1,status,,',
        'B7_CH1_AMPS#value,CH-1,fan-speed,A,',
        'B7_CHWS_T#value,TT-101,chws-temperature,°C,true',
        'B7_CHWS_T_2#value,TT-102,chws-temperature,°C,true',
      ].join('\n'),
    );
    const r = cli.run(['bindings', file, '--import', csv, '--local', store]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toEqual([
      `${csv}:2: no asset has the tag "CH-9"`,
      `${csv}:3: series "NO_SUCH_SERIES#value" is not in source "local" and not in the project`,
      `${csv}:5: series "B7_CH1_STS#value" is already bound on line 4; each series is bound once`,
      expect.stringMatching(new RegExp(`^${csv.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:6: CH-1 \\(chiller\\) has no role "fan-speed"`)),
      `${csv}:8: HDR-101 has 2 trusted sensors for chws-temperature (lines 7, 8); mark exactly one trusted`,
    ]);
    expect(r.stderr).toContain('5 problems;');
    expect(r.stderr).toContain('was not changed');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('says what is wrong with its arguments', () => {
    const file = project('args.twin.json', true);
    const both = cli.run(['bindings', file, '--export', 'a.csv', '--import', 'b.csv']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('Give either --export FILE.csv or --import FILE.csv.');
    const missing = cli.run(['bindings', file, '--import', path.join(tmp, 'none.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('none.csv');
  });
});

import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalStore } from '../sources/local/local-store';
import { installCli, type InstalledCli } from './testing/installed-cli';

/**
 * Issue 7, finding 6, through the installed `twin`: the read-only commands refuse a --local folder that holds
 * no store (and never create one), and query/value-at name every series the source does not have.
 */

const FROM = Date.UTC(2025, 6, 1);
let cli: InstalledCli;
let tmp: string;
let store: string;

beforeAll(async () => {
  cli = await installCli();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'twin-local-args-'));
  store = path.join(tmp, 'store');
  const local = await LocalStore.open(store);
  const t = Float64Array.from({ length: 60 }, (_, i) => FROM + i * 60_000);
  await local.appendColumns([{ key: 'B7_CH1_KW#value', t, v: Float64Array.from(t, (_, i) => 500 + i) }]);
  await local.close();
}, 120_000);

afterAll(() => {
  cli?.remove();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const range = ['--from', String(FROM), '--to', String(FROM + 3_600_000)];

describe('a --local folder without a store', () => {
  it.each([
    ['query', ['--series', 'B7_CH1_KW#value', ...range]],
    ['catalog', []],
    ['value-at', ['--series', 'B7_CH1_KW#value', '--at', String(FROM)]],
  ])('twin %s refuses it and creates nothing', async (command, rest) => {
    const missing = path.join(tmp, `missing-${command}`);
    const empty = path.join(tmp, `empty-${command}`);
    mkdirSync(empty);
    for (const dir of [missing, empty]) {
      const r = cli.run([command, '--local', dir, ...rest]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toBe(`twin ${command}: no local store in ${dir}; create one with twin seed or twin import\n`);
      expect(r.stdout).toBe('');
    }
    expect(existsSync(missing)).toBe(false);
    expect(readdirSync(empty)).toEqual([]);
  });
});

describe('series the source does not have', () => {
  it('query names each unknown series and still answers for the known ones', async () => {
    const r = cli.run(['query', '--local', store, '--series', 'B7_CH1_KW#value', 'NOPE#value', 'chiller,unit=CH9#kw', ...range, '--points', '1', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'twin query: no series "NOPE#value" in the source (twin catalog lists what it has)\n' +
        'twin query: no series "chiller,unit=CH9#kw" in the source (twin catalog lists what it has)\n',
    );
    const json = JSON.parse(r.stdout) as { series: { key: string; count: number[] }[] };
    expect(json.series.map((s) => s.key)).toEqual(['B7_CH1_KW#value', 'NOPE#value', 'chiller,unit=CH9#kw']);
    expect(json.series[0]?.count).toEqual([60]);
  });

  it('query and value-at exit 1 when none of the asked series exists', async () => {
    for (const args of [
      ['query', '--local', store, '--series', 'NOPE#value', 'ALSO_NOPE#value', ...range],
      ['value-at', '--local', store, '--series', 'NOPE#value', 'ALSO_NOPE#value', '--at', String(FROM), '--json'],
    ]) {
      const r = cli.run(args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toContain('no series "NOPE#value" in the source');
      expect(r.stderr).toContain('no series "ALSO_NOPE#value" in the source');
      expect(r.stderr).toContain('none of the 2 series asked for is in the source');
      expect(r.stdout).toBe('');
    }
  });
});

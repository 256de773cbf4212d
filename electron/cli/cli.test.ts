import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalStore } from '../sources/local/local-store';
import { parseInstantArg } from './instant-arg';
import { parseArgs } from './args';
import { runCli } from './run-cli';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s) }, out, err };
}

const MIN = 60_000;
const FROM = Date.UTC(2025, 6, 1);
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'twin-cli-'));
  const store = await LocalStore.open(dir);
  const t = Float64Array.from({ length: 120 }, (_, i) => FROM + i * MIN);
  await store.appendColumns([
    { key: 'B7_CH1_KW#value', t, v: Float64Array.from(t, (_, i) => 500 + i) },
    { key: 'chiller,plant=B7,unit=CH1#kw', t: t.slice(0, 60), v: Float64Array.from({ length: 60 }, (_, i) => i / 2) },
  ]);
  await store.close();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('twin query / value-at / catalog on the local store', () => {
  it('prints windows in the documented JSON shape, empty windows left out', async () => {
    const c = capture();
    const code = await runCli(
      [
        'query',
        '--local',
        dir,
        '--series',
        'B7_CH1_KW#value',
        'chiller,unit=CH1,plant=B7#kw',
        '--from',
        '2025-07-01T00:00:00Z',
        '--to',
        String(FROM + 4 * 3_600_000),
        '--points',
        '4',
        '--json',
      ],
      c.io,
    );
    expect(c.err).toEqual([]);
    expect(code).toBe(0);
    const json = JSON.parse(c.out.join('\n'));
    expect(Object.keys(json)).toEqual(['series']);
    const [a, b] = json.series;
    expect(Object.keys(a)).toEqual(['key', 't', 'min', 'max', 'mean', 'first', 'last', 'count']);
    expect(a.key).toBe('B7_CH1_KW#value');
    expect(a.t).toEqual([FROM, FROM + 3_600_000]);
    expect(a.count).toEqual([60, 60]);
    expect(a.min).toEqual([500, 560]);
    expect(a.last).toEqual([559, 619]);
    expect(a.mean).toEqual([529.5, 589.5]);
    // The key comes back canonical (tags sorted), and only the window with points is listed.
    expect(b.key).toBe('chiller,plant=B7,unit=CH1#kw');
    expect(b.t).toEqual([FROM]);
  });

  it('prints values at an instant, null where a series has nothing yet', async () => {
    const c = capture();
    const code = await runCli(
      ['value-at', '--local', dir, '--series', 'B7_CH1_KW#value', 'OAWB#value', '--at', String(FROM + 30 * MIN + 30_000), '--json'],
      c.io,
    );
    expect(code).toBe(0);
    expect(JSON.parse(c.out.join(''))).toEqual({
      values: [
        { key: 'B7_CH1_KW#value', t: FROM + 30 * MIN, value: 530 },
        { key: 'OAWB#value', t: null, value: null },
      ],
    });
  });

  it('lists the catalog', async () => {
    const c = capture();
    expect(await runCli(['catalog', '--local', dir, '--json'], c.io)).toBe(0);
    expect(
      JSON.parse(c.out.join(''))
        .series.map((e: { key: string }) => e.key)
        .sort(),
    ).toEqual(['B7_CH1_KW#value', 'chiller,plant=B7,unit=CH1#kw']);
  });

  it('exits 1 with a readable message on a source error, 2 on bad usage', async () => {
    const down = capture();
    expect(
      await runCli(['value-at', '--influx', 'http://127.0.0.1:9', '--db', 'plant', '--password', 'hunter2', '--series', 'a#v', '--at', '0'], down.io),
    ).toBe(1);
    expect(down.err.join('\n')).toMatch(/127\.0\.0\.1:9/);
    expect(down.err.join('\n')).not.toMatch(/hunter2/);

    for (const argv of [
      ['query', '--local', dir, '--series', 'a#v', '--to', '0'],
      ['query', '--local', dir, '--series', 'not a key', '--from', '0', '--to', '10'],
      ['query', '--local', dir, '--series', 'a#v', '--from', '2025-07-01T00:00', '--to', '10'],
      ['query', '--local', dir, '--series', 'a#v', '--from', '0', '--to', '10', '--points', '0'],
      ['value-at', '--series', 'a#v', '--at', '0'],
      ['value-at', '--local', dir, '--influx', 'http://x', '--series', 'a#v', '--at', '0'],
      ['nope'],
    ]) {
      const c = capture();
      expect(await runCli(argv, c.io), argv.join(' ')).toBe(2);
      expect(c.err.join('\n').length).toBeGreaterThan(10);
    }
  });
});

describe('instants and options', () => {
  it('takes epoch ms, ISO with Z or offsets, and wall times only with a zone', () => {
    expect(parseInstantArg('1735689600000', 'at')).toBe(1735689600000);
    expect(parseInstantArg('2025-01-01T00:00:00Z', 'at')).toBe(Date.UTC(2025, 0, 1));
    expect(parseInstantArg('2025-07-01T12:00:00-05:00', 'at')).toBe(Date.UTC(2025, 6, 1, 17));
    expect(parseInstantArg('2025-07-01T12:00:00', 'at', 'America/Chicago')).toBe(Date.UTC(2025, 6, 1, 17));
    expect(() => parseInstantArg('2025-07-01T12:00:00', 'at')).toThrow(/no zone/);
    expect(() => parseInstantArg('2025-02-30T00:00:00Z', 'at')).toThrow();
    expect(() => parseInstantArg('2025-03-09T02:30:00', 'at', 'America/Chicago')).toThrow();
    expect(() => parseInstantArg('yesterday', 'at')).toThrow(/ISO 8601/);
  });

  it('parses multi-value options up to the next option', () => {
    const p = parseArgs(['--series', 'a#v', 'b#v', '--at', '5', '--json'], ['at'], ['json'], ['series']);
    expect(p.options.get('series')).toEqual(['a#v', 'b#v']);
    expect(p.options.get('at')).toEqual(['5']);
    expect(p.flags.has('json')).toBe(true);
    expect(() => parseArgs(['--bogus'], [], [])).toThrow(/Unknown option --bogus/);
  });
});

describe('twin import', () => {
  it('imports a CSV all or nothing, reporting bad rows by line, and refuses naive times without --tz', async () => {
    const { writeFileSync } = await import('node:fs');
    const csv = path.join(dir, 'export.csv');
    writeFileSync(csv, 'Timestamp,LCHWT_2,B7.CHWP2.SPD\n2025-07-02 00:00,6.7,45.1\n2025-07-02 00:01,6.8,oops\n2025-02-30 00:02,6.9,45.3\n');
    const naive = capture();
    expect(await runCli(['import', '--local', path.join(dir, 'imp'), csv], naive.io)).toBe(1);
    expect(naive.err.join('\n')).toMatch(/zone|--tz|timeZone/i);
    const ok = capture();
    expect(await runCli(['import', '--local', path.join(dir, 'imp'), csv, '--tz', 'America/Chicago', '--json'], ok.io)).toBe(0);
    const result = JSON.parse(ok.out.join(''));
    expect(result.series.sort()).toEqual(['B7.CHWP2.SPD#value', 'LCHWT_2#value']);
    expect(result.points).toBe(3);
    expect(result.skipped.map((s: { line: number }) => s.line)).toEqual([3, 4]);
  });
});

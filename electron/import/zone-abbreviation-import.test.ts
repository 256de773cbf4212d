/**
 * Zone abbreviations in exports (issue 14): `CST` is US Central, China or Cuba, so an abbreviation is read
 * only against the zone the user chose, and only when that zone uses it at that date; otherwise the preview
 * asks and nothing is imported. Run through `node bin/twin.cjs` as users do.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportPreview, ImportResult } from '../../shared/api/source-schemas';
import { installCli, type InstalledCli } from '../cli/testing/installed-cli';

let cli: InstalledCli;
let tmp: string;
let n = 0;

beforeAll(async () => {
  cli = await installCli();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'twin-zones-'));
}, 120_000);

afterAll(() => {
  cli?.remove();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

function file(rows: string[]): string {
  const f = path.join(tmp, `history-${++n}.csv`);
  writeFileSync(f, ['Timestamp,Trend Flags,Status,Value (kW)', ...rows.map((t, i) => `${t},{},{ok},${i + 1}`)].join('\n'));
  return f;
}

const store = () => path.join(tmp, `store-${++n}`);

function importJson(f: string, tz: string): { code: number | null; result: ImportResult | null; stderr: string } {
  const r = cli.run(['import', '--local', store(), f, '--tz', tz, '--json', '--quiet']);
  return { code: r.code, result: r.code === 0 ? (JSON.parse(r.stdout) as ImportResult) : null, stderr: r.stderr };
}

describe('zone abbreviations', () => {
  it('asks for a zone when the file says EDT and none was chosen, suggesting the zones that use it', () => {
    const f = file(['01-Jul-25 12:00 AM EDT']);
    const r = cli.run(['import', '--local', store(), f, '--preview', '--json']);
    const p = JSON.parse(r.stdout) as ImportPreview;
    expect(p.needsTimeZone).toBe(true);
    expect(p.abbreviations).toEqual(['EDT']);
    expect(p.problems.map((x) => x.message).join(' ')).toMatch(/zone abbreviation EDT.*choose the time zone.*America\/New_York/);
    const refused = cli.run(['import', '--local', store(), f]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/EDT/);
  });

  it('refuses a file whose abbreviation the chosen zone never uses, and names zones that do', () => {
    const f = file(['01-Jul-25 12:00 AM CEST', '01-Jul-25 12:15 AM CEST']);
    const chicago = importJson(f, 'America/Chicago');
    expect(chicago.code).toBe(1);
    expect(chicago.stderr).toMatch(
      /Timestamps say CEST, which America\/Chicago does not use: choose the zone the file was written in \(CEST is used by Europe\/Berlin/,
    );
    const berlin = importJson(f, 'Europe/Berlin');
    expect(berlin.code).toBe(0);
    expect(berlin.result?.points).toBe(2);
  });

  it('reads CST as US Central in Chicago and as China Standard Time in Shanghai', () => {
    const f = file(['01-Jan-25 12:00 AM CST']);
    const chicago = importJson(f, 'America/Chicago');
    const shanghai = importJson(f, 'Asia/Shanghai');
    expect(chicago.result?.points).toBe(1);
    expect(shanghai.result?.points).toBe(1);
    const at = (s: string, key: string, iso: string) =>
      JSON.parse(cli.run(['value-at', '--local', s, '--series', key, '--at', iso, '--json']).stdout).values[0] as { t: number | null };
    // The stores were the last two made: read each back at its own instant.
    const chicagoStore = path.join(tmp, `store-${n - 1}`);
    const shanghaiStore = path.join(tmp, `store-${n}`);
    const key = `${path.basename(f, '.csv')}#value`;
    expect(at(chicagoStore, key, '2025-01-01T06:00:00Z').t).toBe(Date.parse('2025-01-01T06:00:00Z'));
    expect(at(chicagoStore, key, '2025-01-01T05:59:59Z').t).toBeNull();
    expect(at(shanghaiStore, key, '2024-12-31T16:00:00Z').t).toBe(Date.parse('2024-12-31T16:00:00Z'));
  });

  it('skips a row whose label disagrees with the zone at that date (CST in July in Chicago), keeping the rest', () => {
    const f = file(['01-Jan-25 12:00 AM CST', '01-Jul-25 12:00 AM CST', '01-Jul-25 12:00 AM CDT']);
    const r = importJson(f, 'America/Chicago');
    expect(r.result?.points).toBe(2);
    expect(r.result?.skipped).toEqual([
      { line: 3, message: expect.stringMatching(/2025-07-01 00:00 CST does not happen in America\/Chicago \(it is CDT then\).*the row was skipped/) },
    ]);
  });

  it('rejects a time that a label puts in a DST gap (2:30 AM EST the night clocks jump forward)', () => {
    const f = file(['09-Mar-25 1:30 AM EST', '09-Mar-25 2:30 AM EST', '09-Mar-25 3:30 AM EDT']);
    const r = importJson(f, 'America/New_York');
    expect(r.result?.points).toBe(2);
    expect(r.result?.skipped[0]).toMatchObject({ line: 3 });
    expect(r.result?.skipped[0]?.message).toMatch(/does not happen in America\/New_York/);
  });
});

import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_QUALITY } from '../shared/series/cursor-reading';
import { wallTextInZone } from '../shared/time/zone-format';
import { expect, openApp, startWebHostProcess, test, type WebHostProcess } from './web-host-fixture';
import { callApi, TimePage, waitForDemoData, type DrawnValue } from './pages/time-page';
import { EditorPage } from './pages/editor-page';
import { MOVED_SERIES, openDemoWithMovedSource } from './pages/moved-source-demo';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ZONE = 'America/Chicago';
const MINUTE = 60_000;

interface Fault {
  id: string;
  kind: string;
  seriesKeys: string[];
  start: { ms: number };
  end: { ms: number };
}
const truth = JSON.parse(readFileSync(path.join(ROOT, 'assets/demo/b7-faults.json'), 'utf8')) as { end: { ms: number }; faults: Fault[] };
const fault = (id: string) => truth.faults.find((f) => f.id === id) as Fault;
const flatline = truth.faults.find((f) => f.kind === 'flatline') as Fault;
const gap = fault('gap-chw-flow');

// The last 150 days of the demo year: they hold the flatline (August) and the flow meter gap (November).
const DEMO_DAYS = Math.ceil((truth.end.ms - flatline.start.ms) / 86_400_000) + 9;

interface ValueAt {
  key: string;
  t: number | null;
  value: number | null;
}

async function valuesAt(host: WebHostProcess, keys: string[], at: number): Promise<Map<string, ValueAt>> {
  const values = await callApi<ValueAt[]>(host, 'valueAt', { source: 'local', keys, at });
  return new Map(values.map((v) => [v.key, v]));
}

/** Every drawn value equals the source's valueAt at the cursor; missing ones have no value and no recent point. */
async function expectDrawnEqualsSource(host: WebHostProcess, drawn: DrawnValue[], at: number): Promise<Map<string, ValueAt>> {
  expect(drawn.length).toBeGreaterThan(40);
  const truthAt = await valuesAt(
    host,
    drawn.map((d) => d.sensor),
    at,
  );
  for (const d of drawn) {
    const v = truthAt.get(d.sensor);
    expect(v, d.sensor).toBeDefined();
    if (d.state === 'missing') {
      expect(d.value, `${d.sensor} is drawn missing, so without a value`).toBeNull();
      // Missing means no point, or only one from long ago: never more recent than the stale limit.
      if (v?.t != null) expect(at - v.t, d.sensor).toBeGreaterThan(DEFAULT_QUALITY.staleAfter * MINUTE);
    } else {
      expect(['exact', 'stale'], d.sensor).toContain(d.state);
      expect(d.value, d.sensor).not.toBeNull();
      expect(Number(d.value), d.sensor).toBe(v?.value);
      expect(Number(d.t), d.sensor).toBe(v?.t);
    }
  }
  return truthAt;
}

test.describe('time travel through the demo plant', () => {
  let host: WebHostProcess;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    host = await startWebHostProcess({ demoData: `days:${DEMO_DAYS}` });
    await waitForDemoData(host);
  });
  test.afterAll(async () => {
    await host.stop();
    rmSync(host.dataDir, { recursive: true, force: true });
  });

  test('keyboard steps to three instants draw exactly what the source holds there, chillers and the bypass valve included', async ({ page }) => {
    await openApp(page, host);
    const time = new TimePage(page);
    await time.preset('Last 30 days');
    // The demo year ends in the past: the range ends at its newest data, not at the wall clock.
    await expect(page.getByText(/Presets end at the newest data: 2025-12-31 23:59/)).toBeVisible();
    await expect(time.cursor).toHaveAttribute('aria-valuemax', String(truth.end.ms - 1));
    await expect(time.cursor).toHaveAttribute('aria-valuetext', /^2025-12-31T23:59:59\.999-06:00$/);

    const stepsToInstants = [
      ['End'],
      ['PageDown', 'PageDown', 'PageDown', 'ArrowLeft'],
      ['PageDown', 'PageDown', 'PageDown', 'PageDown', 'PageDown', 'ArrowRight'],
    ];
    let stoppedChillersSeen = 0;
    const positions: { at: number; drawn: string | null; source: number | null }[] = [];
    let previous = -1;
    for (const keys of stepsToInstants) {
      await time.press(...keys);
      await expect.poll(() => time.now()).not.toBe(previous);
      const drawn = await time.settledValues();
      const at = await time.now();
      previous = at;
      expect(await time.cursor.getAttribute('aria-valuetext')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?-0[56]:00$/);
      const truthAt = await expectDrawnEqualsSource(host, drawn, at);

      // Chillers are drawn running or stopped from their status sensors.
      for (const [tag, status] of [
        ['CH-1', 'B7_CH1_STS#value'],
        ['CH-2', 'B7.CHLR2.STAT#value'],
      ] as const) {
        const s = truthAt.get(status)?.value;
        expect(s, status).not.toBeNull();
        await expect.poll(async () => (await time.nodeState(tag)).running).toBe(String((s as number) >= 0.5));
        if ((s as number) < 0.5) stoppedChillersSeen++;
      }
      // The bypass valve is drawn at its position sensor's value.
      const pos = truthAt.get('B7.BYP.POS#value')?.value ?? null;
      positions.push({ at, drawn: (await time.nodeState('FV-106')).position, source: pos });
    }
    expect(stoppedChillersSeen, 'a chiller was stopped at one of the instants (lead/lag staging)').toBeGreaterThan(0);

    // Step on through more windows: the valve's drawn state changes exactly where its position data does.
    for (let i = 0; i < 4; i++) {
      await time.press('ArrowLeft');
      await time.settledValues();
      const at = await time.now();
      const pos = (await valuesAt(host, ['B7.BYP.POS#value'], at)).get('B7.BYP.POS#value')?.value ?? null;
      positions.push({ at, drawn: (await time.nodeState('FV-106')).position, source: pos });
    }
    const percent = (v: number | null) => (v === null ? null : Math.min(100, Math.max(0, v)));
    for (const p of positions) expect(p.drawn === null ? null : Number(p.drawn), new Date(p.at).toISOString()).toBe(percent(p.source));
    for (let i = 1; i < positions.length; i++) {
      const a = positions[i - 1]!;
      const b = positions[i]!;
      expect(a.drawn !== b.drawn, `drawn change between ${new Date(a.at).toISOString()} and ${new Date(b.at).toISOString()}`).toBe(
        percent(a.source) !== percent(b.source),
      );
    }
    expect(new Set(positions.map((p) => p.drawn)).size, 'the valve moved over these instants').toBeGreaterThan(1);

    // The header's two CHWS sensors: the trusted one is drawn, the inspector shows the other and how far it is off.
    const drawnKeys = (await time.settledValues()).map((d) => d.sensor);
    expect(drawnKeys).toContain('B7_CHWS_T#value');
    expect(drawnKeys).not.toContain('B7_CHWS_T_2#value');
    await new EditorPage(page).select('HDR-101');
    const readings = page.getByRole('region', { name: 'Inspector' }).getByRole('list', { name: 'Readings at the time cursor' });
    const redundant = readings.locator('li[data-reading-of="B7_CHWS_T_2#value"]');
    await expect(redundant).toContainText(/[+−][\d.]+ °C from the trusted CHWS header temperature/);
    await expect(readings.locator('li[data-reading-of="B7_CHWS_T#value"]')).toContainText('exact');
    await page.getByRole('region', { name: 'Time' }).screenshot({ path: test.info().outputPath('time-bar.png') });
  });

  test('the flatlined sensor of the ground truth is drawn stale and a data gap missing, never as an old value', async ({ page }) => {
    await openApp(page, host);
    const time = new TimePage(page);
    const key = flatline.seriesKeys[0] as string;

    // Four weeks that end a day and a half into the flatline: the sensor moves in most of them, then freezes.
    const flatAt = flatline.start.ms + 36 * 3_600_000;
    await time.customRange(wallTextInZone(flatAt - 28 * 86_400_000, ZONE, { seconds: false }), wallTextInZone(flatAt, ZONE, { seconds: false }));
    await time.press('End');
    let drawn = await time.settledValues();
    let at = await time.now();
    expect(at).toBe(flatAt - 1);
    await expectDrawnEqualsSource(host, drawn, at);
    const frozen = page.locator(`.value-layer [data-sensor="${key}"]`);
    await expect(frozen).toHaveAttribute('data-state', 'stale');
    await expect(frozen).toContainText(/frozen \d+ (d|h)/);
    // Its neighbours keep moving and are drawn exact.
    await expect(page.locator('.value-layer [data-sensor="B7_CH1_LCWT#value"]')).toHaveAttribute('data-state', 'exact');
    await page.locator('.canvas').screenshot({ path: test.info().outputPath('flatline.png') });

    // Half a day into the flow meter's 19-hour gap: no value is drawn, not zero and not the last one before the gap.
    const gapKey = gap.seriesKeys[0] as string;
    const gapAt = gap.start.ms + 12 * 3_600_000;
    await time.customRange(wallTextInZone(gapAt - 7 * 86_400_000, ZONE, { seconds: false }), wallTextInZone(gapAt, ZONE, { seconds: false }));
    await time.press('End');
    drawn = await time.settledValues();
    at = await time.now();
    const truthAt = await expectDrawnEqualsSource(host, drawn, at);
    const lost = page.locator(`.value-layer [data-sensor="${gapKey}"]`);
    await expect(lost).toHaveAttribute('data-state', 'missing');
    await expect(lost).not.toHaveAttribute('data-value');
    await expect(lost).toContainText('no data');
    // The source still holds a value from before the gap; it is not drawn.
    expect(truthAt.get(gapKey)?.t).toBeLessThan(gap.start.ms);
  });

  test('each sensor reads from the connection its project source resolves to; one whose source is not connected is drawn missing, saying so', async ({
    page,
  }) => {
    await openApp(page, host);
    // The demo as a colleague saved it: its store under another project id, one temperature on a historian never connected.
    const moved = MOVED_SERIES;
    const ed = await openDemoWithMovedSource(page, host, 'resolved');

    const time = new TimePage(page);
    await time.preset('Last 30 days');
    // Anchored on the data read through the resolved connection, not on the wall clock.
    await expect(time.cursor).toHaveAttribute('aria-valuemax', String(truth.end.ms - 1));
    await time.press('PageDown', 'PageDown', 'PageDown');
    const drawn = await time.settledValues();
    const at = await time.now();
    await expectDrawnEqualsSource(
      host,
      drawn.filter((d) => d.sensor !== moved),
      at,
    );
    const lost = page.locator(`.value-layer [data-sensor="${moved}"]`);
    await expect(lost).toHaveAttribute('data-state', 'missing');
    await expect(lost).toHaveAttribute('data-why', 'no-source');
    await expect(lost).not.toHaveAttribute('data-value');
    await expect(lost).toHaveText('not connected');
    await ed.select('TT-113');
    const reading = page.getByRole('list', { name: 'Readings at the time cursor' }).locator(`li[data-reading-of="${moved}"]`);
    await expect(reading).toContainText('missing');
    await expect(reading).toContainText('Source “Site 9 historian” is not connected in this session');
  });
});

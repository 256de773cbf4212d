import { rmSync } from 'node:fs';
import { ChartsPage, type WindowsCall } from './pages/charts-page';
import { callApi, TimePage, waitForDemoData } from './pages/time-page';
import { EditorPage } from './pages/editor-page';
import { MOVED_SERIES, openDemoWithMovedSource } from './pages/moved-source-demo';
import { expect, openApp, startWebHostProcess, test, type WebHostProcess } from './web-host-fixture';

const POWER = 'B7_CH1_KW#value';

interface Windows {
  layout: { from: number; to: number; width: number; n: number };
  snapped?: { from: number; to: number; width: number; n: number; bucket: number };
  series: { key: string; t: number[]; min: number[]; max: number[]; first: number[]; last: number[]; count: number[] }[];
}

/** What the source answers for a request the chart made (asked again by the test, as any API client would). */
async function reference(call: WindowsCall): Promise<Windows> {
  const { channel: _channel, ...input } = call;
  return callApi<Windows>(host, 'queryWindows', input);
}

/** The layout windows of an answer follow: the rollup cache's snapped one, or the one asked for. */
function answered(w: Windows): { from: number; width: number; bucket: number | null } {
  return w.snapped ? { from: w.snapped.from, width: w.snapped.width, bucket: w.snapped.bucket } : { from: w.layout.from, width: w.layout.width, bucket: null };
}

let host: WebHostProcess;
test.beforeAll(async () => {
  host = await startWebHostProcess({ demoData: 'days:7' });
  // The demo week is written in the background; the tests chart it whole.
  await waitForDemoData(host);
});
test.afterAll(async () => {
  await host.stop();
  rmSync(host.dataDir, { recursive: true, force: true });
});

test('CH-1 is charted one window per pixel column with M4 statistics; drag-zoom, time cursor and hover agree with the source', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  const rawCalls: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname.endsWith('/api/raw')) rawCalls.push((r.postDataJSON() as { key: string }).key);
  });
  await openApp(page, host);
  const charts = new ChartsPage(page);
  const time = new TimePage(page);
  await time.preset('Last 7 days');
  await new EditorPage(page).select('CH-1');

  // Its power is charted, named by binding; the figure's name lists its series.
  await expect(charts.figure).toHaveAttribute('aria-label', /(^|, )CH-1 power(,|$)/);
  await expect(charts.figure).toHaveAttribute('aria-label', /CH-1 CHWS temperature/);
  const first = await charts.drawn();
  await expect(charts.legendRow(POWER)).toHaveAttribute('data-kind', 'windows');
  await expect(charts.legendRow(POWER).getByRole('checkbox', { name: 'CH-1 power' })).toBeChecked();

  // As many windows as the plot area is wide in device pixels, with first, min, max and last.
  const width = await charts.plotWidthPx();
  expect(width).toBeGreaterThan(200);
  const call = charts.calls.filter((c) => c.keys.includes(POWER)).at(-1) as WindowsCall;
  expect(call).toBeDefined();
  expect(call.n).toBe(width);
  expect(call.stats).toEqual(expect.arrayContaining(['min', 'max', 'first', 'last']));
  expect(call.channel).toBeTruthy();
  // The range is the time bar's; the windows drawn are those the source answered (snapped to whole buckets
  // when the history cache answered), one per pixel column.
  expect(call.to - call.from).toBe(7 * 86_400_000);
  const firstAnswer = answered(await reference(call));
  expect(first).toMatchObject({ from: firstAnswer.from, windowMs: firstAnswer.width, windows: width });
  // A week in 1,000-odd columns is long enough for the history cache: window edges on whole minutes, said so.
  expect(firstAnswer.bucket).not.toBeNull();
  await expect(charts.figure).toHaveAttribute('data-snapped', String(firstAnswer.bucket));
  await expect(charts.region.locator('.chart-legend__caption')).toContainText('snapped to 1 min');
  // What the user sees (kept with the test's output for a look).
  await charts.region.screenshot({ path: test.info().outputPath('charts-dock.png') });

  // Drag across a stretch of the plot, from one pixel boundary to another: the range becomes the pixel columns in between.
  const box = await charts.plotArea.boundingBox();
  if (!box) throw new Error('no plot area');
  const x0 = Math.round(box.width * 0.3);
  const x1 = Math.round(box.width * 0.6);
  const callsBefore = charts.calls.length;
  await page.mouse.move(box.x + x0, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + (x0 + x1) / 2, box.y + box.height / 2, { steps: 4 });
  await page.mouse.move(box.x + x1, box.y + box.height / 2, { steps: 4 });
  await page.mouse.up();
  const zoomed = await charts.drawn(first);
  const expectedFrom = first.from + x0 * first.windowMs;
  const expectedTo = first.from + x1 * first.windowMs;
  const zoomCall = charts.calls
    .slice(callsBefore)
    .filter((c) => c.keys.includes(POWER))
    .at(-1) as WindowsCall;
  expect(zoomCall).toMatchObject({ from: expectedFrom, to: expectedTo, n: width });
  const zoomAnswer = answered(await reference(zoomCall));
  expect(zoomed).toMatchObject({ from: zoomAnswer.from, windows: width, windowMs: zoomAnswer.width });
  // The finer resolution: the selected stretch spread over the whole plot.
  expect(zoomed.windowMs).toBeLessThan(first.windowMs / 2);
  await expect(charts.region.getByRole('button', { name: 'Zoom out', exact: true })).toBeEnabled();

  // The time bar's cursor and the chart's are one: keys and a drag on the slider move the chart's line...
  await time.press('End', 'ArrowLeft', 'ArrowLeft', 'ArrowLeft');
  let now = await time.now();
  await expect.poll(() => charts.cursor()).toBe(now);
  expect(Math.abs((await charts.cursorLineInstant()) - now)).toBeLessThanOrEqual(zoomed.windowMs);
  const track = await time.cursor.boundingBox();
  if (!track) throw new Error('no time cursor');
  await page.mouse.move(track.x + track.width * 0.5, track.y + track.height / 2);
  await page.mouse.down();
  await page.mouse.move(track.x + track.width * 0.4, track.y + track.height / 2, { steps: 5 });
  await page.mouse.up();
  now = await time.now();
  await expect.poll(() => charts.cursor()).toBe(now);
  expect(Math.abs((await charts.cursorLineInstant()) - now)).toBeLessThanOrEqual(zoomed.windowMs);
  // ...and a click on the plot moves the slider.
  await page.mouse.click(box.x + Math.round(box.width * 0.75), box.y + box.height * 0.3);
  const clicked = zoomed.from + Math.round(box.width * 0.75) * zoomed.windowMs;
  await expect.poll(() => charts.cursor()).toBe(clicked);
  await expect(time.cursor).toHaveAttribute('aria-valuenow', String(clicked));
  // At rest, the legend shows the exact value at the cursor: the source's last point at or before it.
  const atCursor = charts.legendRow(POWER).locator('td').first();
  await expect(atCursor).toHaveAttribute('data-state', 'exact');
  const [exact] = await callApi<{ t: number; value: number }[]>(host, 'valueAt', { source: 'local', keys: [POWER], at: clicked });
  await expect(atCursor).toHaveAttribute('data-t', String(exact?.t));
  await expect(atCursor).toHaveAttribute('data-value', String(exact?.value));

  // Hover a pixel column: the legend reads the source's window drawn on it.
  const column = Math.round(box.width * 0.66);
  await page.mouse.move(box.x + column + 0.5, box.y + box.height / 2);
  const windowStart = zoomed.from + column * zoomed.windowMs;
  await expect(charts.figure).toHaveAttribute('data-hover', String(windowStart));
  const hoverAnswer = await reference({ ...zoomCall, keys: [POWER, 'B7_CH1_LCHWT#value'] });
  for (const s of hoverAnswer.series) {
    const k = s.t.indexOf(windowStart);
    expect(k, `the source has a window at ${windowStart} for ${s.key}`).toBeGreaterThanOrEqual(0);
    const cell = charts.legendRow(s.key).locator('td').nth(1);
    await expect(cell).toHaveAttribute('data-min', String(s.min[k]));
    await expect(cell).toHaveAttribute('data-max', String(s.max[k]));
    await expect(cell).toHaveAttribute('data-first', String(s.first[k]));
    await expect(cell).toHaveAttribute('data-last', String(s.last[k]));
    await expect(cell).toHaveAttribute('data-count', String(s.count[k]));
  }

  // Double-click goes back to the range before the zoom.
  await page.mouse.dblclick(box.x + 20, box.y + 20);
  let drawn = await charts.drawn(zoomed);
  expect(drawn).toMatchObject({ from: first.from, windowMs: first.windowMs, windows: width });

  // Zoom in until a pixel column is shorter than the minute between samples: the raw points are drawn.
  // (The cursor goes to the start first, out of the way of the drags.)
  await time.press('Home');
  for (let i = 0; i < 4 && (await charts.legendRow(POWER).getAttribute('data-kind')) !== 'raw'; i++) {
    const a = Math.round(box.width * 0.45);
    await page.mouse.move(box.x + a, box.y + 30);
    await page.mouse.down();
    await page.mouse.move(box.x + a + Math.round(box.width * 0.08), box.y + 30, { steps: 4 });
    await page.mouse.up();
    drawn = await charts.drawn(drawn);
  }
  await expect(charts.legendRow(POWER)).toHaveAttribute('data-kind', 'raw');
  expect(drawn.windowMs).toBeLessThan(60_000);
  expect(rawCalls).toContain(POWER);
  await expect(charts.legendRow(POWER).locator('td').nth(2)).toHaveText('every point');
  expect(violations).toEqual([]);
});

test('a sensor pinned from the Sensors panel stays charted without a selection', async ({ page }) => {
  await openApp(page, host);
  const charts = new ChartsPage(page);
  await page.getByRole('tab', { name: 'Sensors' }).click();
  const sensors = page.getByRole('region', { name: 'Sensors' });
  await sensors.getByRole('option', { name: 'OAWB#value', exact: true }).click();
  await sensors.getByRole('button', { name: 'Pin to chart' }).click();
  await expect(charts.figure).toHaveAttribute('aria-label', 'TT-702 wet bulb');
  await charts.drawn();
  await expect(charts.legendRow('OAWB#value')).toHaveAttribute('data-kind', 'windows');
  await expect(charts.legendRow('OAWB#value').getByRole('button', { name: 'Unpin TT-702 wet bulb' })).toHaveAttribute('aria-pressed', 'true');
  // Selecting CH-1 adds its sensors; the pinned one stays.
  await new EditorPage(page).select('CH-1');
  await expect(charts.figure).toHaveAttribute('aria-label', /CH-1 power.*TT-702 wet bulb/);
  await charts.legendRow('OAWB#value').getByRole('button', { name: 'Unpin TT-702 wet bulb' }).click();
  await expect(charts.figure).not.toHaveAttribute('aria-label', /TT-702/);
});

test('each sensor is charted from the connection its project source resolves to; one whose source is not connected says so and is not read', async ({
  page,
}) => {
  await openApp(page, host);
  const charts = new ChartsPage(page);
  // The demo as a colleague saved it: its store under another project id, one temperature on a historian never connected.
  const moved = MOVED_SERIES;
  const ed = await openDemoWithMovedSource(page, host, 'charts-resolved');
  const callsBefore = charts.calls.length;
  await new TimePage(page).preset('Last 7 days');
  await ed.select('CH-1');
  await charts.drawn();

  // CH-1 power names the project's "plant-store": read from this session's local store, and drawn.
  await expect(charts.legendRow(POWER)).toHaveAttribute('data-kind', 'windows');
  // The chart's own requests (the schematic asks on its own channels) since the project was opened.
  const chartCalls = charts.calls.slice(callsBefore).filter((c) => c.channel?.startsWith('chart:'));
  const asked = chartCalls.filter((c) => c.keys.includes(POWER));
  expect(asked.length).toBeGreaterThan(0);
  expect(asked.every((c) => c.source === 'local')).toBe(true);
  // The moved one is listed, said not connected (naming its source), and never asked for.
  const lost = charts.legendRow(moved);
  await expect(lost).toContainText('not connected');
  await expect(lost.locator('.chart-legend__badge')).toHaveAttribute('title', /Site 9 historian/);
  await expect(lost).toHaveAttribute('data-kind', 'empty');
  expect(chartCalls.some((c) => c.keys.includes(moved))).toBe(false);
});

test('the chart asks for device pixels on a high-density screen and again when the dock is resized', async ({ browser }) => {
  const page = await browser.newPage({ deviceScaleFactor: 2, viewport: { width: 1280, height: 860 } });
  try {
    await openApp(page, host);
    const charts = new ChartsPage(page);
    await new EditorPage(page).select('CH-1');
    const first = await charts.drawn();
    const css = await charts.plotArea.evaluate((e) => e.getBoundingClientRect().width);
    expect(first.windows).toBe(Math.round(css * 2));
    expect(charts.calls.at(-1)?.n).toBe(Math.round(css * 2));
    // Lines 2 device pixels wide on this screen: kept to look at.
    await charts.region.screenshot({ path: test.info().outputPath('charts-dock-2x.png') });
    // Narrower window: the plot shrinks and asks again at its new width.
    await page.setViewportSize({ width: 1100, height: 860 });
    const resized = await charts.drawn(first);
    expect(resized.windows).toBe(await charts.plotWidthPx());
    expect(resized.windows).toBeLessThan(first.windows);
  } finally {
    await page.close();
  }
});

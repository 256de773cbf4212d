import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TimePage, waitForDemoData } from './pages/time-page';
import { EditorPage } from './pages/editor-page';
import { expect, openApp, startWebHostProcess, test } from './web-host-fixture';

interface GroundTruth {
  faults: { id: string; assetTags: string[]; start: { ms: number }; end: { ms: number } }[];
}
const truth = JSON.parse(
  readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'assets', 'demo', 'b7-faults.json'), 'utf8'),
) as GroundTruth;
const fouling = truth.faults.find((f) => f.id === 'fouling-ch1');
if (!fouling) throw new Error('assets/demo/b7-faults.json has no fouling-ch1 fault');
const HOUR = 3_600_000;

// The demo's last 220 days (from late May): CH-1's condenser fouling is in them.
test('a residual run on CH-1 is charted with its episodes, and the time slider moved into the fouling raises a badge on CH-1', async ({ browser }) => {
  test.setTimeout(300_000);
  const host = await startWebHostProcess({ demoData: 'days:220' });
  try {
    await waitForDemoData(host, 180_000);
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await openApp(page, host);
    const time = new TimePage(page);
    await time.preset('All');
    await new EditorPage(page).select('CH-1');

    // Run the demo's CH-1 power model from the Inspector, as a user does.
    const inspector = page.getByRole('region', { name: 'Inspector' });
    await inspector
      .getByRole('button', { name: /^Edit model .*CH-1/ })
      .first()
      .click();
    const editor = page.getByRole('dialog', { name: 'Model editor' });
    await expect(editor.getByLabel('From')).not.toHaveValue('');
    await editor.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(editor.getByRole('list', { name: 'Episodes' })).toBeVisible({ timeout: 120_000 });
    await page.getByRole('button', { name: 'Close the model editor' }).click();
    await expect(editor).toHaveCount(0);

    // The Charts dock shows the results under the trend: a figure named for them, its episodes listed.
    const charts = page.getByRole('region', { name: 'Charts' });
    const figure = charts.getByRole('figure', { name: /^Residuals of .*\(CH-1\): actual, predicted, residual/ });
    await expect(figure).toBeVisible();
    const shading = figure.locator('.residual-episode');
    await expect(shading.first()).toBeAttached();
    const episodes = charts.getByRole('list', { name: /^Episodes of / }).getByRole('button');
    expect(await episodes.count()).toBeGreaterThan(0);

    // Before the fault, at the range's start (Home on the slider): no episode there, no badge.
    const badge = page.getByRole('button', { name: /^Residual alert on CH-1:/ });
    await time.press('Home');
    expect(await time.now()).toBeLessThan(fouling.start.ms - 2 * 24 * HOUR);
    await expect(figure).toHaveAttribute('data-open-episodes', '0');
    await expect(badge).toHaveCount(0);

    // Page Up and the arrows on the time slider, to ten days into the fouling (it grows for two weeks, then holds).
    const target = fouling.start.ms + 10 * 24 * HOUR;
    await time.cursor.focus();
    const page10 = (10 * (Number(await time.cursor.getAttribute('aria-valuemax')) - Number(await time.cursor.getAttribute('aria-valuemin')))) / 1000;
    for (let i = 0; i < 200 && (await time.now()) < target - page10; i++) await page.keyboard.press('PageUp');
    for (let i = 0; i < 20 && (await time.now()) < target; i++) await page.keyboard.press('ArrowRight');
    // A stopped chiller has no analysed row (the model drops those rows): on to an hour it runs, as an engineer would.
    const badge0 = page.locator('.residual-badge[data-asset-tag="CH-1"]');
    const noResidual = async () => (await badge0.count()) === 0 || (await badge0.getAttribute('data-residual')) === null;
    for (let i = 0; i < 12 && (await noResidual()); i++) await page.keyboard.press('ArrowRight');
    const at = await time.now();
    expect(at).toBeGreaterThanOrEqual(target);
    expect(at).toBeLessThan(fouling.end.ms);
    await expect(figure).toHaveAttribute('data-open-episodes', /^[1-9]/);

    // The chart shades the episode holding the cursor, and that episode overlaps the ground truth's fault.
    const open = figure.locator('.residual-episode[data-at-cursor="true"]').first();
    await expect(open).toBeAttached();
    const start = Number(await open.getAttribute('data-start'));
    const end = Number(await open.getAttribute('data-end'));
    expect(start).toBeLessThanOrEqual(at);
    expect(end).toBeGreaterThanOrEqual(Math.min(at, fouling.end.ms));
    expect(start).toBeGreaterThanOrEqual(fouling.start.ms - 24 * HOUR);
    // It is drawn where its instants are on the plot: over the chart's cursor line.
    const shade = await open.boundingBox();
    const line = await figure.locator('.trend__cursor').boundingBox();
    if (!shade || !line) throw new Error('the shading or the cursor line is not laid out');
    expect(line.x + line.width / 2).toBeGreaterThanOrEqual(shade.x - 1);
    expect(line.x + line.width / 2).toBeLessThanOrEqual(shade.x + shade.width + 1);

    // The badge on CH-1: the residual above predicted there, coloured past the band.
    await expect(badge).toBeVisible();
    await expect(badge).toHaveAttribute('data-asset-tag', 'CH-1');
    await expect(badge).toHaveAccessibleName(/above predicted/);
    expect(Number(await badge.getAttribute('data-residual'))).toBeGreaterThan(0);
    await expect(badge).not.toHaveAttribute('data-severity', 'within');
    await expect(charts.getByRole('status').filter({ hasText: 'At cursor: residual +' })).toContainText('in an episode');
    await page.screenshot({ path: test.info().outputPath('residual-results.png') });

    // The residual figure takes the keyboard too: End moves the shared cursor to the range's end, out of the fault.
    await figure.focus();
    await page.keyboard.press('End');
    await expect.poll(() => time.now()).toBeGreaterThan(fouling.end.ms);
    await expect(charts).toHaveAttribute('data-cursor', String(await time.now()));

    // An episode listed beside the plot jumps the cursor to its start, as in the model editor.
    const chip = episodes.first();
    const chipStart = Number(await chip.getAttribute('data-start'));
    await chip.press('Enter');
    await expect(time.cursor).toHaveAttribute('aria-valuenow', String(chipStart));
  } finally {
    await host.stop();
    rmSync(host.dataDir, { recursive: true, force: true });
  }
});

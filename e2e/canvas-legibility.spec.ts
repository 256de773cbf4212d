import type { Locator, Page } from '@playwright/test';
import { expect, openApp, test } from './web-host-fixture';
import { EditorPage } from './pages/editor-page';

/**
 * Issue 7, finding 7, as a user sees the demo plant at its default view: equipment tags drawn legibly in
 * screen space and decluttered, the minimap clear of the drawing and hideable (remembered), focused nodes
 * ringed and named, pasted and keyboard-placed assets in free space. Screenshots go to test-results/.
 */

type Rect = { x: number; y: number; width: number; height: number };
const overlap = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function boxes(locator: Locator): Promise<Rect[]> {
  return locator.evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
}

const labels = (page: Page) => page.locator('.label-layer [data-label-for]');
const minimapToggle = (page: Page) => page.getByRole('toolbar', { name: 'Main toolbar' }).getByRole('button', { name: 'Minimap' });

test('the demo at its default view shows its equipment tags legibly, decluttered, with the minimap clear of the drawing', async ({ page, host }) => {
  await openApp(page, host);
  await expect(page.locator('.react-flow__node')).toHaveCount(74);
  await page.screenshot({ path: 'test-results/demo-default-view.png' });

  const shown = await labels(page).allTextContents();
  for (const tag of ['CH-1', 'CH-2', 'CT-1', 'CT-2', 'CHWP-1', 'CHWP-2', 'CWP-1', 'CWP-2', 'CC-1']) expect(shown, tag).toContain(tag);
  // Screen-space text: the same size at any zoom, and large enough to read.
  const size = await labels(page)
    .first()
    .evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  expect(size).toBeGreaterThanOrEqual(11);
  const zoom = await page.locator('.react-flow__viewport').evaluate((e) => new DOMMatrix(getComputedStyle(e).transform).a);
  expect(zoom).toBeLessThan(0.55);
  // Decluttered: no two labels overlap.
  const labelBoxes = await boxes(labels(page));
  for (let i = 0; i < labelBoxes.length; i++) for (let j = i + 1; j < labelBoxes.length; j++) expect(overlap(labelBoxes[i]!, labelBoxes[j]!)).toBe(false);

  // The minimap covers no asset of the drawing.
  const minimap = await page.getByRole('img', { name: 'Minimap' }).boundingBox();
  expect(minimap).not.toBeNull();
  for (const b of await boxes(page.locator('.react-flow__node'))) expect(overlap(b, minimap!)).toBe(false);
});

test('the minimap can be hidden from the toolbar, and stays hidden after a reload', async ({ page, host }) => {
  await openApp(page, host);
  await expect(minimapToggle(page)).toHaveAttribute('aria-pressed', 'true');
  await minimapToggle(page).click();
  await expect(page.getByRole('img', { name: 'Minimap' })).toHaveCount(0);
  await expect(minimapToggle(page)).toHaveAttribute('aria-pressed', 'false');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await expect(page.getByRole('img', { name: 'Minimap' })).toHaveCount(0);
  await minimapToggle(page).click();
  await expect(page.getByRole('img', { name: 'Minimap' })).toBeVisible();
});

test('a focused node shows a focus ring and is named by its tag and component', async ({ page, host }) => {
  await openApp(page, host);
  const chiller = page.getByRole('group', { name: 'CH-1, Chiller' });
  await expect(chiller).toHaveCount(1);
  // Reach it with the keyboard, as a keyboard user would: from its neighbour, Tab.
  await chiller.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(chiller).toBeFocused();
  const ring = await chiller.evaluate((e) => {
    const s = getComputedStyle(e);
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
  });
  expect(ring.style).not.toBe('none');
  expect(ring.width).toBeGreaterThanOrEqual(2);
  await page.screenshot({ path: 'test-results/demo-focused-node.png' });
});

test('pasted and keyboard-placed assets land in free space', async ({ page, host }) => {
  await openApp(page, host);
  const ed = new EditorPage(page);
  await ed.command('New');
  await ed.dragFromPalette('Centrifugal pump', 300, 300);
  await ed.dragFromPalette('Gate valve', 420, 310);
  await ed.shortcut('Control+a');
  await page.keyboard.press('Control+c');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Control+v');
  await expect(page.locator('.react-flow__node')).toHaveCount(8);
  // The last paste's free spot may lie outside the view: the view follows it, so the user sees what was pasted.
  const canvas = (await page.locator('.react-flow').boundingBox())!;
  await expect
    .poll(async () => {
      const b = await page.locator('.react-flow__node:has([data-asset-tag="P-104"])').boundingBox();
      return !!b && b.x >= canvas.x && b.y >= canvas.y && b.x + b.width <= canvas.x + canvas.width && b.y + b.height <= canvas.y + canvas.height;
    })
    .toBe(true);
  // Placing from the palette with the keyboard, twice, in the middle of the view.
  const pump = ed.palette.getByRole('button', { name: 'Centrifugal pump', exact: true });
  await pump.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(page.locator('.react-flow__node')).toHaveCount(10);
  await ed.command('Fit');
  await page.waitForTimeout(400); // the fit animates for 200 ms
  const nodes = await boxes(page.locator('.react-flow__node .asset-node'));
  expect(nodes).toHaveLength(10);
  for (let i = 0; i < nodes.length; i++) for (let j = i + 1; j < nodes.length; j++) expect(overlap(nodes[i]!, nodes[j]!), `${i} and ${j}`).toBe(false);
});

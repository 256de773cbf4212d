import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { largeProject } from '../bench/large-project';
import { FORMAT_VERSION } from '../shared/twin/format-version';
import { expect, openApp, startWebHostProcess, test } from './web-host-fixture';
import { EditorPage } from './pages/editor-page';

test('draw, connect, refuse a wrong line, edit, undo/redo, save, reload and reopen', async ({ page, host }) => {
  await openApp(page, host);
  const ed = new EditorPage(page);
  await ed.command('New');
  await expect(page.locator('.react-flow__node')).toHaveCount(0);

  // The plant's time zone is checked against the IANA names (after the first paint, not before it).
  const zone = ed.inspectorField('Plant time zone');
  await zone.fill('Mars/Olympus_Mons');
  await expect(zone).toHaveAttribute('aria-invalid', 'true');
  await expect(ed.inspector).toContainText('"Mars/Olympus_Mons" is not an IANA time zone');
  await zone.fill('America/Chicago');
  await expect(zone).not.toHaveAttribute('aria-invalid', 'true');

  await ed.dragFromPalette('Centrifugal pump', 200, 300);
  await ed.dragFromPalette('Gate valve', 420, 320);
  await ed.dragFromPalette('Chiller', 620, 260);
  await expect(ed.node('P-101')).toBeVisible();
  await expect(ed.node('HV-101')).toBeVisible();
  await expect(ed.node('CH-1')).toBeVisible();

  await ed.connect('P-101', 'out', 'HV-101', 'in');
  await expect(ed.edges()).toHaveCount(1);
  await ed.connect('HV-101', 'out', 'CH-1', 'chw-in');
  await expect(ed.edges()).toHaveCount(2);
  await expect(page.locator('.connection--process')).toHaveCount(2);

  // A signal port cannot take a process line: refused, with the reason shown.
  await ed.connect('P-101', 'sig', 'CH-1', 'cw-in');
  await expect(ed.status).toContainText('Refused');
  await expect(ed.status).toContainText('signal port');
  await expect(ed.edges()).toHaveCount(2);

  // A line is selected by clicking it, deleted with Delete, and brought back with undo.
  await ed.clickLine(0);
  await expect(ed.inspector).toContainText('Process line');
  await expect(page.locator('.connection--selected')).toHaveCount(1);
  await page.keyboard.press('Delete');
  await expect(ed.edges()).toHaveCount(1);
  await ed.shortcut('Control+z');
  await expect(ed.edges()).toHaveCount(2);

  await ed.select('P-101');
  const tag = ed.inspectorField('Tag');
  await expect(tag).toHaveValue('P-101');
  await tag.fill('P-201');
  await tag.press('Enter');
  await expect(ed.node('P-201')).toBeVisible();

  // Typing the tag was one step: one undo brings the old tag back, redo the new one.
  await ed.shortcut('Control+z');
  await expect(ed.node('P-101')).toBeVisible();
  await ed.shortcut('Control+Shift+z');
  await expect(ed.node('P-201')).toBeVisible();
  await expect(page).toHaveTitle(/^● /);

  // Save: the web host has no native dialog, so the app asks for a path.
  const file = path.join(host.dataDir, 'projects', 'e2e-plant.twin.json');
  await ed.shortcut('Control+s');
  const dialog = page.getByRole('dialog', { name: 'Save project as' });
  await dialog.getByLabel('Save to').fill(file);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(ed.status).toContainText('Saved e2e-plant.twin.json');
  await expect(page).toHaveTitle(/^e2e-plant\.twin\.json — Twin Studio$/);
  expect(existsSync(file)).toBe(true);
  const saved = JSON.parse(readFileSync(file, 'utf8'));
  expect(saved.formatVersion).toBe(FORMAT_VERSION);
  expect(saved.assets.map((a: { tag: string }) => a.tag).sort()).toEqual(['CH-1', 'HV-101', 'P-201']);

  // Reload, switch to the demo, then open the saved file from the Open dialog: the same graph comes back.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  await ed.command('Demo plant');
  await expect(ed.node('CH-2')).toBeVisible();
  await ed.command('Open…');
  const open = page.getByRole('dialog', { name: 'Open project' });
  await open.getByRole('button', { name: 'e2e-plant.twin.json' }).first().click();
  await expect(ed.status).toContainText('Opened e2e-plant.twin.json');
  expect(await ed.tags()).toEqual(['CH-1', 'HV-101', 'P-201']);
  await expect(ed.edges()).toHaveCount(2);
  await page.screenshot({ path: 'test-results/editor.png' });
});

test('copy in one window, paste in another: through the system clipboard, parsed before use', async ({ page, host }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(host.url).origin });
  await openApp(page, host);
  const ed = new EditorPage(page);
  await expect(ed.node('CH-2')).toBeVisible();
  const before = await ed.tags();
  await ed.select('CH-1');
  await page.keyboard.press('Control+c');
  await expect(ed.status).toContainText('Copied 1 asset');
  // A new page has nothing copied in memory: paste has to read, and check, the system clipboard.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  await ed.canvas.click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+v');
  await expect(ed.status).toContainText('Pasted 1 asset with new tags');
  const after = await ed.tags();
  expect(after).toHaveLength(before.length + 1);
  const added = after.filter((t) => !before.includes(t));
  expect(added).toHaveLength(1);
  expect(added[0]).toMatch(/^CH-\d+$/);

  // Something else on the clipboard (not a twin clipboard) pastes nothing.
  await page.evaluate(() => navigator.clipboard.writeText('{"twinClipboard":1,"assets":[{"id":"x"}]}'));
  await ed.canvas.click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+v');
  await expect(ed.status).toContainText('Nothing to paste: the clipboard holds no Twin Studio assets');
  expect(await ed.tags()).toEqual(after);
});

test('a whole drag is one undo step, and selection is none', async ({ page, host }) => {
  await openApp(page, host);
  const ed = new EditorPage(page);
  await ed.command('New');
  await ed.dragFromPalette('Centrifugal pump', 300, 300);
  const node = ed.node('P-101');
  const before = await node.boundingBox();
  await ed.select('P-101');
  const box = (await node.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 20; i++) await page.mouse.move(box.x + box.width / 2 + i * 10, box.y + box.height / 2 + i * 4);
  await page.mouse.up();
  const after = (await node.boundingBox())!;
  expect(after.x - before!.x).toBeGreaterThan(150);
  await ed.shortcut('Control+z');
  await expect.poll(async () => (await node.boundingBox())!.x).toBeCloseTo(before!.x, 0);
  // The next undo removes the pump itself: the selection clicks in between were not steps.
  await ed.shortcut('Control+z');
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
});

test('a 500-asset plant opens fitted, draws every line, and shows ports on the node under the pointer', async ({ browser }) => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'twin-e2e-large-'));
  const file = path.join(dataDir, 'large.twin.json');
  writeFileSync(file, JSON.stringify(largeProject(50, 5)));
  const host = await startWebHostProcess({ dataDir, args: ['--project', file] });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await openApp(page, host);
    const ed = new EditorPage(page);
    await expect(page.locator('.react-flow__node')).toHaveCount(500);
    await expect(ed.edges()).toHaveCount(600);
    // Zoomed far out: no interactive ports, until the pointer is on a node.
    await expect(page.locator('.react-flow__handle.port')).toHaveCount(0);
    await ed.node('P-1000').hover();
    await expect(ed.port('P-1000', 'out')).toHaveCount(1);
    await page.screenshot({ path: 'test-results/large-plant.png' });
  } finally {
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

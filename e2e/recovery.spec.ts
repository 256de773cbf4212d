import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, openApp, startWebHostProcess, test } from './web-host-fixture';
import { EditorPage } from './pages/editor-page';

test('after a crash, the next start offers the unsaved work back', async ({ browser }) => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'twin-e2e-recovery-'));
  try {
    const first = await startWebHostProcess({ dataDir });
    const page = await browser.newPage();
    await openApp(page, first);
    const ed = new EditorPage(page);
    await ed.command('New');
    await ed.dragFromPalette('Chiller', 300, 300);
    await expect(ed.node('CH-1')).toBeVisible();
    // Autosave writes the recovery file within a few seconds of the change.
    await expect.poll(() => readdirSync(path.join(dataDir, 'recovery')).filter((f) => !f.startsWith('.')).length, { timeout: 15_000 }).toBeGreaterThan(0);
    first.child.kill('SIGKILL');
    await page.close();

    const second = await startWebHostProcess({ dataDir });
    try {
      const page2 = await browser.newPage();
      await openApp(page2, second);
      const dialog = page2.getByRole('dialog', { name: 'Recover unsaved work?' });
      await expect(dialog).toContainText('Untitled plant');
      await dialog.getByRole('button', { name: 'Recover' }).click();
      const ed2 = new EditorPage(page2);
      await expect(ed2.node('CH-1')).toBeVisible();
      await expect(page2).toHaveTitle(/^● /);
      await expect(ed2.status).toContainText('Recovered');
    } finally {
      await second.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a project changed on disk is never silently overwritten', async ({ page, host }) => {
  const file = path.join(host.dataDir, 'projects', 'shared.twin.json');
  await openApp(page, host);
  const ed = new EditorPage(page);
  await ed.command('New');
  await ed.dragFromPalette('Centrifugal pump', 300, 300);
  await ed.shortcut('Control+s');
  const saveAs = page.getByRole('dialog', { name: 'Save project as' });
  await saveAs.getByLabel('Save to').fill(file);
  await saveAs.getByRole('button', { name: 'Save' }).click();
  await expect(ed.status).toContainText('Saved shared.twin.json');

  // A colleague renames the project in the file meanwhile.
  const theirs = JSON.parse(readFileSync(file, 'utf8'));
  theirs.name = 'Renamed by a colleague';
  writeFileSync(file, JSON.stringify(theirs, null, 2));

  await ed.dragFromPalette('Gate valve', 500, 300);
  await ed.shortcut('Control+s');
  const conflict = page.getByRole('alertdialog', { name: /changed on disk/ });
  await expect(conflict).toBeVisible();
  expect(JSON.parse(readFileSync(file, 'utf8')).name).toBe('Renamed by a colleague');
  await conflict.getByRole('button', { name: 'Cancel' }).click();
  expect(JSON.parse(readFileSync(file, 'utf8')).assets).toHaveLength(1);

  await ed.shortcut('Control+s');
  await page
    .getByRole('alertdialog', { name: /changed on disk/ })
    .getByRole('button', { name: 'Overwrite' })
    .click();
  await expect(ed.status).toContainText('Saved shared.twin.json');
  expect(JSON.parse(readFileSync(file, 'utf8')).assets).toHaveLength(2);
  expect(existsSync(file)).toBe(true);
});

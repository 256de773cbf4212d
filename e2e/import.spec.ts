import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { expect, openApp, test } from './web-host-fixture';

const PATHS = 'Files or folders to import (one per line; CSV, TSV, TXT or line protocol)';

// A wide historian export in plant wall time (no offsets), as PI and Ignition write them, with
// a date that does not exist, a value that is not a number and a wall time that DST's end makes occur twice.
const CSV = [
  'Timestamp,E2E_TT_101,E2E_FT_101',
  '2026-03-01 00:00:00,6.5,120',
  '2026-03-01 00:01:00,6.6,121',
  '2026-02-30 00:02:00,6.7,122',
  '2026-03-01 00:03:00,6.8,12abc',
  '2026-03-01 00:04:00,6.9,124',
  '2026-11-01 01:30:00,7.0,125',
  '',
].join('\n');

test('a historian CSV is previewed with its problems by line, needs a zone and a DST choice, then imports into the local store', async ({ page, host }) => {
  const file = path.join(host.dataDir, 'historian-export.csv');
  writeFileSync(file, CSV);
  await openApp(page, host);
  await page.getByRole('tab', { name: 'Sensors' }).click();
  const sensors = page.getByRole('region', { name: 'Sensors' });
  await sensors.getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import historian data' });
  await dialog.getByLabel(PATHS).fill(file);

  // Naive times: nothing can be imported until the user says which zone they were written in.
  const preview = dialog.getByRole('region', { name: 'Import preview' });
  await expect(preview).toContainText('CSV, one column per sensor');
  await expect(preview).toContainText('without a UTC offset');
  await expect(preview.getByRole('alert')).toContainText('choose the time zone');
  const importButton = dialog.getByRole('button', { name: 'Import', exact: true });
  await expect(importButton).toBeDisabled();

  await dialog.getByRole('button', { name: 'Use plant zone' }).click();
  await expect(dialog.getByLabel('Time zone of times without an offset')).toHaveValue('America/Chicago');
  // 00:00 in Chicago in March (CST, UTC−6) is 06:00 UTC; the bad rows are named by their line.
  const table = preview.getByRole('table', { name: 'First rows as they would be imported' });
  await expect(table).toContainText('2026-03-01T06:00:00.000Z');
  const problems = preview.getByRole('list', { name: 'Import problems' });
  await expect(problems).toContainText('line 4:');
  await expect(problems).toContainText('line 5:');
  await expect(problems).toContainText('line 7:');
  await expect(problems).not.toContainText('choose the time zone');

  // 01:30 on 1 November happens twice in Chicago: taking the earlier one (still CDT, UTC−5) reads it.
  await dialog.getByLabel('A wall time that occurs twice (DST ends)').selectOption('earlier');
  await expect(table).toContainText('2026-11-01T06:30:00.000Z');
  await expect(problems).not.toContainText('line 7:');

  await importButton.click();
  const result = dialog.getByRole('region', { name: 'Import result' });
  // Rows 2, 3, 6, 7 whole (8 values), row 5 without its bad flow value (1), row 4 not at all.
  await expect(result).toContainText('Imported 9 points into 2 series');
  await expect(result.getByRole('list', { name: 'Left out' })).toContainText('line 4:');
  await expect(result.getByRole('list', { name: 'Left out' })).toContainText('line 5:');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);

  // The new sensors are in the local store's catalog, and read back the last value.
  await sensors.getByRole('searchbox', { name: 'Search sensors' }).fill('E2E_');
  await expect(sensors.getByRole('option', { name: 'E2E_TT_101#value', exact: true })).toBeVisible();
  await expect(sensors.getByRole('option', { name: 'E2E_FT_101#value', exact: true })).toBeVisible();
  await sensors.getByRole('option', { name: 'E2E_FT_101#value', exact: true }).click();
  await expect(sensors).toContainText('Last value 125');
  await page.screenshot({ path: 'test-results/import.png' });
});

test('a file that is not there, not allowed, or not a historian export gets a clear message and imports nothing', async ({ page, host }) => {
  await openApp(page, host);
  await page.getByRole('tab', { name: 'Sensors' }).click();
  await page.getByRole('region', { name: 'Sensors' }).getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import historian data' });
  const missing = path.join(host.dataDir, 'no-such-export.csv');
  await dialog.getByLabel(PATHS).fill(missing);
  await expect(dialog.getByRole('alert')).toContainText('no-such-export.csv');
  await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();

  // Without a native dialog to vouch for it, the web host reads only historian exports.
  await dialog.getByLabel(PATHS).fill('/etc/passwd');
  await expect(dialog.getByRole('alert')).toContainText('passwd is not a historian export');
  await expect(dialog.getByRole('region', { name: 'Import preview' })).toHaveCount(0);

  const binary = path.join(host.dataDir, 'picture.csv');
  writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
  await dialog.getByLabel(PATHS).fill(binary);
  await expect(dialog.getByRole('alert').first()).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
});

// A PI export as PI DataLink / SMT write it: tag, timestamp, value, with system digital states where the
// interface had no number, in the plant's wall time.
const PI_LONG = [
  'Tag,Timestamp,Value',
  'E2E_CH1_KW,01-Jul-25 00:00:00,512.4',
  'E2E_CH1_KW,01-Jul-25 00:01:00,I/O Timeout',
  'E2E_CH1_KW,01-Jul-25 00:02:00,515',
  'E2E_CH1_KW,01-Jul-25 00:03:00,I/O Timeout',
  'E2E_CH1_KW,01-Jul-25 00:04:00,Shutdown',
  'E2E_CH2_KW,01-Jul-25 00:00:00,Pt Created',
  'E2E_CH2_KW,01-Jul-25 00:01:00,480.5',
  '',
].join('\n');

test('a PI long export with digital states: the preview names the layout and counts the states, which import as gaps', async ({ page, host }) => {
  const file = path.join(host.dataDir, 'pi-export.csv');
  writeFileSync(file, PI_LONG);
  await openApp(page, host);
  await page.getByRole('tab', { name: 'Sensors' }).click();
  await page.getByRole('region', { name: 'Sensors' }).getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import historian data' });
  await dialog.getByLabel(PATHS).fill(file);

  const preview = dialog.getByRole('region', { name: 'Import preview' });
  await expect(preview).toContainText('Layout: PI export, one row per value (tag, timestamp, value)');
  await expect(preview).toContainText('Timestamps read as DD-MMM-YY');
  const gaps = preview.getByRole('list', { name: 'Gaps by state' });
  await expect(gaps.getByRole('listitem')).toHaveText(['I/O Timeout 2', 'Pt Created 1', 'Shutdown 1']);
  await expect(preview).toContainText('4 of the values in the first 7 rows are digital states or bad quality');
  // The timestamp list shows what its guess makes of the first row once the zone is known.
  await dialog.getByRole('button', { name: 'Use plant zone' }).click();
  const timestamps = dialog.getByLabel('Timestamps');
  await expect(timestamps.locator('option[value="DD-MMM-YY"]')).toHaveText('DD-MMM-YY: 01-Jul-25 00:00:00 → 2025-07-01T05:00:00.000Z');
  await expect(timestamps.locator('option[value="auto"]')).toHaveText('Detect (found DD-MMM-YY)');
  await expect(preview.getByRole('table', { name: 'First rows as they would be imported' })).toContainText('2025-07-01T05:00:00.000Z');
  await page.screenshot({ path: 'test-results/import-pi-preview.png' });

  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  const result = dialog.getByRole('region', { name: 'Import result' });
  await expect(result).toContainText('Imported 3 points into 2 series');
  await expect(result.getByRole('list', { name: 'Gaps by state' }).getByRole('listitem')).toHaveText(['I/O Timeout 2', 'Pt Created 1', 'Shutdown 1']);
  await page.screenshot({ path: 'test-results/import-pi-result.png' });
});

test('a long import shows its progress and can be cancelled, leaving nothing behind', async ({ page, host }) => {
  // About 100 MB of minute data, written in pieces: long enough to be caught half-way.
  const file = path.join(host.dataDir, 'big-pi-export.csv');
  const fd = openSync(file, 'w');
  writeSync(fd, 'Tag,Timestamp,Value\n');
  const t0 = Date.UTC(2025, 6, 1);
  for (let block = 0; block < 100; block++) {
    const rows: string[] = [];
    for (let i = 0; i < 30_000; i++) rows.push(`BIG_${block % 20},${new Date(t0 + (block * 30_000 + i) * 1000).toISOString()},${i % 1000}`);
    writeSync(fd, `${rows.join('\n')}\n`);
  }
  closeSync(fd);
  await openApp(page, host);
  await page.getByRole('tab', { name: 'Sensors' }).click();
  const sensors = page.getByRole('region', { name: 'Sensors' });
  await sensors.getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import historian data' });
  await dialog.getByLabel(PATHS).fill(file);
  await expect(dialog.getByRole('region', { name: 'Import preview' })).toContainText('Timestamps read as iso');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  const progress = dialog.getByRole('progressbar', { name: 'Import progress' });
  await expect(progress).toBeVisible();
  await expect(dialog).toContainText(/Importing \d+ %: [\d,]+ rows/);
  await dialog.getByRole('button', { name: 'Cancel import' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Import cancelled: nothing was imported.');
  await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toBeEnabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await sensors.getByRole('searchbox', { name: 'Search sensors' }).fill('BIG_');
  await expect(sensors).toContainText('0 sensors');
});

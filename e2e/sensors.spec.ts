import { rmSync } from 'node:fs';
import { expect, openApp, startWebHostProcess, test } from './web-host-fixture';

test('the sensor browser lists the demo data by series key and reads a value; a bad server gets a typed message', async ({ browser }) => {
  const host = await startWebHostProcess({ demoData: 'days:2' });
  try {
    const page = await browser.newPage();
    await openApp(page, host);
    await page.getByRole('tab', { name: 'Sensors' }).click();
    const sensors = page.getByRole('region', { name: 'Sensors' });
    await expect(sensors).toBeVisible();
    // The first start writes the demo data in the background; its sensors appear when it is done.
    await expect(sensors.getByRole('option', { name: 'B7_CH1_KW#value', exact: true })).toBeVisible({ timeout: 60_000 });
    await sensors.getByRole('searchbox', { name: 'Search sensors' }).fill('LCHWT');
    await expect(sensors.getByRole('option', { name: 'B7_CH1_KW#value', exact: true })).toHaveCount(0);
    const row = sensors.getByRole('option', { name: /LCHWT/ }).first();
    await row.click();
    await expect(sensors).toContainText(/Last value [-\d.]+ °C at 2025-12-31/);

    // Nothing listens on port 9 of loopback: the message says the server is unreachable and what to check.
    await sensors.getByRole('button', { name: 'Connect…' }).click();
    const form = page.getByRole('form', { name: 'Connect a data source' });
    await form.getByLabel('URL').fill('http://127.0.0.1:9');
    await form.getByLabel('Database').fill('plant');
    await form.getByLabel('Password').fill('s3cret-pass');
    await form.getByRole('button', { name: 'Connect' }).click();
    const alert = sensors.getByRole('alert');
    await expect(alert).toContainText('127.0.0.1:9');
    await expect(alert).toContainText('Check the URL');
    await expect(alert).not.toContainText('s3cret-pass');
    await expect(form.getByLabel('Password')).toHaveValue('');
  } finally {
    await host.stop();
    rmSync(host.dataDir, { recursive: true, force: true });
  }
});

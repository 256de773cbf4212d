import { rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { startInfluxd, type Influxd } from '../electron/testing/influxd';
import { expect, openApp, startWebHostProcess, test, type WebHostProcess } from './web-host-fixture';

/**
 * The Tenant panel through the web host in Chromium: add a tenant, test its connections against a real
 * InfluxDB 1.6 with authentication (a wrong password, then the right one) and see each step reported;
 * see the MongoDB step reported as unreachable (nothing listens on its port); and check that no typed
 * secret is anywhere the user or another program could see it: the DOM, the API answers, the host's
 * output, the screenshot of the panel.
 */

const INFLUX_PASSWORD = 'influx-SENTINEL-7c1e';
const WRONG_PASSWORD = 'wrong-SENTINEL-99aa';
const MONGO_PASSWORD = 'mongo-SENTINEL-5d2f';
const SECRETS = [INFLUX_PASSWORD, WRONG_PASSWORD, MONGO_PASSWORD];

let influx: Influxd;
let mongoPort: number;
let host: WebHostProcess;
let hostOutput = '';

test.beforeAll(async () => {
  influx = await startInfluxd({ auth: { username: 'admin', password: 'adm1n-pa55' }, databases: ['plant'] });
  await influx.query(`CREATE USER "reader" WITH PASSWORD '${INFLUX_PASSWORD}'`);
  await influx.query('GRANT READ ON "plant" TO "reader"');
  const probe = net.createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  mongoPort = (probe.address() as net.AddressInfo).port;
  await new Promise((r) => probe.close(r));
  host = await startWebHostProcess();
  host.child.stdout?.on('data', (d: Buffer) => (hostOutput += d.toString()));
  host.child.stderr?.on('data', (d: Buffer) => (hostOutput += d.toString()));
});

test.afterAll(async () => {
  await host?.stop();
  if (host) rmSync(host.dataDir, { recursive: true, force: true });
  await influx?.stop();
});

test('add a tenant, test it with a wrong then a right password, see MongoDB unreachable, and never see a secret', async ({ page }, testInfo) => {
  const apiBodies: string[] = [];
  page.on('response', async (res) => {
    if (res.url().includes('/api/')) apiBodies.push(await res.text().catch(() => ''));
  });
  await openApp(page, host);
  await page.getByRole('tab', { name: 'Tenant' }).click();
  const panel = page.getByRole('region', { name: 'Tenant', exact: true });
  await expect(panel).toContainText('No tenants yet');

  await panel.getByRole('button', { name: 'Add tenant…' }).click();
  const form = page.getByRole('form', { name: 'Tenant settings' });
  await form.getByLabel('Name', { exact: true }).fill('Houston B7');
  await form.getByLabel('InfluxDB URL').fill(influx.url);
  await form.getByLabel('Database', { exact: true }).fill('plant');
  await form.getByLabel('User (optional)').fill('reader');
  await form.getByLabel('InfluxDB password', { exact: true }).fill(WRONG_PASSWORD);
  // The password pasted in the connection string is taken out and kept as a secret.
  await form.getByLabel('Connection string').fill(`mongodb://twin:${MONGO_PASSWORD}@127.0.0.1:${mongoPort}/?authSource=admin`);
  await form.getByLabel('MongoDB database').fill('twins');
  await expect(form.getByLabel('Connection string')).toHaveValue(`mongodb://twin@127.0.0.1:${mongoPort}/?authSource=admin`);
  await page.screenshot({ path: path.join(testInfo.outputDir, 'tenant-form.png') });
  await form.getByRole('button', { name: 'Save and test' }).click();
  await expect(form).toBeHidden();

  const influxSteps = panel.getByRole('list', { name: 'InfluxDB steps' });
  const mongoSteps = panel.getByRole('list', { name: 'MongoDB steps' });
  await expect(influxSteps.locator('[data-step="auth"]')).toHaveAttribute('data-status', 'failed', { timeout: 30_000 });
  await expect(influxSteps.locator('[data-step="auth"]')).toContainText('refused the credentials (401)');
  await expect(influxSteps.locator('[data-step="tcp"]')).toHaveAttribute('data-status', 'ok');
  await expect(influxSteps.locator('[data-step="database"]')).toHaveAttribute('data-status', 'skipped');
  await expect(mongoSteps.locator('[data-step="dns"]')).toHaveAttribute('data-status', 'ok');
  await expect(mongoSteps.locator('[data-step="tcp"]')).toHaveAttribute('data-status', 'failed');
  await expect(mongoSteps.locator('[data-step="tcp"]')).toContainText(
    `Nothing accepts connections at 127.0.0.1:${mongoPort} (connection refused). Check the port and that the server is running.`,
  );
  // The profile shows where each secret is, masked.
  const profile = panel.getByRole('definition').filter({ hasText: '••••••••' });
  await expect(profile).toHaveCount(2);
  await expect(panel).toContainText('Secrets you type are kept in the key file');

  // The right password: every InfluxDB step passes (1.6 carries a warning about its age).
  await panel.getByRole('button', { name: 'Edit…' }).click();
  await expect(form.getByTestId('masked-secret').first()).toContainText('••••••••');
  await form.getByLabel('Where the InfluxDB password comes from').selectOption('type');
  await form.getByLabel('InfluxDB password', { exact: true }).fill(INFLUX_PASSWORD);
  await form.getByRole('button', { name: 'Save and test' }).click();
  await expect(form).toBeHidden();
  await expect(influxSteps.locator('[data-step="auth"]')).toHaveAttribute('data-status', 'ok', { timeout: 30_000 });
  await expect(influxSteps.locator('[data-step="auth"]')).toContainText('Accepted user "reader".');
  await expect(influxSteps.locator('[data-step="database"]')).toHaveAttribute('data-status', 'ok');
  await expect(influxSteps.locator('[data-step="rights"]')).toHaveAttribute('data-status', 'ok');
  await expect(influxSteps.locator('[data-step="server"]')).toContainText(/InfluxDB 1\.6/);
  await expect(mongoSteps.locator('[data-step="tcp"]')).toHaveAttribute('data-status', 'failed');

  // Working for the tenant makes its InfluxDB a source of the sensor browser.
  await panel.getByRole('button', { name: 'Work for this tenant' }).click();
  await expect(panel).toContainText('Working for this tenant.');
  await page.getByRole('tab', { name: 'Sensors' }).click();
  await expect(page.getByRole('combobox', { name: 'Source', exact: true })).toContainText('Houston B7 InfluxDB');
  await page.getByRole('tab', { name: 'Tenant' }).click();

  // Pushing to an unreachable MongoDB fails clearly and changes nothing.
  await page.keyboard.press('Control+Shift+P');
  const push = page.getByRole('form', { name: 'Push to tenant' });
  await push.getByLabel('What changed').fill('First push from the e2e test');
  await push.getByRole('button', { name: 'Push' }).click();
  await expect(push.getByRole('alert')).toContainText(`Nothing accepts connections at 127.0.0.1:${mongoPort}`);
  await page.screenshot({ path: path.join(testInfo.outputDir, 'tenant-push-failed.png') });
  await push.getByRole('button', { name: 'Cancel' }).click();

  // No secret anywhere: the DOM (text and input values), the API answers, the host's output, the screenshot.
  const dom = await page.content();
  const values = await page.locator('input, textarea').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value).join('\n'));
  for (const secret of SECRETS) {
    expect(dom, 'DOM').not.toContain(secret);
    expect(values, 'input values').not.toContain(secret);
    expect(apiBodies.join('\n'), 'API answers').not.toContain(secret);
    expect(hostOutput, 'web host output').not.toContain(secret);
  }
  const shot = path.join(testInfo.outputDir, 'tenant-panel.png');
  await page.screenshot({ path: shot, fullPage: true });
  await panel.screenshot({ path: path.join(testInfo.outputDir, 'tenant-panel-only.png') });
  testInfo.attachments.push({ name: 'tenant panel', path: shot, contentType: 'image/png' });
});

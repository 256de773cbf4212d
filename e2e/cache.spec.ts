import { rmSync } from 'node:fs';
import { expect, openApp, startWebHostProcess, test, type WebHostProcess } from './web-host-fixture';

/**
 * The history (rollup) cache as a user meets it through the web host: a long-range request is answered at
 * once while the cache fills in the background, with progress and Cancel in the status bar; the settings
 * show what is cached per source and clear it.
 */

async function api<T>(host: WebHostProcess, method: string, input: unknown): Promise<T> {
  const res = await fetch(`${host.url}api/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const env = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!env.ok) throw new Error(`${method}: ${env.error?.message}`);
  return env.value as T;
}

const SIM_END = Date.UTC(2026, 0, 1, 6);

test('a long range fills the history cache with progress and Cancel; settings show it per source and clear it', async ({ browser }) => {
  test.setTimeout(240_000);
  const host = await startWebHostProcess({ demoData: 'days:21' });
  try {
    const page = await browser.newPage();
    await openApp(page, host);
    await expect.poll(async () => (await api<{ state: string }>(host, 'demoDataStatus', {})).state, { timeout: 120_000 }).toBe('ready');
    const keys = (await api<{ key: string }[]>(host, 'catalog', { source: 'local' })).map((e) => e.key);
    expect(keys.length).toBeGreaterThan(40);
    const request = { source: 'local', keys, from: SIM_END - 20 * 86_400_000, to: SIM_END, n: 1000 };

    // The first look is answered by the source, on snapped windows, while the cache fills behind it.
    const cold = await api<{ snapped?: { bucket: number }; series: { t: number[]; cache?: unknown }[] }>(host, 'queryWindows', request);
    expect(cold.snapped?.bucket).toBe(60_000);
    expect(cold.series[0]!.t.length).toBeGreaterThan(900);
    expect(cold.series[0]!.cache).toBeUndefined();
    const status = page.getByRole('contentinfo');
    const bar = status.getByRole('progressbar', { name: 'Caching history' });
    await expect(bar).toBeVisible();
    await expect(bar).toHaveAttribute('aria-valuenow', /\d+/);
    await page.screenshot({ path: 'test-results/cache-filling.png' });
    await expect(bar).toBeHidden({ timeout: 180_000 });

    const warm = await api<{ series: { cache?: { offline: boolean; filledAt: number } }[] }>(host, 'queryWindows', { ...request, from: request.from + 1 });
    expect(warm.series[0]!.cache).toMatchObject({ offline: false });

    await status.getByRole('button', { name: 'History cache' }).click();
    const dialog = page.getByRole('dialog', { name: 'History cache' });
    await expect(dialog).toBeVisible();
    const row = dialog.getByRole('row', { name: /Local store/ });
    await expect(row).toContainText(String(keys.length));
    await expect(row).toContainText(/just now|min ago/);
    await page.screenshot({ path: 'test-results/cache-settings.png' });
    await dialog.getByRole('button', { name: 'Clear Local store' }).click();
    await expect(dialog.getByRole('status')).toContainText(/Cleared [\d,]+ cached buckets/);
    await expect(dialog).toContainText('Nothing is cached yet');
    await dialog.getByRole('button', { name: 'Close' }).click();

    // Cancel stops a fill; what was filled stays.
    await api(host, 'queryWindows', { ...request, from: request.from + 2 });
    await expect(bar).toBeVisible();
    await status.getByRole('button', { name: 'Cancel caching history' }).click();
    await expect(bar).toBeHidden();
    const stats = await api<{ fill: { state: string } }>(host, 'cacheStats', {});
    expect(stats.fill.state).toBe('cancelled');
  } finally {
    await host.stop();
    rmSync(host.dataDir, { recursive: true, force: true });
  }
});

import { rmSync } from 'node:fs';
import { expect, openApp, startWebHostProcess, test, type WebHostProcess } from './web-host-fixture';

/** Wait until the web host has written the demo data into its local store (first start, in the background). */
async function demoDataReady(host: WebHostProcess): Promise<void> {
  await expect
    .poll(
      async () => {
        const res = await fetch(`${host.url}api/demoDataStatus`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
          body: '{}',
        });
        const body = (await res.json()) as { ok: boolean; value?: { state: string } };
        return body.value?.state;
      },
      { timeout: 180_000, intervals: [1_000] },
    )
    .toBe('ready');
}

// The demo's last 220 days: from late May, so the condenser fouling of CH-1 (from 2 June) is in the data.
test('define a model on CH-1, run it, see the fouling episode, jump to it', async ({ browser }) => {
  test.setTimeout(300_000);
  const host = await startWebHostProcess({ demoData: 'days:220' });
  try {
    await demoDataReady(host);
    const page = await browser.newPage();
    await openApp(page, host);
    await page.locator('.react-flow__node:has([data-asset-tag="CH-1"])').click();
    const inspector = page.getByRole('region', { name: 'Inspector' });
    await inspector.getByRole('button', { name: 'New model…' }).click();

    const editor = page.getByRole('dialog', { name: 'Model editor' });
    await expect(editor).toBeVisible();
    const definition = editor.getByRole('group', { name: 'Definition' });
    await definition.getByLabel('Model name').fill('CH-1 kW check');
    await definition.getByRole('button', { name: 'Use chiller template' }).click();
    await expect(definition.getByLabel('Input 6 expression')).toHaveValue('flow * (chwr - chws) * 4.186');
    await expect(definition.getByRole('list', { name: 'Model problems' })).toHaveCount(0);
    // The new model is in the twin, listed in the Inspector beside the demo's own.
    await expect(inspector.getByRole('button', { name: 'Edit model CH-1 kW check' })).toBeVisible();

    // The run's range defaults to all the target's data; wait for it before running.
    await expect(editor.getByLabel('From')).not.toHaveValue('');
    await editor.getByRole('button', { name: 'Run', exact: true }).click();
    const episodes = editor.getByRole('list', { name: 'Episodes' });
    await expect(episodes).toBeVisible({ timeout: 120_000 });
    await expect(editor.getByRole('region', { name: 'Fit summary' })).toContainText('R²');

    // The fouling starts on 2 June 2025 at midnight, Chicago time (05:00 UTC): the first high episode follows within days.
    const fouling = Date.UTC(2025, 5, 2, 5);
    const high = episodes.locator('button.analysis__episode--high').first();
    const start = Number(await high.getAttribute('data-start'));
    expect(start).toBeGreaterThanOrEqual(fouling - 86_400_000);
    expect(start).toBeLessThan(fouling + 5 * 86_400_000);
    await expect(high).toContainText('high');

    await high.click();
    // The time cursor moved to the episode's start. The time bar (the cursor's slider) is not on main yet, so
    // this reads the time store through the editor's cursor line, which shows the store's cursor.
    await expect(editor.locator('[data-time-cursor]')).toHaveAttribute('data-time-cursor', String(start));
    // And CH-1 is selected: the Inspector shows it.
    await expect(inspector.getByLabel('Tag')).toHaveValue('CH-1');
    await expect(page.locator('.react-flow__node.selected:has([data-asset-tag="CH-1"])')).toHaveCount(1);

    await page.getByRole('button', { name: 'Close the model editor' }).click();
    await expect(editor).toHaveCount(0);
    // Model edits are undoable: undo the template, then the name, then the new model itself.
    const undo = page.getByRole('toolbar', { name: 'Main toolbar' }).getByRole('button', { name: 'Undo', exact: true });
    await undo.click();
    await expect(inspector.getByRole('button', { name: 'Edit model CH-1 kW check' })).toBeVisible();
    await undo.click();
    await expect(inspector.getByRole('button', { name: 'Edit model CH-1 power', exact: true })).toHaveCount(2);
    await undo.click();
    await expect(inspector.getByRole('button', { name: /^Edit model / })).toHaveCount(1);
  } finally {
    await host.stop();
    rmSync(host.dataDir, { recursive: true, force: true });
  }
});

import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { expect, openApp, startWebHostProcess, test } from './web-host-fixture';
import { EditorPage } from './pages/editor-page';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The Sensors panel and the inspector's Sensors section, as a plant engineer binds with them. */
class BindingsPage {
  readonly sensors: Locator;
  constructor(
    readonly page: Page,
    readonly ed: EditorPage,
  ) {
    this.sensors = page.getByRole('region', { name: 'Sensors' });
  }
  row(series: string): Locator {
    return this.sensors.getByRole('option', { name: series, exact: true });
  }
  inspectorSensor(series: string): Locator {
    return this.ed.inspector.getByRole('listitem', { name: series, exact: true });
  }
  async show(filter: 'All' | 'Unbound' | 'Bound' | 'Suggested'): Promise<void> {
    await this.sensors.getByRole('group', { name: 'Show sensors' }).getByRole('button', { name: filter, exact: true }).click();
  }
  async undo(): Promise<void> {
    await this.ed.command('Undo');
  }
}

test('bind by drag and drop, accept a suggestion, switch the trusted sensor, undo, save and reopen', async ({ browser }) => {
  test.setTimeout(180_000);
  const host = await startWebHostProcess({ demoData: 'days:2' });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await openApp(page, host);
    const ed = new EditorPage(page);
    const b = new BindingsPage(page, ed);
    await expect(ed.node('CH-1')).toBeVisible();
    await page.getByRole('tab', { name: 'Sensors' }).click();
    // The demo data arrives in the local store in the background; its rows carry the asset they are bound to.
    await expect(b.row('B7_CH1_KW#value')).toBeVisible({ timeout: 90_000 });
    await expect(b.row('B7_CH1_KW#value')).toHaveAttribute('data-bound-asset', 'JT-115');
    await expect(b.sensors.getByRole('region', { name: 'Project sources' })).toContainText('reads from Local store');

    // Unbind CH-1's motor current and CH-2's leaving water temperature in the inspector.
    await ed.select('CH-1');
    await expect(b.inspectorSensor('B7_CH1_AMPS#value')).toBeVisible();
    // CH-1's power is bound to JT-115, wired to CH-1: it is one of CH-1's sensors too.
    await expect(b.inspectorSensor('B7_CH1_KW#value')).toContainText('via JT-115');
    await ed.inspector.getByRole('button', { name: 'Unbind B7_CH1_AMPS#value' }).click();
    await expect(b.inspectorSensor('B7_CH1_AMPS#value')).toHaveCount(0);
    await expect(b.row('B7_CH1_AMPS#value')).not.toHaveAttribute('data-bound-asset');
    await ed.select('TT-121');
    await ed.inspector.getByRole('button', { name: 'Unbind LCHWT_2#value' }).click();
    await expect(b.row('LCHWT_2#value')).not.toHaveAttribute('data-bound-asset');
    await b.show('Unbound');
    await expect(b.sensors.getByRole('listbox', { name: 'Sensor series' }).getByRole('option')).toHaveCount(2);

    // Drag the unbound sensor onto CH-1: bound, with the role its name says, shown in the inspector.
    await b.row('B7_CH1_AMPS#value').dragTo(ed.node('CH-1'));
    await expect(ed.status).toContainText('Bound B7_CH1_AMPS#value to CH-1 as current.');
    await expect(ed.node('CH-1')).toHaveClass(/selected/);
    await expect(b.inspectorSensor('B7_CH1_AMPS#value')).toBeVisible();
    await expect(ed.inspector.getByLabel('Role of B7_CH1_AMPS#value')).toHaveValue('current');
    await b.show('All');
    await expect(b.row('B7_CH1_AMPS#value')).toHaveAttribute('data-bound-asset', 'CH-1');

    // Suggestions for what is still unbound: LCHWT_2 belongs to TT-121, CH-2's leaving chilled water.
    await b.show('Suggested');
    await b.sensors.getByRole('button', { name: 'Suggest bindings' }).click();
    const suggestions = b.sensors.getByRole('list', { name: 'Suggestions' });
    const item = suggestions.getByRole('listitem').filter({ hasText: 'LCHWT_2#value' });
    await expect(item).toContainText('TT-121');
    await expect(item).toContainText('chws-temperature');
    await item.getByRole('button', { name: 'Accept' }).click();
    await expect(ed.status).toContainText('Accepted 1 suggestion.');
    await expect(suggestions.getByRole('listitem')).toHaveCount(0);
    await b.show('All');
    await expect(b.row('LCHWT_2#value')).toHaveAttribute('data-bound-asset', 'TT-121');

    // Two CHWS sensors on the supply header: switch which one is trusted; undo switches back.
    await ed.select('HDR-101');
    const first = b.inspectorSensor('B7_CHWS_T#value');
    const second = b.inspectorSensor('B7_CHWS_T_2#value');
    await expect(first).toHaveAttribute('data-trusted', 'true');
    await expect(second).toHaveAttribute('data-trusted', 'false');
    await ed.inspector.getByRole('radio', { name: 'Trust B7_CHWS_T_2#value' }).check();
    await expect(second).toHaveAttribute('data-trusted', 'true');
    await expect(first).toHaveAttribute('data-trusted', 'false');
    await b.undo();
    await expect(first).toHaveAttribute('data-trusted', 'true');
    await expect(second).toHaveAttribute('data-trusted', 'false');
    await page.screenshot({ path: 'test-results/bindings.png' });

    // Save, reload, reopen: the same bindings come back.
    const file = path.join(host.dataDir, 'projects', 'bound.twin.json');
    await ed.shortcut('Control+s');
    const save = page.getByRole('dialog', { name: 'Save project as' });
    await save.getByLabel('Save to').fill(file);
    await save.getByRole('button', { name: 'Save' }).click();
    await expect(ed.status).toContainText('Saved bound.twin.json');
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { sensors: { series: string; assetId: string | null; role: string; trusted: boolean }[] };
    const bySeries = new Map(saved.sensors.map((s) => [s.series, s]));
    expect(bySeries.get('B7_CH1_AMPS#value')).toMatchObject({ assetId: 'ch-1', role: 'current' });
    expect(bySeries.get('LCHWT_2#value')).toMatchObject({ assetId: 'tt-121', role: 'chws-temperature' });
    expect(bySeries.get('B7_CHWS_T#value')?.trusted).toBe(true);

    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
    await ed.command('Demo plant');
    await ed.command('Open…');
    await page.getByRole('dialog', { name: 'Open project' }).getByRole('button', { name: 'bound.twin.json' }).first().click();
    await expect(ed.status).toContainText('Opened bound.twin.json');
    await page.getByRole('tab', { name: 'Sensors' }).click();
    await expect(b.row('B7_CH1_AMPS#value')).toHaveAttribute('data-bound-asset', 'CH-1');
    await expect(b.row('LCHWT_2#value')).toHaveAttribute('data-bound-asset', 'TT-121');
    await ed.select('HDR-101');
    await expect(b.inspectorSensor('B7_CHWS_T#value')).toHaveAttribute('data-trusted', 'true');
  } finally {
    await host.stop();
    rmSync(host.dataDir, { recursive: true, force: true });
  }
});

test('a project naming a source this session does not know opens, and its sensors say which source they wait for', async ({ page, host }) => {
  await openApp(page, host);
  const ed = new EditorPage(page);
  await expect(ed.node('CH-1')).toBeVisible();
  // The demo with its sensors moved to a historian this session has never connected to.
  const demo = JSON.parse(readFileSync(path.join(ROOT, 'assets', 'demo', 'b7-chilled-water.twin.json'), 'utf8'));
  demo.sources = [{ id: 'historian', name: 'B7 historian', kind: 'influx1', url: 'http://historian.b7.example:8086', database: 'plant' }];
  demo.defaultSource = 'historian';
  const file = path.join(host.dataDir, 'projects', 'elsewhere.twin.json');
  writeFileSync(file, JSON.stringify(demo));
  await ed.command('Open…');
  await page
    .getByRole('dialog', { name: 'Open project' })
    .getByRole('button', { name: /^elsewhere/ })
    .first()
    .click();
  await expect(ed.status).toContainText('Opened elsewhere.twin.json');
  await page.getByRole('tab', { name: 'Sensors' }).click();
  const sources = page.getByRole('region', { name: 'Project sources' });
  await expect(sources).toContainText('B7 historian is not connected: connect to http://historian.b7.example:8086, database plant');
  await sources.getByText('53 sensors wait for B7 historian').click();
  await expect(sources.getByRole('list', { name: 'Sensors waiting for B7 historian' }).getByText('B7_CH1_KW#value')).toBeVisible();
  await ed.select('CH-1');
  await expect(ed.inspector).toContainText('Waits for B7 historian, which is not connected.');
});

test('a sensor dropped on empty canvas gets its bubble, wired to the nearest asset; Escape cancels a drag; the table goes out and comes back', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const host = await startWebHostProcess({ demoData: 'days:1' });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, acceptDownloads: true });
    await openApp(page, host);
    const ed = new EditorPage(page);
    const b = new BindingsPage(page, ed);
    await expect(ed.node('CH-1')).toBeVisible();
    await page.getByRole('tab', { name: 'Sensors' }).click();
    await expect(b.row('B7_CH1_AMPS#value')).toBeVisible({ timeout: 90_000 });
    await ed.select('CH-1');
    await ed.inspector.getByRole('button', { name: 'Unbind B7_CH1_AMPS#value' }).click();
    await b.sensors.getByLabel('Wire a bubble dropped on the canvas to the nearest asset').check();

    // Just above CH-1, between its bubbles and its top: empty canvas, CH-1 the nearest equipment.
    const box = (await ed.node('CH-1').boundingBox())!;
    const target = await ed.canvas.boundingBox();
    await b.row('B7_CH1_AMPS#value').dragTo(ed.canvas, { targetPosition: { x: box.x + box.width / 2 - target!.x, y: box.y - box.height * 0.25 - target!.y } });
    await expect(ed.status).toContainText('Placed IT-116 for B7_CH1_AMPS#value (current), wired to CH-1.');
    await expect(ed.node('IT-116')).toBeVisible();
    await expect(b.row('B7_CH1_AMPS#value')).toHaveAttribute('data-bound-asset', 'IT-116');
    await ed.select('CH-1');
    await expect(b.inspectorSensor('B7_CH1_AMPS#value')).toContainText('via IT-116');

    // Escape during a drag puts CH-2 back and leaves no undo step: the next undo takes the bubble away.
    const before = (await ed.node('CH-2').boundingBox())!;
    const m = page.mouse;
    await m.move(before.x + before.width / 2, before.y + before.height / 2);
    await m.down();
    await m.move(before.x + before.width / 2 + 120, before.y + before.height / 2 + 60, { steps: 8 });
    await page.keyboard.press('Escape');
    await m.move(before.x + before.width / 2 + 160, before.y + before.height / 2 + 80, { steps: 4 });
    await m.up();
    await expect(ed.status).toContainText('Move cancelled.');
    expect(await ed.node('CH-2').boundingBox()).toEqual(before);
    await b.undo();
    await expect(ed.node('IT-116')).toHaveCount(0);
    await expect(b.row('B7_CH1_AMPS#value')).not.toHaveAttribute('data-bound-asset');

    // The binding table out as CSV, and back: a table with a wrong tag changes nothing and says where.
    const download = page.waitForEvent('download');
    await b.sensors.getByRole('button', { name: 'Export table' }).click();
    const csv = readFileSync(await (await download).path(), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('series,asset tag,role,unit,trusted,source');
    expect(csv).toContain('B7_CH1_KW#value,JT-115,power,kW,true,local');
    const upload = b.sensors.getByLabel('Binding table file');
    await upload.setInputFiles({ name: 'theirs.csv', mimeType: 'text/csv', buffer: Buffer.from('series,asset tag,role\nB7_CH1_AMPS#value,CH-9,current\n') });
    const dialog = page.getByRole('alertdialog', { name: 'Could not import the binding table' });
    await expect(dialog).toContainText('theirs.csv has 1 problem. Fix it and import the table again.');
    await expect(dialog).toContainText('Nothing was changed');
    await expect(dialog).toContainText('line 2');
    await expect(dialog).toContainText('no asset has the tag "CH-9"');
    await dialog.getByRole('button', { name: 'OK' }).click();
    await upload.setInputFiles({ name: 'theirs.csv', mimeType: 'text/csv', buffer: Buffer.from(`${csv}B7_CH1_AMPS#value,CH-1,current,A,,local\r\n`) });
    await expect(ed.status).toContainText('Imported 53 bindings from theirs.csv.');
    await expect(b.row('B7_CH1_AMPS#value')).toHaveAttribute('data-bound-asset', 'CH-1');
  } finally {
    await host.stop();
    rmSync(host.dataDir, { recursive: true, force: true });
  }
});

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, type WebHostProcess } from '../web-host-fixture';
import { EditorPage } from './editor-page';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The series that the saved demo moves to a historian this session has never connected to. */
export const MOVED_SERIES = 'B7_CH1_LCWT#value';

/**
 * Open the demo as a colleague saved it: its store under another project source id ("plant-store") than this
 * session's "local", and one temperature (MOVED_SERIES) on another site's historian, never connected here.
 */
export async function openDemoWithMovedSource(page: Page, host: WebHostProcess, name: string): Promise<EditorPage> {
  const ed = new EditorPage(page);
  await expect(ed.node('CH-1')).toBeVisible();
  const demo = JSON.parse(readFileSync(path.join(ROOT, 'assets', 'demo', 'b7-chilled-water.twin.json'), 'utf8'));
  demo.sources = [
    { id: 'plant-store', name: 'Plant store', kind: 'local' },
    { id: 'site9', name: 'Site 9 historian', kind: 'influx1', url: 'http://site9.example:8086', database: 'site9' },
  ];
  demo.defaultSource = 'plant-store';
  for (const s of demo.sensors as { series: string; source?: string }[]) if (s.series === MOVED_SERIES) s.source = 'site9';
  writeFileSync(path.join(host.dataDir, 'projects', `${name}.twin.json`), JSON.stringify(demo));
  await ed.command('Open…');
  await page
    .getByRole('dialog', { name: 'Open project' })
    .getByRole('button', { name: new RegExp(`^${name}`) })
    .first()
    .click();
  await expect(ed.status).toContainText(`Opened ${name}.twin.json`);
  return ed;
}

import { expect, type Locator, type Page } from '@playwright/test';
import type { WebHostProcess } from '../web-host-fixture';

/** One value drawn on the schematic, as the accessibility contract exposes it (DESIGN.md). */
export interface DrawnValue {
  sensor: string;
  value: string | null;
  t: string | null;
  state: string | null;
  text: string;
}

/** Call the web host's API the way the renderer does (bearer token), for the test to check against. */
export async function callApi<T>(host: WebHostProcess, method: string, input: unknown): Promise<T> {
  const res = await fetch(`${host.url}api/${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  const envelope = (await res.json()) as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!envelope.ok) throw new Error(`${method} failed: ${envelope.error.message}`);
  return envelope.value;
}

/** Wait until the host has written the demo data into its local store. */
export async function waitForDemoData(host: WebHostProcess, timeoutMs = 120_000): Promise<void> {
  const start = Date.now();
  for (;;) {
    const s = await callApi<{ state: string; message: string }>(host, 'demoDataStatus', {});
    if (s.state === 'ready') return;
    if (s.state === 'failed' || s.state === 'missing') throw new Error(`Demo data: ${s.message}`);
    if (Date.now() - start > timeoutMs) throw new Error(`Demo data not ready after ${timeoutMs} ms: ${s.message}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** The time bar and the values on the schematic, in the user's terms (roles and names from DESIGN.md). */
export class TimePage {
  readonly ranges: Locator;
  readonly cursor: Locator;

  constructor(readonly page: Page) {
    this.ranges = page.getByRole('group', { name: 'Time range' });
    this.cursor = page.getByRole('slider', { name: 'Time cursor' });
  }

  async preset(label: string): Promise<void> {
    await this.ranges.getByRole('button', { name: label, exact: true }).click();
    await expect(this.ranges.getByRole('button', { name: label, exact: true })).toHaveAttribute('aria-pressed', 'true');
  }

  /** Type a custom range (wall times in the plant's zone). */
  async customRange(from: string, to: string): Promise<void> {
    await this.ranges.getByRole('button', { name: 'Custom…' }).click();
    const form = this.page.getByRole('form', { name: 'Custom time range' });
    await form.getByLabel('From').fill(from);
    await form.getByLabel('To').fill(to);
    await form.getByRole('button', { name: 'Apply' }).click();
    await expect(form).toHaveCount(0);
  }

  /** Press keys on the focused time cursor. */
  async press(...keys: string[]): Promise<void> {
    await this.cursor.focus();
    for (const k of keys) await this.page.keyboard.press(k);
  }

  async now(): Promise<number> {
    return Number(await this.cursor.getAttribute('aria-valuenow'));
  }

  /** Wait until every drawn value is exact, stale or missing (none approximate, none loading), then read them all. */
  async settledValues(): Promise<DrawnValue[]> {
    await expect(this.page.locator('.value-layer')).toHaveAttribute('data-values', 'exact');
    await expect(this.page.locator('.value-layer [data-state="approximate"], .value-layer [data-loading]')).toHaveCount(0);
    return this.page.locator('.value-layer [data-sensor]').evaluateAll((els) =>
      els.map((e) => ({
        sensor: e.getAttribute('data-sensor') ?? '',
        value: e.getAttribute('data-value'),
        t: e.getAttribute('data-t'),
        state: e.getAttribute('data-state'),
        text: e.textContent ?? '',
      })),
    );
  }

  /** The drawn state of an asset node (DESIGN.md: data-running, data-position). */
  async nodeState(tag: string): Promise<{ running: string | null; position: string | null }> {
    const node = this.page.locator(`.react-flow__node [data-asset-tag="${tag}"]`).first();
    return { running: await node.getAttribute('data-running'), position: await node.getAttribute('data-position') };
  }
}

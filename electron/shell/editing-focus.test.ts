import type { WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { isEditingText } from './editing-focus';

type Probe = Pick<WebContents, 'executeJavaScriptInIsolatedWorld' | 'isDestroyed'>;

function contents(answer: () => Promise<unknown>, destroyed = false): Probe & { calls: Array<{ world: number; code: string }> } {
  const calls: Array<{ world: number; code: string }> = [];
  return {
    calls,
    isDestroyed: () => destroyed,
    executeJavaScriptInIsolatedWorld: ((world: number, scripts: Array<{ code: string }>) => {
      calls.push({ world, code: scripts[0]?.code ?? '' });
      return answer();
    }) as Probe['executeJavaScriptInIsolatedWorld'],
  };
}

describe('isEditingText', () => {
  it('asks the page in an isolated world other than the main and preload worlds', async () => {
    const c = contents(() => Promise.resolve(true));
    expect(await isEditingText(c)).toBe(true);
    expect(c.calls).toHaveLength(1);
    expect(c.calls[0]?.world).not.toBe(0);
    expect(c.calls[0]?.world).not.toBe(999);
    expect(c.calls[0]?.code).toContain('document.activeElement');
  });

  it('takes only a real true as yes', async () => {
    expect(await isEditingText(contents(() => Promise.resolve(false)))).toBe(false);
    expect(await isEditingText(contents(() => Promise.resolve('true')))).toBe(false);
    expect(await isEditingText(contents(() => Promise.resolve(1)))).toBe(false);
  });

  it('answers no when the page fails, hangs or is gone', async () => {
    expect(await isEditingText(contents(() => Promise.reject(new Error('Script failed to execute'))))).toBe(false);
    const started = Date.now();
    expect(
      await isEditingText(
        contents(() => new Promise(() => undefined)),
        50,
      ),
    ).toBe(false);
    expect(Date.now() - started).toBeLessThan(1_000);
    const gone = contents(() => Promise.resolve(true), true);
    expect(await isEditingText(gone)).toBe(false);
    expect(gone.calls).toHaveLength(0);
  });
});

const CHROMIUM = '/usr/lib/chromium/chromium';

describe('EDITING_PROBE in real Chromium', async () => {
  const { existsSync } = await import('node:fs');
  const available = existsSync(CHROMIUM);
  if (!available) console.warn(`Skipping the Chromium probe test: no browser at ${CHROMIUM}.`);

  it.skipIf(!available)('says yes for text fields and no for the canvas, buttons and checkboxes', async () => {
    const { chromium } = await import('@playwright/test');
    const { EDITING_PROBE } = await import('./editing-focus');
    const browser = await chromium.launch({ executablePath: CHROMIUM });
    try {
      const page = await browser.newPage();
      await page.setContent(`
        <input id="tag" value="P-101"><input id="num" type="number"><input id="check" type="checkbox">
        <input id="off" disabled><textarea id="notes"></textarea><textarea id="ro" readonly></textarea>
        <div id="rich" contenteditable="true">x</div><button id="btn">Save</button><div id="canvas" tabindex="0">canvas</div>`);
      const probe = async (id: string | null) => {
        if (id) await page.focus(`#${id}`);
        else await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        return page.evaluate(EDITING_PROBE);
      };
      expect(await probe('tag')).toBe(true);
      expect(await probe('num')).toBe(true);
      expect(await probe('notes')).toBe(true);
      expect(await probe('rich')).toBe(true);
      expect(await probe('check')).toBe(false);
      expect(await probe('ro')).toBe(false);
      expect(await probe('btn')).toBe(false);
      expect(await probe('canvas')).toBe(false);
      expect(await probe(null)).toBe(false);
    } finally {
      await browser.close();
    }
  });
});

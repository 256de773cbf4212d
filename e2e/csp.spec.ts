import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, openApp, test } from './web-host-fixture';

/** Runs inside the page as a same-origin script: tries everything the CSP must stop. */
async function probe(url: string): Promise<void> {
  const w = window as unknown as Record<string, unknown> & { __probeDone(r: unknown): void };
  const reported: string[] = [];
  document.addEventListener('securitypolicyviolation', (e) => reported.push(e.effectiveDirective));
  const s = document.createElement('script');
  s.textContent = 'window.__inlineRan = true';
  document.body.append(s);
  const div = document.createElement('div');
  div.setAttribute('onclick', 'window.__handlerRan = true');
  document.body.append(div);
  div.click();
  let evalBlocked = false;
  try {
    (0, eval)('window.__evalRan = true');
  } catch {
    evalBlocked = true;
  }
  let fnBlocked = false;
  try {
    new Function('return 1')();
  } catch {
    fnBlocked = true;
  }
  let fetchBlocked = false;
  try {
    await fetch(url);
  } catch {
    fetchBlocked = true;
  }
  await new Promise((r) => setTimeout(r, 200));
  w.__probeDone({
    inline: w.__inlineRan === true,
    handler: w.__handlerRan === true,
    evalRan: w.__evalRan === true,
    evalBlocked,
    fnBlocked,
    fetchBlocked,
    reported,
  });
}

test('the Content-Security-Policy blocks inline script, inline handlers, eval and other origins in real Chromium', async ({ page, host }) => {
  // Another origin that would answer if the browser let the request out.
  let hits = 0;
  const other = http.createServer((_req, res) => {
    hits++;
    res.writeHead(200, { 'Access-Control-Allow-Origin': '*' });
    res.end('leaked');
  });
  await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
  const otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}/`;
  try {
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await openApp(page, host);
    // The probe is a real page script from the app's own origin (served through a route), so what it
    // tries is judged by the page's CSP; code run through DevTools would not be.
    await page.route('**/csp-probe.js', (route) =>
      route.fulfill({ contentType: 'text/javascript', body: `(${probe.toString()})(${JSON.stringify(otherUrl)});` }),
    );
    const result = await page.evaluate(
      () =>
        new Promise<Record<string, unknown>>((resolve, reject) => {
          const s = document.createElement('script');
          s.src = 'csp-probe.js';
          s.onerror = () => reject(new Error('the probe did not load'));
          (window as unknown as { __probeDone: (r: Record<string, unknown>) => void }).__probeDone = resolve;
          document.body.append(s);
        }),
    );
    expect(result.inline).toBe(false);
    expect(result.handler).toBe(false);
    expect(result.evalRan).toBe(false);
    expect(result.evalBlocked).toBe(true);
    expect(result.fnBlocked).toBe(true);
    expect(result.fetchBlocked).toBe(true);
    expect(hits).toBe(0);
    expect(result.reported).toEqual(expect.arrayContaining(['script-src-elem', 'script-src-attr', 'script-src', 'connect-src']));
    expect(violations.length).toBeGreaterThan(0);
  } finally {
    other.close();
  }
});

test('the app itself runs without any CSP violation', async ({ page, host }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  await openApp(page, host);
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await page.getByRole('region', { name: 'Component palette' }).getByRole('button', { name: 'Chiller', exact: true }).click();
  expect(violations).toEqual([]);
});

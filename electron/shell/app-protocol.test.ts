import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_SCHEME_PRIVILEGES, bundleRequestHandler } from './app-protocol';
import { CONTENT_SECURITY_POLICY } from './csp';

const tmp = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'twin-protocol-')));
const bundle = path.join(tmp, 'dist');
const handle = bundleRequestHandler(bundle);

beforeAll(() => {
  mkdirSync(path.join(bundle, 'assets'), { recursive: true });
  writeFileSync(path.join(bundle, 'index.html'), '<!doctype html><title>Twin Studio</title>');
  writeFileSync(path.join(bundle, 'assets', 'main-1.js'), 'console.log(1)');
  writeFileSync(path.join(tmp, 'secret.txt'), 'outside');
  symlinkSync(path.join(tmp, 'secret.txt'), path.join(bundle, 'assets', 'leak.js'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// A plain object, because Request itself refuses URLs with credentials (Electron's requests may carry them).
const get = (url: string, method = 'GET') => handle({ url, method });

describe('bundleRequestHandler', () => {
  it('serves the entry page with its type and the CSP', async () => {
    const res = await get('app://bundle/index.html');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<title>Twin Studio</title>');
  });

  it('serves bundle files and the root as index.html, ignoring query and fragment', async () => {
    const js = await get('app://bundle/assets/main-1.js?v=2#x');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log(1)');
    expect(await (await get('app://bundle/')).text()).toContain('Twin Studio');
  });

  it('answers HEAD without a body', async () => {
    const res = await get('app://bundle/index.html', 'HEAD');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  });

  it.each([
    'app://bundle/../secret.txt',
    'app://bundle/%2e%2e/secret.txt',
    'app://bundle/assets/..%2F..%2Fsecret.txt',
    'app://bundle/assets%5C..%5C..%5Csecret.txt',
    'app://bundle/assets/leak.js',
    'app://bundle/missing.js',
    'app://other/index.html',
    'app://bundle.evil/index.html',
    'app://user@bundle/index.html',
    'app://bundle:8080/index.html',
  ])('refuses %s with a bare 404 that still carries the CSP', async (url) => {
    const res = await get(url);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const body = await res.text();
    expect(body).not.toContain('outside');
    expect(body).not.toContain(tmp);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const res = await get('app://bundle/index.html', 'POST');
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
  });

  it('turns a read failure into a 404', async () => {
    const failing = bundleRequestHandler(bundle, () => Promise.reject(new Error('EIO')));
    expect((await failing(new Request('app://bundle/index.html'))).status).toBe(404);
  });
});

describe('APP_SCHEME_PRIVILEGES', () => {
  it('makes app:// a standard, secure scheme with fetch and nothing that widens it', () => {
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe('app');
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({
      standard: true,
      secure: true,
      supportFetchAPI: true,
      bypassCSP: false,
      corsEnabled: false,
      allowServiceWorkers: false,
    });
  });
});

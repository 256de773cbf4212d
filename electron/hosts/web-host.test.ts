import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { methodNames } from '../../shared/api/contract';
import { EventHub } from '../services/event-hub';
import { CONTENT_SECURITY_POLICY } from '../shell/csp';
import type { Handlers } from './dispatch';
import { startWebHost, type WebHost } from './web-host';

/** A raw request, so tests control the Host header (fetch would not let them). */
function request(
  port: number,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

let dir: string;
let host: WebHost;
const events = new EventHub();
const handlers = Object.fromEntries(methodNames.map((m) => [m, async () => ({ method: m })])) as unknown as Handlers;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'twin-webhost-'));
  const bundle = path.join(dir, 'bundle');
  mkdirSync(path.join(bundle, 'assets'), { recursive: true });
  writeFileSync(path.join(bundle, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(path.join(bundle, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(dir, 'secret.txt'), 'secret');
  symlinkSync(path.join(dir, 'secret.txt'), path.join(bundle, 'assets', 'link.txt'));
  host = await startWebHost({ handlers, events, rendererDir: bundle });
});

afterAll(async () => {
  await host.close();
  rmSync(dir, { recursive: true, force: true });
});

const hostHeader = () => ({ Host: `127.0.0.1:${host.port}` });
const auth = () => ({ ...hostHeader(), Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' });

describe('web host', () => {
  it('listens on loopback only, on a random port, with a long random token in the URL fragment', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(host.openUrl).toBe(`${host.url}#token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(40);
  });

  it('serves the renderer with the CSP and no CORS headers', async () => {
    const r = await request(host.port, { path: '/', headers: hostHeader() });
    expect(r.status).toBe(200);
    expect(r.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(r.headers['x-frame-options']).toBe('DENY');
    expect(Object.keys(r.headers).some((h) => h.startsWith('access-control-'))).toBe(false);
    const js = await request(host.port, { path: '/assets/app.js', headers: hostHeader() });
    expect(js.headers['content-type']).toMatch(/javascript/);
  });

  it('refuses other Host headers (DNS rebinding)', async () => {
    for (const h of ['evil.example:80', `attacker.com:${host.port}`, '127.0.0.1', `127.0.0.2:${host.port}`]) {
      const r = await request(host.port, { path: '/', headers: { Host: h } });
      expect(r.status, h).toBe(421);
    }
    const ok = await request(host.port, { path: '/', headers: { Host: `localhost:${host.port}` } });
    expect(ok.status).toBe(200);
  });

  it('does not serve files outside the bundle', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/assets/link.txt', '/assets/%5c..%5csecret.txt']) {
      const r = await request(host.port, { path: p, headers: hostHeader() });
      expect(r.status, p).toBe(404);
      expect(r.body).not.toContain('secret');
    }
  });

  it('requires the bearer token on every API call', async () => {
    const none = await request(host.port, {
      method: 'POST',
      path: '/api/appInfo',
      headers: { ...hostHeader(), 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(none.status).toBe(401);
    const wrong = await request(host.port, {
      method: 'POST',
      path: '/api/appInfo',
      headers: { ...auth(), Authorization: `Bearer ${host.token.slice(0, -1)}x` },
      body: '{}',
    });
    expect(wrong.status).toBe(401);
    const events = await request(host.port, { path: '/api/events', headers: hostHeader() });
    expect(events.status).toBe(401);
  });

  it('routes every contract method and parses input', async () => {
    for (const m of methodNames) {
      const r = await request(host.port, { method: 'POST', path: `/api/${m}`, headers: auth(), body: '{}' });
      expect(r.status, m).toBe(200);
      const env = JSON.parse(r.body) as { ok: boolean; value?: { method: string }; error?: { kind: string } };
      // Either the handler answered (its input allows {}), or the input was refused by its schema: never a 404.
      if (env.ok) expect(env.value?.method).toBe(m);
      else expect(env.error?.kind).toBe('invalid-input');
    }
  });

  it('refuses non-JSON, GET on methods, unknown methods and oversize bodies', async () => {
    expect((await request(host.port, { method: 'POST', path: '/api/appInfo', headers: { ...auth(), 'Content-Type': 'text/plain' }, body: '{}' })).status).toBe(
      415,
    );
    expect((await request(host.port, { method: 'GET', path: '/api/appInfo', headers: auth() })).status).toBe(405);
    const bad = await request(host.port, { method: 'POST', path: '/api/appInfo', headers: auth(), body: '{not json' });
    expect(bad.status).toBe(400);
    const unknown = JSON.parse((await request(host.port, { method: 'POST', path: '/api/__proto__', headers: auth(), body: '{}' })).body);
    expect(unknown.ok).toBe(false);
  });

  it('streams events to token holders', async () => {
    const lines: string[] = [];
    await new Promise<void>((resolve, reject) => {
      const req = http.get(
        { host: '127.0.0.1', port: host.port, path: '/api/events', headers: { ...hostHeader(), Authorization: `Bearer ${host.token}` } },
        (res) => {
          res.on('data', (d: Buffer) => {
            lines.push(...d.toString().split('\n').filter(Boolean));
            if (lines.length === 1) events.emit('command', { command: 'file.save' });
            if (lines.length >= 2) {
              req.destroy();
              resolve();
            }
          });
        },
      );
      req.on('error', (e) => (lines.length >= 2 ? resolve() : reject(e)));
    });
    expect(JSON.parse(lines[1]!)).toEqual({ event: 'command', payload: { command: 'file.save' } });
  });
});

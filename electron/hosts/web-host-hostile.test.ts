import http from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methodNames } from '../../shared/api/contract';
import { emptyDocument } from '../../shared/twin/empty-document';
import { EventHub } from '../services/event-hub';
import { PROJECT_BODY_BYTES, SMALL_BODY_BYTES } from './body-limits';
import type { Handlers } from './dispatch';
import { startWebHost, type WebHost } from './web-host';

/**
 * Issue 7, findings 3 and 6: what a hostile client of the web host sends. Bodies over their method's limit
 * are refused while they stream in, before parsing; large bodies are parsed one at a time while small calls
 * still answer; a path that is not a method name is a typed error, not a 500.
 */

interface Answer {
  status: number;
  body: string;
  /** Body bytes the client had written when the answer came. */
  sent: number;
}

let dir: string;
let host: WebHost;
/** Handlers that record when the project methods start and let a test decide when they finish. */
const started: string[] = [];
const gates = new Map<string, () => void>();
const handlers = Object.fromEntries(methodNames.map((m) => [m, async () => ({ method: m })])) as unknown as Handlers;
handlers.writeRecovery = async ({ session }) => {
  started.push(session);
  await new Promise<void>((resolve) => gates.set(session, resolve));
  return { savedAt: 1 };
};

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'twin-hostile-'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html>');
  host = await startWebHost({ handlers, events: new EventHub(), rendererDir: dir, largeBodyBytes: 64 * 1024 });
});

afterAll(async () => {
  await host.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * POST a body produced chunk by chunk (so the client never holds it whole), stopping as soon as the server
 * answers. `hold` keeps the upload open after `holdAfter` bytes until the returned `finish` is called.
 */
function post(
  method: string,
  chunks: Iterable<string>,
  options: { length?: number; holdAfter?: number } = {},
): { answer: Promise<Answer>; finish: () => void } {
  let finish: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (finish = resolve));
  const answer = new Promise<Answer>((resolve, reject) => {
    const headers: Record<string, string> = { Host: `127.0.0.1:${host.port}`, Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' };
    if (options.length !== undefined) headers['Content-Length'] = String(options.length);
    // A connection of its own: a request abandoned mid-upload must not lend its socket to the next one.
    const req = http.request({ host: '127.0.0.1', port: host.port, method: 'POST', path: `/api/${method}`, headers, agent: false });
    let sent = 0;
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, sent }));
    });
    req.on('error', (e) => (answered ? undefined : reject(e)));
    void (async () => {
      let holding = options.holdAfter !== undefined;
      for (const chunk of chunks) {
        if (answered || req.destroyed) return;
        if (holding && sent >= (options.holdAfter as number)) {
          holding = false;
          await held;
        }
        sent += Buffer.byteLength(chunk);
        if (!req.write(chunk)) await new Promise((r) => req.once('drain', r));
      }
      req.end();
    })().catch(() => undefined);
  });
  return { answer, finish };
}

/** `{"x":[{},{},…]}` of about `bytes` bytes, in 1 MB chunks. */
function* emptyObjects(bytes: number, head = '{"x":['): Generator<string> {
  yield head;
  const chunk = '{},'.repeat(349_525);
  for (let n = 0; n < bytes; n += chunk.length) yield chunk;
  yield '{}]}';
}

const error = (a: Answer) => (JSON.parse(a.body) as { ok: false; error: { kind: string; message: string } }).error;

describe('bodies over their method’s limit (finding 3)', () => {
  it('refuses a 79 MB body to appInfo while it streams in, long before it is all sent', async () => {
    const a = await post('appInfo', emptyObjects(79 * 1024 * 1024)).answer;
    expect(a.status).toBe(413);
    expect(error(a)).toMatchObject({ kind: 'invalid-input', message: expect.stringContaining('more than the 64 KB it may carry') });
    expect(a.sent).toBeLessThan(16 * 1024 * 1024);
  });

  it('refuses a body whose declared length is over the limit without reading it', async () => {
    const a = await post('connectSource', [], { length: 79 * 1024 * 1024 }).answer;
    expect(a.status).toBe(413);
    expect(error(a).message).toContain(`is ${(79 * 1024 * 1024).toLocaleString('en-US')} bytes`);
    expect(a.sent).toBe(0);
  });

  it('gives project methods room for a project, and no more', async () => {
    expect(SMALL_BODY_BYTES).toBe(64 * 1024);
    expect(PROJECT_BODY_BYTES).toBeGreaterThan(50 * 1024 * 1024);
    const a = await post('saveProject', emptyObjects(PROJECT_BODY_BYTES + 1024, '{"document":"')).answer;
    expect(a.status).toBe(413);
    expect(error(a).message).toContain('more than the 50.1 MB it may carry');
  });

  it('refuses a project body of millions of empty objects before parsing it', async () => {
    const a = await post('saveProject', emptyObjects(7 * 1024 * 1024, '{"path":"/tmp/x.twin.json","expected":null,"document":{"x":[')).answer;
    expect(a.status).toBe(413);
    expect(error(a).message).toContain('holds more than 2,000,000 objects and arrays');
  });

  it('parses large bodies one at a time, while small calls answer', async () => {
    const document = JSON.stringify({ ...emptyDocument('big', 'Big'), pad: 'PAD' });
    const [head, tail] = document.split('"PAD"') as [string, string];
    const big = (session: string) => [`{"session":"${session}","path":null,"document":${head}"`, 'p'.repeat(200 * 1024), `"${tail}}`];
    // The first large body holds its slot while its upload is stalled half way.
    const first = post('writeRecovery', big('first'), { holdAfter: 100 * 1024 });
    const second = post('writeRecovery', big('second'));
    // A small call answers meanwhile.
    const info = await post('appInfo', ['{}']).answer;
    expect(JSON.parse(info.body)).toEqual({ ok: true, value: { method: 'appInfo' } });
    expect(started).toEqual([]);
    first.finish();
    await waitFor(() => started.length === 1);
    // The second body was read no further while the first one's method ran.
    expect(started).toEqual(['first']);
    const small = await post('appInfo', ['{}']).answer;
    expect(small.status).toBe(200);
    expect(started).toEqual(['first']);
    gates.get('first')?.();
    await waitFor(() => started.length === 2);
    gates.get('second')?.();
    expect((await first.answer).status).toBe(200);
    expect((await second.answer).status).toBe(200);
  });
});

describe('malformed requests (finding 6)', () => {
  it('answers a path that is not percent-encoding with a typed invalid-input, not a 500', async () => {
    const a = await post('%E0%A4%A', ['{}']).answer;
    expect(a.status).toBe(400);
    expect(error(a)).toMatchObject({ kind: 'invalid-input', message: expect.stringContaining('not valid percent-encoding') });
  });

  it('names an unknown method cut short, saying how long the name was', async () => {
    const a = await post('x'.repeat(10_000), ['{}']).answer;
    expect(a.status).toBe(404);
    expect(error(a).message).toBe(`There is no API method "${'x'.repeat(80)}"… (10,000 characters in all).`);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(condition()).toBe(true);
}

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methodNames } from '../../shared/api/contract';
import { twinError } from '../../shared/api/errors';
import { createAppServices, type AppServices } from '../services/app-services';
import { dispatch, type Handlers } from './dispatch';

/**
 * Issue 7, finding 6: an error never echoes a caller's value whole (a 10 MB series key made a 20 MB reply);
 * an echoed value is cut short and the message says how long it was.
 */

const HUGE = 10 * 1024 * 1024;
let dir: string;
let services: AppServices;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'twin-echo-'));
  services = await createAppServices({
    dataDir: dir,
    host: 'web',
    version: 'test',
    resourcesDir: dir,
    startupProject: null,
    dialogs: null,
    openExternal: null,
    demoData: { kind: 'off' },
  });
});

afterAll(async () => {
  await services.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('values echoed in errors', () => {
  it('a 10 MB series key written to the local store answers a short error', async () => {
    for (const key of ['k'.repeat(HUGE), `${'k'.repeat(HUGE)}#v`, `a,${'b'.repeat(HUGE)}#v`]) {
      const reply = JSON.stringify(await dispatch(services.handlers, 'writePoints', { source: 'local', points: [{ key, t: 0, value: 1 }] }));
      expect(reply.length).toBeLessThan(4_000);
      expect(JSON.parse(reply)).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    }
  });

  it('a series key that cannot be parsed is quoted cut short, with its length', async () => {
    const key = `${'m'.repeat(1_500)},tag#v`;
    const reply = await dispatch(services.handlers, 'writePoints', { source: 'local', points: [{ key, t: 0, value: 1 }] });
    expect(JSON.stringify(reply).length, JSON.stringify(reply)).toBeLessThan(1_000);
    expect(JSON.stringify(reply)).toContain('… (1,506 characters in all)');
  });

  it('whatever a handler throws leaves dispatch bounded: message, where and problems', async () => {
    const handlers = Object.fromEntries(methodNames.map((m) => [m, async () => ({})])) as unknown as Handlers;
    handlers.appInfo = async () => {
      throw twinError('invalid-input', `bad ${'v'.repeat(HUGE)}`, {
        where: 'w'.repeat(HUGE),
        problems: Array.from({ length: 10_000 }, () => ({ path: `$.${'p'.repeat(1_000)}`, message: 'm'.repeat(HUGE / 100), severity: 'error' as const })),
      });
    };
    const reply = await dispatch(handlers, 'appInfo', {});
    expect(JSON.stringify(reply).length).toBeLessThan(100_000);
    if (reply.ok) throw new Error('expected a refusal');
    expect(reply.error.message).toMatch(/… \(10,485,764 characters in all\)$/);
    expect(reply.error.where).toMatch(/… \(10,485,760 characters in all\)$/);
    expect(reply.error.problems).toHaveLength(50);
  });
});

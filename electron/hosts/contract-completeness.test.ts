import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import path from 'node:path';
import vm from 'node:vm';
import { contract, eventNames, methodNames } from '../../shared/api/contract';
import { eventChannel, methodChannel } from '../../shared/api/bridge';
import { registerIpcHost } from './ipc-host';
import { dispatch, type Handlers } from './dispatch';

/** Handlers that answer every method with its name, to see which method a host reached. */
function echoHandlers(): Handlers {
  return Object.fromEntries(methodNames.map((m) => [m, async () => ({ method: m })])) as unknown as Handlers;
}

describe('every contract method is exposed by every host', () => {
  it('the schema-free method list (what bridges iterate) is exactly the contract, in its order', () => {
    expect([...methodNames]).toEqual(Object.keys(contract));
  });

  it('the IPC host registers one handler per method on its channel', () => {
    const channels: string[] = [];
    registerIpcHost({ handle: (ch: string) => void channels.push(ch), removeHandler: () => undefined } as never, echoHandlers(), () => true);
    expect(channels.sort()).toEqual(methodNames.map(methodChannel).sort());
  });

  it('the IPC host refuses calls from untrusted frames before parsing input', async () => {
    const handlers = new Map<string, (e: unknown, input: unknown) => Promise<unknown>>();
    registerIpcHost({ handle: (ch: string, fn: never) => void handlers.set(ch, fn), removeHandler: () => undefined } as never, echoHandlers(), () => false);
    const r = (await handlers.get(methodChannel('appInfo'))!({ senderFrame: null }, {})) as { ok: boolean; error: { kind: string } };
    expect(r.ok).toBe(false);
    expect(r.error.kind).toBe('forbidden');
  });

  it('the preload exposes exactly the contract, as named functions on the right channels', async () => {
    const out = await build({
      entryPoints: [path.join(__dirname, '..', 'preload.ts')],
      bundle: true,
      write: false,
      platform: 'node',
      format: 'cjs',
      external: ['electron'],
      logLevel: 'silent',
    });
    let exposed: Record<string, unknown> = {};
    const invoked: string[] = [];
    const listened: string[] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (name: string, api: Record<string, unknown>) => void (exposed = { [name]: api }) },
      ipcRenderer: {
        invoke: async (ch: string) => void invoked.push(ch),
        on: (ch: string) => void listened.push(ch),
        removeListener: () => undefined,
      },
    };
    vm.runInNewContext(out.outputFiles[0]!.text, { require: (m: string) => (m === 'electron' ? electron : undefined), module: { exports: {} }, exports: {} });
    const api = exposed.twin as Record<string, (x?: unknown, y?: unknown) => unknown>;
    expect(api).toBeDefined();
    expect(
      Object.keys(api)
        .filter((k) => k !== 'on')
        .sort(),
    ).toEqual([...methodNames].sort());
    for (const m of methodNames) await api[m]!({});
    expect(invoked).toEqual(methodNames.map(methodChannel));
    for (const e of eventNames) api.on!(e, () => undefined);
    expect(listened).toEqual(eventNames.map(eventChannel));
    expect(() => api.on!('not-an-event', () => undefined)).toThrow(/Unknown event/);
    expect(Object.keys(exposed)).toEqual(['twin']);
  });

  it('dispatch parses input and refuses unknown methods and prototype keys', async () => {
    const h = echoHandlers();
    expect(await dispatch(h, 'appInfo', {})).toEqual({ ok: true, value: { method: 'appInfo' } });
    for (const name of ['nope', 'toString', '__proto__', 'constructor']) {
      const r = await dispatch(h, name, {});
      expect(r.ok).toBe(false);
    }
    const bad = await dispatch(h, 'openProject', { path: 42 });
    expect(bad).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    expect(!bad.ok && bad.error.problems?.[0]?.path).toBe('$.path');
    const range = await dispatch(h, 'queryWindows', { source: 'local', keys: ['a#v'], from: 0, to: 10, n: 0 });
    expect(range.ok).toBe(false);
  });

  it('dispatch turns thrown errors into typed envelopes without stacks', async () => {
    const h = echoHandlers();
    h.appInfo = async () => {
      throw new Error('boom');
    };
    const r = await dispatch(h, 'appInfo', {});
    expect(r).toEqual({ ok: false, error: { kind: 'internal', message: 'Unexpected error: boom' } });
  });
});

import { EventEmitter } from 'node:events';
import type { MessageBoxSyncOptions, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { orderlyQuit } from './orderly-quit';
import { confirmLeaveWhenUnsaved, LEAVE_PROMPT } from './unsaved-prompt';

function quitEvent() {
  const e = { prevented: false, preventDefault: () => void (e.prevented = true) };
  return e;
}
const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

describe('orderlyQuit', () => {
  it('holds the first quit until the services are closed, then quits once and lets the repeat through', async () => {
    const log: string[] = [];
    let closes = 0;
    let quits = 0;
    let finish: () => void = () => undefined;
    const onWillQuit = orderlyQuit({
      close: () => new Promise<void>((r) => (closes++, (finish = r))),
      quit: () => void quits++,
      timeoutMs: 5_000,
      log: (m) => log.push(m),
    });

    const first = quitEvent();
    onWillQuit(first);
    expect(first.prevented).toBe(true);
    const during = quitEvent();
    onWillQuit(during);
    expect(during.prevented).toBe(true);
    await tick();
    expect(closes).toBe(1);
    expect(quits).toBe(0);

    finish();
    await tick();
    expect(quits).toBe(1);
    const repeat = quitEvent();
    onWillQuit(repeat);
    expect(repeat.prevented).toBe(false);
    expect(log).toEqual([]);
  });

  it('quits anyway when closing hangs past the deadline, and says so', async () => {
    const log: string[] = [];
    let quits = 0;
    const onWillQuit = orderlyQuit({ close: () => new Promise<void>(() => undefined), quit: () => void quits++, timeoutMs: 30, log: (m) => log.push(m) });
    const started = Date.now();
    onWillQuit(quitEvent());
    while (quits === 0 && Date.now() - started < 2_000) await tick(5);
    expect(quits).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    expect(log.join('\n')).toMatch(/did not close within 30 ms/);
  });

  it('quits when closing fails, and logs the failure', async () => {
    const log: string[] = [];
    let quits = 0;
    const onWillQuit = orderlyQuit({
      close: () => Promise.reject(new Error('store locked')),
      quit: () => void quits++,
      timeoutMs: 1_000,
      log: (m) => log.push(m),
    });
    onWillQuit(quitEvent());
    await tick(5);
    expect(quits).toBe(1);
    expect(log.join('\n')).toMatch(/store locked/);
  });

  it('survives a close that throws synchronously', async () => {
    let quits = 0;
    const onWillQuit = orderlyQuit({
      close: () => {
        throw new Error('boom');
      },
      quit: () => void quits++,
      timeoutMs: 1_000,
    });
    onWillQuit(quitEvent());
    await tick(5);
    expect(quits).toBe(1);
  });
});

describe('confirmLeaveWhenUnsaved', () => {
  function setup(answer: number) {
    const contents = new EventEmitter();
    const asked: MessageBoxSyncOptions[] = [];
    confirmLeaveWhenUnsaved(contents as unknown as WebContents, (o) => (asked.push(o), answer));
    const event = quitEvent();
    contents.emit('will-prevent-unload', event);
    return { asked, event };
  }

  it('asks "Leave without saving?" and lets the page unload when the user leaves', () => {
    const { asked, event } = setup(0);
    expect(asked).toEqual([LEAVE_PROMPT]);
    expect(LEAVE_PROMPT.message).toBe('Leave without saving?');
    expect(event.prevented).toBe(true);
  });

  it('keeps the page (and the work) when the user stays or presses Escape', () => {
    const { event } = setup(1);
    expect(event.prevented).toBe(false);
    expect(LEAVE_PROMPT.cancelId).toBe(1);
    expect(LEAVE_PROMPT.defaultId).toBe(1);
  });
});

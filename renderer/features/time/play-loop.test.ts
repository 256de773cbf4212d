import { describe, expect, it } from 'vitest';
import { startPlayLoop } from './play-loop';
import { createTimeStore } from './time-store';

const DAY = 86_400_000;

/** Animation frames run by hand, at chosen instants. */
function manualFrames() {
  let next: ((now: number) => void) | null = null;
  return {
    requestAnimationFrame: (cb: (now: number) => void) => {
      next = cb;
      return 1;
    },
    cancelAnimationFrame: () => {
      next = null;
    },
    frame(now: number) {
      const cb = next;
      next = null;
      cb?.(now);
    },
    get waiting() {
      return next !== null;
    },
  };
}

describe('play loop', () => {
  it('moves the cursor by frame time × speed: at 3,600× a day goes by in 24 s', () => {
    const time = createTimeStore();
    const frames = manualFrames();
    const stop = startPlayLoop(time, frames);
    time.getState().setRange({ from: 0, to: 10 * DAY });
    time.getState().setCursor(0);
    time.getState().setSpeed(3_600);
    time.getState().play();
    frames.frame(1_000);
    expect(time.getState().cursor).toBe(0);
    for (let t = 1_016; t <= 25_000; t += 16) frames.frame(t);
    frames.frame(25_000);
    expect(time.getState().cursor).toBe(DAY);
    expect(time.getState()).toMatchObject({ playing: true, moving: true });
    stop();
  });

  it('stops at the end of the range and leaves the cursor at rest there', () => {
    const time = createTimeStore();
    const frames = manualFrames();
    startPlayLoop(time, frames);
    time.getState().setRange({ from: 0, to: DAY });
    time.getState().setCursor(DAY - 1_000_000);
    time.getState().setSpeed(86_400);
    time.getState().play();
    frames.frame(0);
    frames.frame(100);
    expect(time.getState()).toMatchObject({ cursor: DAY - 1, playing: false, moving: false });
    expect(frames.waiting).toBe(false);
  });

  it('does not leap after a long pause between frames (a hidden window)', () => {
    const time = createTimeStore();
    const frames = manualFrames();
    startPlayLoop(time, frames);
    time.getState().setRange({ from: 0, to: 100 * DAY });
    time.getState().setCursor(0);
    time.getState().setSpeed(60);
    time.getState().play();
    frames.frame(0);
    frames.frame(60_000);
    expect(time.getState().cursor).toBe(250 * 60);
  });

  it('stops asking for frames when paused', () => {
    const time = createTimeStore();
    const frames = manualFrames();
    startPlayLoop(time, frames);
    time.getState().setRange({ from: 0, to: DAY });
    time.getState().play();
    time.getState().pause();
    frames.frame(0);
    expect(frames.waiting).toBe(false);
  });
});

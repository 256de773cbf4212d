import type { TimeStore } from './time-store';

/** A frame that took longer than this (a hidden tab) moves the cursor as if it took this long, not by days. */
const MAX_FRAME_MS = 250;

/**
 * While the time store plays, move the cursor once per animation frame by the frame's duration times the
 * speed (3,600×: an hour of plant time per second), and stop at the end of the range. Returns a stop function.
 */
export function startPlayLoop(time: TimeStore, frames: Pick<Window, 'requestAnimationFrame' | 'cancelAnimationFrame'> = window): () => void {
  let raf = 0;
  let last: number | null = null;
  const tick = (now: number) => {
    raf = 0;
    const s = time.getState();
    if (!s.playing || !s.range || s.cursor === null) return;
    const dt = last === null ? 0 : Math.min(MAX_FRAME_MS, now - last);
    last = now;
    const end = s.range.to - 1;
    const next = s.cursor + dt * s.speed;
    if (next >= end) {
      s.setCursor(end, false);
      s.pause();
      return;
    }
    s.setCursor(next, true);
    raf = frames.requestAnimationFrame(tick);
  };
  const unsubscribe = time.subscribe((s, prev) => {
    if (s.playing && !prev.playing && !raf) {
      last = null;
      raf = frames.requestAnimationFrame(tick);
    }
  });
  return () => {
    unsubscribe();
    if (raf) frames.cancelAnimationFrame(raf);
  };
}

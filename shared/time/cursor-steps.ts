/**
 * How the time cursor moves by keyboard: one window of the range per arrow press, ten per Page Up/Down, the
 * range's ends with Home/End (the WAI-ARIA slider keys). A window is one of the CURSOR_WINDOWS windows the
 * schematic loads for the range, so every step lands in a window whose values are already loaded.
 */
import { windowLayout } from '../series/window-math';

/** Windows the schematic loads over the range; one arrow press steps one of them. */
export const CURSOR_WINDOWS = 1_000;
/** Windows one Page Up/Down press steps. */
export const PAGE_WINDOWS = 10;

export type CursorKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'PageUp' | 'PageDown' | 'Home' | 'End';
const KEYS: ReadonlySet<string> = new Set<CursorKey>(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End']);

/** Whether a key moves the cursor. */
export function isCursorKey(key: string): key is CursorKey {
  return KEYS.has(key);
}

/** One window of a range in ms: the arrow keys' step. */
export function cursorStepMs(range: { from: number; to: number }): number {
  return windowLayout(range, CURSOR_WINDOWS).width;
}

/** Where a key takes the cursor in a half-open range (clamped into [from, to − 1]). */
export function stepCursor(cursor: number, range: { from: number; to: number }, key: CursorKey): number {
  const step = cursorStepMs(range);
  const last = range.to - 1;
  const clamp = (t: number) => Math.min(Math.max(t, range.from), last);
  switch (key) {
    case 'ArrowRight':
    case 'ArrowUp':
      return clamp(cursor + step);
    case 'ArrowLeft':
    case 'ArrowDown':
      return clamp(cursor - step);
    case 'PageUp':
      return clamp(cursor + PAGE_WINDOWS * step);
    case 'PageDown':
      return clamp(cursor - PAGE_WINDOWS * step);
    case 'Home':
      return range.from;
    case 'End':
      return last;
  }
}

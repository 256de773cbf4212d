import { describe, expect, it } from 'vitest';
import { CURSOR_WINDOWS, cursorStepMs, isCursorKey, PAGE_WINDOWS, stepCursor } from './cursor-steps';

const DAY = 86_400_000;
const from = Date.parse('2025-12-02T06:00:00Z');
const d30 = { from, to: from + 30 * DAY };

describe('time cursor steps', () => {
  it('steps one window of the range per arrow press: 43.2 minutes over 30 days, 3.6 s over an hour', () => {
    expect(CURSOR_WINDOWS).toBe(1_000);
    expect(cursorStepMs(d30)).toBe(43.2 * 60_000);
    expect(cursorStepMs({ from, to: from + 3_600_000 })).toBe(3_600);
    const c = from + 10 * DAY;
    expect(stepCursor(c, d30, 'ArrowRight') - c).toBe(43.2 * 60_000);
    expect(stepCursor(c, d30, 'ArrowUp') - c).toBe(43.2 * 60_000);
    expect(c - stepCursor(c, d30, 'ArrowLeft')).toBe(43.2 * 60_000);
    expect(c - stepCursor(c, d30, 'ArrowDown')).toBe(43.2 * 60_000);
  });

  it('steps ten windows per Page Up/Down (up is later, as for any slider)', () => {
    const c = from + 10 * DAY;
    expect(PAGE_WINDOWS).toBe(10);
    expect(stepCursor(c, d30, 'PageUp') - c).toBe(432 * 60_000);
    expect(c - stepCursor(c, d30, 'PageDown')).toBe(432 * 60_000);
  });

  it('goes to the ends with Home and End and never leaves the half-open range', () => {
    expect(stepCursor(from + DAY, d30, 'Home')).toBe(d30.from);
    expect(stepCursor(from + DAY, d30, 'End')).toBe(d30.to - 1);
    expect(stepCursor(d30.to - 10, d30, 'PageUp')).toBe(d30.to - 1);
    expect(stepCursor(d30.from + 10, d30, 'ArrowLeft')).toBe(d30.from);
  });

  it('rounds a window up to whole milliseconds so the steps cover the range', () => {
    const odd = { from: 0, to: 1_001 };
    expect(cursorStepMs(odd)).toBe(2);
    expect(stepCursor(0, odd, 'ArrowRight')).toBe(2);
  });

  it('knows which keys are its own', () => {
    expect(isCursorKey('PageUp')).toBe(true);
    expect(isCursorKey('Enter')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { createTimeStore } from './time-store';

const DAY = 86_400_000;

describe('time store', () => {
  it('puts the cursor at the end of the first range and keeps it inside later ones', () => {
    const s = createTimeStore();
    expect(s.getState().cursor).toBeNull();
    s.getState().setRange({ from: 0, to: 10 * DAY }, '7d');
    expect(s.getState().cursor).toBe(10 * DAY - 1);
    expect(s.getState().preset).toBe('7d');
    s.getState().setCursor(3 * DAY);
    s.getState().setRange({ from: 5 * DAY, to: 6 * DAY });
    expect(s.getState().cursor).toBe(5 * DAY);
    expect(s.getState().preset).toBe('custom');
  });

  it('clamps the cursor and marks it moving until it rests', () => {
    const s = createTimeStore();
    s.getState().setRange({ from: 1000, to: 2000 });
    s.getState().setCursor(5000, true);
    expect(s.getState()).toMatchObject({ cursor: 1999, moving: true });
    s.getState().rest();
    expect(s.getState().moving).toBe(false);
    s.getState().setCursor(Number.NaN);
    expect(s.getState().cursor).toBe(1999);
  });

  it('zooms in and back through a stack, and a new range forgets the stack', () => {
    const s = createTimeStore();
    s.getState().setRange({ from: 0, to: 100 * DAY });
    s.getState().zoomTo({ from: 10 * DAY, to: 20 * DAY });
    s.getState().zoomTo({ from: 12 * DAY, to: 13 * DAY });
    expect(s.getState().previous).toHaveLength(2);
    expect(s.getState().cursor).toBe(13 * DAY - 1);
    s.getState().zoomBack();
    expect(s.getState().range).toEqual({ from: 10 * DAY, to: 20 * DAY });
    s.getState().setRange({ from: 0, to: DAY });
    expect(s.getState().previous).toHaveLength(0);
    s.getState().zoomBack();
    expect(s.getState().range).toEqual({ from: 0, to: DAY });
  });

  it('refuses an empty or reversed range', () => {
    const s = createTimeStore();
    expect(() => s.getState().setRange({ from: 5, to: 5 })).toThrow(/from < to/);
    expect(() => s.getState().zoomTo({ from: 6, to: 5 })).toThrow(/from < to/);
  });

  it('plays only with a range', () => {
    const s = createTimeStore();
    s.getState().play();
    expect(s.getState().playing).toBe(false);
    s.getState().setRange({ from: 0, to: DAY });
    s.getState().play();
    expect(s.getState()).toMatchObject({ playing: true, moving: true });
    s.getState().pause();
    expect(s.getState()).toMatchObject({ playing: false, moving: false });
  });
});

describe('time store anchor', () => {
  it('remembers where presets end, and why', () => {
    const s = createTimeStore();
    expect(s.getState().anchor).toBeNull();
    s.getState().setAnchor({ at: 1_000, kind: 'newest-data', newest: 940 });
    expect(s.getState().anchor).toEqual({ at: 1_000, kind: 'newest-data', newest: 940 });
  });
});

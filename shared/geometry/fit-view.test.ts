import { describe, expect, it } from 'vitest';
import { overlaps } from './box';
import { fitBounds, onScreen } from './fit-view';

const o = { padding: 0.1, minZoom: 0.05, maxZoom: 1.5 };
const pane = { width: 1000, height: 600 };

describe('fitBounds', () => {
  it('shows the whole drawing, centred, as large as the padding allows', () => {
    const bounds = { x: 100, y: 50, width: 2_000, height: 600 };
    const v = fitBounds(bounds, pane, o);
    expect(v.zoom).toBeCloseTo(1000 / 2200);
    const s = onScreen(bounds, v);
    expect(s.x + s.width / 2).toBeCloseTo(500);
    expect(s.y + s.height / 2).toBeCloseTo(300);
    expect(s.x).toBeGreaterThanOrEqual(0);
    expect(s.x + s.width).toBeLessThanOrEqual(1000);
  });

  it('keeps the drawing out from under a corner panel, using the larger of the room left of it and above it', () => {
    const clear = { width: 230, height: 170 };
    const corner = { x: pane.width - clear.width, y: pane.height - clear.height, ...clear };
    for (const bounds of [
      { x: 0, y: 0, width: 2_000, height: 1_200 }, // wide: fits above the panel
      { x: 0, y: 0, width: 800, height: 1_000 }, // tall: fits left of it
    ]) {
      expect(overlaps(onScreen(bounds, fitBounds(bounds, pane, { ...o, keepClear: clear })), corner)).toBe(false);
    }
    const wide = { x: 0, y: 0, width: 2_000, height: 1_100 };
    expect(overlaps(onScreen(wide, fitBounds(wide, pane, o)), corner)).toBe(true);
    const v = fitBounds(wide, pane, { ...o, keepClear: clear });
    expect(overlaps(onScreen(wide, v), corner)).toBe(false);
  });

  it('changes nothing when the drawing is clear of the panel anyway', () => {
    const small = { x: 0, y: 0, width: 100, height: 100 };
    expect(fitBounds(small, pane, { ...o, keepClear: { width: 230, height: 170 } })).toEqual(fitBounds(small, pane, o));
  });
});

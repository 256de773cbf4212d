import { describe, expect, it } from 'vitest';
import { distanceToElement, elementBounds, pathOutline } from './symbol-geometry';

describe('symbol geometry', () => {
  it('bounds a dished head by its bulge, not by its end points', () => {
    // Tank bottom: from (62,92) to (10,92) on an ellipse of radii 26 × 10, bulging down to y = 102.
    const b = elementBounds({ type: 'path', d: 'M62 92 A26 10 0 0 1 10 92' });
    expect(b?.maxY).toBeCloseTo(102, 1);
    expect(b?.minY).toBeCloseTo(92, 5);
    expect(b?.minX).toBeCloseTo(10, 5);
  });

  it('follows relative commands and smooth quadratic continuation', () => {
    const [line] = pathOutline('M16 82 q4 -3 8 0 t8 0');
    expect(line?.at(-1)).toEqual([32, 82]);
    // The reflected control point puts the second hump below the line.
    expect(Math.max(...(line ?? []).map((p) => p[1]))).toBeCloseTo(83.5, 1);
    expect(Math.min(...(line ?? []).map((p) => p[1]))).toBeCloseTo(80.5, 1);
  });

  it('closes sub-paths with Z and splits them at M', () => {
    const lines = pathOutline('M0 0 L10 0 L10 10 Z M20 20 H30 V25');
    expect(lines).toHaveLength(2);
    expect(lines[0]?.at(-1)).toEqual([0, 0]);
    expect(lines[1]).toEqual([
      [20, 20],
      [30, 20],
      [30, 25],
    ]);
  });

  it('measures distance to the nearest segment', () => {
    const rect = { type: 'rect', x: 0, y: 0, width: 10, height: 10 } as const;
    expect(distanceToElement(rect, 5, -2)).toBeCloseTo(2);
    expect(distanceToElement(rect, 5, 5)).toBeCloseTo(5);
    expect(distanceToElement({ type: 'circle', cx: 0, cy: 0, r: 5 }, 8, 0)).toBeCloseTo(3, 2);
  });

  it('refuses a path command it cannot follow', () => {
    expect(() => pathOutline('M0 0 X 5 5')).toThrow(/unsupported command "X"/);
  });
});

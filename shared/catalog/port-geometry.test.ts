import { describe, expect, it } from 'vitest';
import { isTwinError } from '../api/errors';
import { catalog, componentByKind } from './catalog';
import { applyMatrix, multiply, placedPort, placedSide, placedSize, placementMatrix, type Rotation } from './port-geometry';
import type { ComponentDef } from './types';

// A 60 × 40 test symbol with a port a quarter of the way down its right side, at (60, 10).
const probe: ComponentDef = {
  kind: 'probe',
  name: 'Probe',
  category: 'Piping',
  description: 'test',
  tagPrefix: 'X',
  tagNumbering: 'loop',
  ports: [
    { id: 'r', kind: 'process', side: 'right', offset: 0.25, flow: 'out', label: 'Right' },
    { id: 't', kind: 'signal', side: 'top', offset: 0.75, flow: 'in', label: 'Top' },
  ],
  properties: [],
  symbol: { width: 60, height: 40, elements: [] },
  keywords: [],
};

const ROTATIONS: Rotation[] = [0, 90, 180, 270];

describe('port geometry', () => {
  it('swaps width and height on a quarter turn', () => {
    expect(placedSize(probe, 0)).toEqual({ width: 60, height: 40 });
    expect(placedSize(probe, 90)).toEqual({ width: 40, height: 60 });
    expect(placedSize(probe, 180)).toEqual({ width: 60, height: 40 });
    expect(placedSize(probe, 270)).toEqual({ width: 40, height: 60 });
  });

  // Worked by hand: turning clockwise, the right side faces down, then left, then up.
  it.each([
    [0, false, { x: 60, y: 10, side: 'right' }],
    [90, false, { x: 30, y: 60, side: 'bottom' }],
    [180, false, { x: 0, y: 30, side: 'left' }],
    [270, false, { x: 10, y: 0, side: 'top' }],
    [0, true, { x: 0, y: 10, side: 'left' }],
    [90, true, { x: 30, y: 0, side: 'top' }],
    [180, true, { x: 60, y: 30, side: 'right' }],
    [270, true, { x: 10, y: 60, side: 'bottom' }],
  ] as const)('places the right-side port at rotation %i, flip %s', (rotation, flip, want) => {
    expect(placedPort(probe, 'r', rotation, flip)).toEqual(want);
  });

  it.each([
    [0, false, { x: 45, y: 0, side: 'top' }],
    [90, false, { x: 40, y: 45, side: 'right' }],
    [180, false, { x: 15, y: 40, side: 'bottom' }],
    [270, false, { x: 0, y: 15, side: 'left' }],
    [0, true, { x: 15, y: 0, side: 'top' }],
    [90, true, { x: 40, y: 15, side: 'right' }],
  ] as const)('places the top port at rotation %i, flip %s', (rotation, flip, want) => {
    expect(placedPort(probe, 't', rotation, flip)).toEqual(want);
  });

  it('puts a control valve actuator on the right after a quarter turn', () => {
    const cv = componentByKind('control-valve') as ComponentDef;
    expect(placedPort(cv, 'sig', 90, false)).toEqual({ x: 48, y: 24, side: 'right' });
    // Flipping mirrors left-right only: the actuator stays on top, inlet and outlet trade sides.
    expect(placedPort(cv, 'sig', 0, true)).toMatchObject({ x: 24, y: 0, side: 'top' });
    expect(placedPort(cv, 'in', 0, true)).toMatchObject({ x: 48, side: 'right' });
  });

  it('keeps every port of every component on the placed box edge it reports', () => {
    for (const def of catalog) {
      for (const rotation of ROTATIONS) {
        for (const flip of [false, true]) {
          const { width, height } = placedSize(def, rotation);
          for (const port of def.ports) {
            const p = placedPort(def, port.id, rotation, flip);
            const where = `${def.kind}.${port.id} r${rotation}${flip ? ' flipped' : ''}`;
            const onEdge = { left: p.x === 0, right: p.x === width, top: p.y === 0, bottom: p.y === height }[p.side];
            expect(onEdge, `${where} at (${p.x}, ${p.y}) not on ${p.side} of ${width}×${height}`).toBe(true);
            expect(p.x, where).toBeGreaterThanOrEqual(0);
            expect(p.y, where).toBeGreaterThanOrEqual(0);
            expect(p.x, where).toBeLessThanOrEqual(width);
            expect(p.y, where).toBeLessThanOrEqual(height);
          }
        }
      }
    }
  });

  it('maps the symbol box onto the placed box for every rotation and flip', () => {
    for (const rotation of ROTATIONS) {
      for (const flip of [false, true]) {
        const m = placementMatrix(probe.symbol, rotation, flip);
        const { width, height } = placedSize(probe, rotation);
        const corners = [
          [0, 0],
          [60, 0],
          [60, 40],
          [0, 40],
        ].map(([x, y]) => applyMatrix(m, x as number, y as number));
        const xs = corners.map((c) => c.x).sort((a, b) => a - b);
        const ys = corners.map((c) => c.y).sort((a, b) => a - b);
        expect([xs[0], xs[3], ys[0], ys[3]].map((v) => v! + 0)).toEqual([0, width, 0, height]);
      }
    }
  });

  it('returns to the start after four quarter turns, and after two flips', () => {
    const quarter = placementMatrix({ width: 40, height: 40 }, 90, false);
    const four = multiply(quarter, multiply(quarter, multiply(quarter, quarter)));
    expect(four.map((v) => v + 0)).toEqual([1, 0, 0, 1, 0, 0]);
    const flip = placementMatrix({ width: 40, height: 40 }, 0, true);
    expect(multiply(flip, flip).map((v) => v + 0)).toEqual([1, 0, 0, 1, 0, 0]);
    expect(placedSide('left', 270, true)).toBe('top');
    expect(placedSide('bottom', 180, false)).toBe('top');
  });

  it('names the component and its ports when asked for a port it does not have', () => {
    try {
      placedPort(probe, 'nope', 0, false);
      expect.unreachable();
    } catch (e) {
      expect(isTwinError(e)).toBe(true);
      expect((e as Error).message).toMatch(/"probe" has no port "nope".*r, t/);
    }
  });
});

import { BoxGrid, type Box } from './box';

export interface FreeSpotOptions {
  /** Candidate positions lie on this grid (the canvas snap grid or a multiple of it). */
  step?: number;
  /** Clear space kept around the new box, so tags and lines have room. */
  gap?: number;
  /** How far to search, in steps, before giving up and returning the preferred position. */
  maxRings?: number;
}

/**
 * Where to put a box of `size` so that it overlaps none of `occupied`: the free position nearest to
 * `preferred` (its top-left corner), searched in square rings of growing distance on a grid of `step`,
 * each ring tried nearest first. The preferred position itself is returned when it is free already.
 */
export function findFreeSpot(
  size: { width: number; height: number },
  preferred: { x: number; y: number },
  occupied: readonly Box[],
  options: FreeSpotOptions = {},
): { x: number; y: number } {
  const step = options.step ?? 20;
  const gap = options.gap ?? 0;
  const maxRings = options.maxRings ?? 200;
  const grid = new BoxGrid(Math.max(step * 4, size.width, size.height), gap);
  for (const b of occupied) grid.add(b);
  const free = (x: number, y: number) => !grid.hits({ x, y, width: size.width, height: size.height });
  if (free(preferred.x, preferred.y)) return { ...preferred };
  for (let r = 1; r <= maxRings; r++) {
    const ring: [number, number, number][] = [];
    for (let i = -r; i <= r; i++) {
      ring.push([i, -r, 0], [i, r, 0]);
      if (i !== -r && i !== r) ring.push([-r, i, 0], [r, i, 0]);
    }
    for (const c of ring) c[2] = c[0] * c[0] + c[1] * c[1];
    // Nearest first; for equal distances prefer right of and below the preferred spot, as reading goes.
    ring.sort((a, b) => a[2] - b[2] || b[0] - a[0] || b[1] - a[1]);
    for (const [i, j] of ring) {
      const x = preferred.x + i * step;
      const y = preferred.y + j * step;
      if (free(x, y)) return { x, y };
    }
  }
  return { ...preferred };
}

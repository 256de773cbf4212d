import { describe, expect, it } from 'vitest';
import { overlaps, type Box } from './box';
import { findFreeSpot } from './free-spot';

const size = { width: 60, height: 40 };

describe('findFreeSpot', () => {
  it('returns the preferred spot when it is free', () => {
    expect(findFreeSpot(size, { x: 100, y: 100 }, [{ x: 0, y: 0, width: 50, height: 50 }])).toEqual({ x: 100, y: 100 });
  });

  it('moves off an asset to the nearest free spot on the grid', () => {
    const occupied: Box[] = [{ x: 100, y: 100, width: 60, height: 40 }];
    const spot = findFreeSpot(size, { x: 120, y: 120 }, occupied, { step: 20 });
    expect(overlaps({ ...spot, ...size }, occupied[0]!)).toBe(false);
    // One ring out is enough here: the spot is within a step or two of where it was asked for.
    expect(Math.abs(spot.x - 120) + Math.abs(spot.y - 120)).toBeLessThanOrEqual(60);
    expect((spot.x - 120) % 20).toBe(0);
    expect((spot.y - 120) % 20).toBe(0);
  });

  it('keeps the gap around the new box', () => {
    const occupied: Box[] = [{ x: 0, y: 0, width: 60, height: 40 }];
    const spot = findFreeSpot(size, { x: 0, y: 0 }, occupied, { step: 10, gap: 20 });
    expect(overlaps({ ...spot, ...size }, occupied[0]!, 20)).toBe(false);
  });

  it('finds room in a crowded field and never overlaps any box', () => {
    // A 20 × 20 block of assets with no room inside: the spot is found outside it.
    const occupied: Box[] = [];
    for (let i = 0; i < 20; i++) for (let j = 0; j < 20; j++) occupied.push({ x: i * 70, y: j * 50, width: 65, height: 45 });
    const spot = findFreeSpot(size, { x: 700, y: 500 }, occupied, { step: 10, gap: 10 });
    expect(occupied.some((b) => overlaps({ ...spot, ...size }, b, 10))).toBe(false);
  });

  it('gives up after maxRings and returns the preferred spot', () => {
    const wall: Box[] = [{ x: -1_000, y: -1_000, width: 2_000, height: 2_000 }];
    expect(findFreeSpot(size, { x: 0, y: 0 }, wall, { step: 10, maxRings: 5 })).toEqual({ x: 0, y: 0 });
  });
});

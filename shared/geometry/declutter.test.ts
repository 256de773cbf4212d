import { describe, expect, it } from 'vitest';
import { overlaps } from './box';
import { declutter, placeLabels, type DeclutterItem } from './declutter';
import type { Box } from './box';

const item = (id: string, x: number, y: number, priority: number, width = 40, height = 14): DeclutterItem & { id: string } => ({
  id,
  box: { x, y, width, height },
  priority,
});

describe('declutter', () => {
  it('keeps the higher priority of two overlapping items (equipment before instruments)', () => {
    const instrument = item('TT-101', 0, 0, 1);
    const chiller = item('CH-1', 20, 5, 2);
    expect(declutter([instrument, chiller]).map((i) => i.id)).toEqual(['CH-1']);
  });

  it('keeps every item that overlaps nothing, and items that only touch', () => {
    const a = item('a', 0, 0, 1);
    const b = item('b', 40, 0, 1); // touches a's right edge
    const c = item('c', 200, 200, 1);
    expect(declutter([a, b, c]).map((i) => i.id)).toEqual(['a', 'b', 'c']);
  });

  it('breaks ties by input order, and a rejected item does not block others', () => {
    const first = item('first', 0, 0, 1);
    const second = item('second', 30, 0, 1); // overlaps first: rejected
    const third = item('third', 60, 0, 1); // overlaps second only: kept, since second was not
    expect(declutter([first, second, third]).map((i) => i.id)).toEqual(['first', 'third']);
  });

  it('keeps a gap between kept items, and never overlaps an obstacle', () => {
    const a = item('a', 0, 0, 2);
    const b = item('b', 44, 0, 1);
    expect(declutter([a, b], { gap: 6 }).map((i) => i.id)).toEqual(['a']);
    expect(declutter([a, b], { gap: 2 }).map((i) => i.id)).toEqual(['a', 'b']);
    expect(declutter([a, b], { obstacles: [{ x: 10, y: 10, width: 5, height: 5 }] }).map((i) => i.id)).toEqual(['b']);
  });

  it('leaves no two kept items overlapping, however crowded, and keeps the highest priorities', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const items = Array.from({ length: 3_000 }, (_, i) => item(`i${i}`, rand() * 1_000, rand() * 700, Math.floor(rand() * 3), 30 + rand() * 40, 14));
    const kept = declutter(items, { gap: 2 });
    expect(kept.length).toBeGreaterThan(100);
    for (let i = 0; i < kept.length; i++) for (let j = i + 1; j < kept.length; j++) expect(overlaps(kept[i]!.box, kept[j]!.box, 2)).toBe(false);
    // Every item left out overlaps something kept with at least its priority.
    const keptIds = new Set(kept.map((k) => k.id));
    for (const it of items) {
      if (keptIds.has(it.id)) continue;
      expect(kept.some((k) => k.priority >= it.priority && overlaps(k.box, it.box, 2))).toBe(true);
    }
  });
});

const box = (x: number, y: number, width = 50, height = 14): Box => ({ x, y, width, height });
/** Plain boxes of equal priority: which are kept, in input order. */
const keeps = (boxes: Box[], gap = 2) => {
  const items = boxes.map((b, i) => ({ box: b, priority: 0, i }));
  const kept = new Set(declutter(items, { gap }).map((k) => k.i));
  return items.map((it) => kept.has(it.i));
};

describe('declutter of plain boxes (input order is importance)', () => {
  it('keeps labels that do not touch, and the first of two that overlap', () => {
    expect(keeps([box(0, 0), box(100, 0), box(10, 5), box(0, 40)])).toEqual([true, true, false, true]);
  });

  it('keeps a margin between labels', () => {
    expect(keeps([box(0, 0), box(51, 0)], 2)).toEqual([true, false]);
    expect(keeps([box(0, 0), box(53, 0)], 2)).toEqual([true, true]);
  });

  it('gives way to the more important label, whatever its size', () => {
    expect(keeps([box(0, 0, 400, 100), box(10, 10, 10, 10), box(500, 500)])).toEqual([true, false, true]);
  });

  it('leaves out empty and non-finite boxes, and handles negative coordinates', () => {
    expect(keeps([box(-200, -200), box(-180, -195), box(0, 0, 0, 10), box(Number.NaN, 0)])).toEqual([true, false, false, false]);
  });

  it('keeps no two overlapping among a thousand labels on a dense screen', () => {
    const many = Array.from({ length: 1000 }, (_, i) => box((i * 37) % 1600, Math.floor(i / 40) * 9));
    const flags = keeps(many);
    const kept = many.filter((_, i) => flags[i]);
    expect(kept.length).toBeGreaterThan(50);
    let overlapping = 0;
    for (let i = 0; i < kept.length; i++) for (let j = i + 1; j < kept.length; j++) if (overlaps(kept[i]!, kept[j]!)) overlapping++;
    expect(overlapping).toBe(0);
  });
});

describe('label placement among candidate positions', () => {
  it('tries each label’s positions in order and takes the first free one', () => {
    const right = box(100, 0);
    const below = box(40, 20);
    // The second label's preferred spot is taken by the first; it goes to its second choice.
    expect(placeLabels([[right], [box(110, 5), below]], { gap: 2 })).toEqual([0, 1]);
    expect(placeLabels([[right], [box(110, 5), box(120, 8)]], { gap: 2 })).toEqual([0, -1]);
  });

  it('keeps labels off the obstacles (symbols, another layer’s labels), which they may touch', () => {
    const symbol = box(0, 0, 40, 40);
    expect(placeLabels([[box(20, 10), box(50, 10)]], { obstacles: [symbol] })).toEqual([1]);
    expect(placeLabels([[box(20, 10)]], { obstacles: [symbol] })).toEqual([-1]);
    expect(placeLabels([[box(40, 0)]], { obstacles: [symbol], gap: 2 })).toEqual([0]);
  });
});

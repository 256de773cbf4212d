import { describe, expect, it } from 'vitest';
import { overlaps } from './box';
import { declutter, type DeclutterItem } from './declutter';

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

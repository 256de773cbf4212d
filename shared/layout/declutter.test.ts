import { describe, expect, it } from 'vitest';
import { declutter, placeLabels, type LabelBox } from './declutter';

const box = (x: number, y: number, width = 50, height = 14): LabelBox => ({ x, y, width, height });

describe('declutter', () => {
  it('keeps labels that do not touch, and the first of two that overlap', () => {
    expect(declutter([box(0, 0), box(100, 0), box(10, 5), box(0, 40)])).toEqual([true, true, false, true]);
  });

  it('keeps a margin between labels', () => {
    expect(declutter([box(0, 0), box(51, 0)], 2)).toEqual([true, false]);
    expect(declutter([box(0, 0), box(53, 0)], 2)).toEqual([true, true]);
  });

  it('gives way to the more important label, whatever its size', () => {
    expect(declutter([box(0, 0, 400, 100), box(10, 10, 10, 10), box(500, 500)])).toEqual([true, false, true]);
  });

  it('leaves out empty boxes and handles negative coordinates', () => {
    expect(declutter([box(-200, -200), box(-180, -195), box(0, 0, 0, 10)])).toEqual([true, false, false]);
  });

  it('stays fast for a thousand labels on a dense screen', () => {
    const many = Array.from({ length: 1000 }, (_, i) => box((i * 37) % 1600, Math.floor(i / 40) * 9));
    const t0 = performance.now();
    const kept = declutter(many);
    expect(performance.now() - t0).toBeLessThan(50);
    // No two kept boxes overlap.
    const k = many.filter((_, i) => kept[i]);
    for (let i = 0; i < k.length; i++)
      for (let j = i + 1; j < k.length; j++) {
        const a = k[i] as LabelBox;
        const b = k[j] as LabelBox;
        expect(a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height).toBe(false);
      }
  });
});

describe('label placement', () => {
  it('tries each label’s positions in order and takes the first free one', () => {
    const right = box(100, 0);
    const below = box(40, 20);
    // The second label's preferred spot is taken by the first; it goes to its second choice.
    expect(placeLabels([[right], [box(110, 5), below]])).toEqual([0, 1]);
    expect(placeLabels([[right], [box(110, 5), box(120, 8)]])).toEqual([0, -1]);
  });

  it('keeps labels off the symbols', () => {
    const symbol = box(0, 0, 40, 40);
    expect(placeLabels([[box(20, 10), box(50, 10)]], [symbol])).toEqual([1]);
    expect(placeLabels([[box(20, 10)]], [symbol])).toEqual([-1]);
  });
});

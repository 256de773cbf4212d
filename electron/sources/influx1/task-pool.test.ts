import { describe, expect, it } from 'vitest';
import { mapPool } from './task-pool';

const tick = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('mapPool', () => {
  it('keeps input order and never runs more than the limit', async () => {
    let running = 0;
    let most = 0;
    const out = await mapPool([30, 10, 20, 5, 15, 1], 2, async (ms, i) => {
      running++;
      most = Math.max(most, running);
      await tick(ms);
      running--;
      return i * 10;
    });
    expect(out).toEqual([0, 10, 20, 30, 40, 50]);
    expect(most).toBe(2);
  });

  it('stops starting tasks after a failure and throws it', async () => {
    const started: number[] = [];
    const call = mapPool([1, 2, 3, 4, 5], 1, async (n) => {
      started.push(n);
      if (n === 2) throw new Error('boom');
      return n;
    });
    await expect(call).rejects.toThrow('boom');
    expect(started).toEqual([1, 2]);
  });

  it('handles no items', async () => {
    expect(await mapPool([], 4, async () => 1)).toEqual([]);
  });
});

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { chunkToBatches } from '../../shared/sim/chunk-batches';
import { simulatePlant } from '../../shared/sim/simulator';
import { MemorySeedTarget } from './memory-seed-target';
import { seedDemoData } from './seed';

/**
 * SHA-256 over every point `twin seed` writes for the demo year (key, then the time and value columns'
 * bytes, series by series, chunk by chunk), taken with the simulator as it was before fault plans and
 * scenarios existed (commit c97e901). Without --scenario the year must stay exactly that.
 */
const DEMO_YEAR_SHA256 = '17f205ff615f18e4cbae7aca29f4777bd84a371621341011df9542d750ee565a';
const DEMO_YEAR_POINTS = 27_832_772;

describe('the demo year without --scenario', () => {
  it('is byte for byte the data the simulator wrote before scenarios existed', { timeout: 180_000 }, () => {
    const hash = createHash('sha256');
    let points = 0;
    for (const chunk of simulatePlant({})) {
      for (const b of chunkToBatches(chunk)) {
        hash.update(b.key);
        hash.update(new Uint8Array(b.t.buffer, b.t.byteOffset, b.t.byteLength));
        hash.update(new Uint8Array(b.v.buffer, b.v.byteOffset, b.v.byteLength));
        points += b.t.length;
      }
    }
    expect(points).toBe(DEMO_YEAR_POINTS);
    expect(hash.digest('hex')).toBe(DEMO_YEAR_SHA256);
  });

  it('and seeding says when the fouling started', async () => {
    const plain = new MemorySeedTarget();
    const { foulingStart } = await seedDemoData(plain, { days: 2 });
    expect(foulingStart).not.toBeNull();
    expect(plain.count('B7_CH1_KW#value')).toBe(2 * 1440);
  });
});

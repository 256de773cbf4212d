import { describe, expect, it } from 'vitest';
import { ChannelAborts } from './channel-aborts';

describe('ChannelAborts', () => {
  it('aborts the older request when a newer one starts on the same channel', () => {
    const c = new ChannelAborts();
    const first = c.begin('chart-1');
    const other = c.begin('chart-2');
    const second = c.begin('chart-1');
    expect(first.signal?.aborted).toBe(true);
    expect(second.signal?.aborted).toBe(false);
    expect(other.signal?.aborted).toBe(false);
  });

  it('cancels by channel, and a finished request is not cancelled later', () => {
    const c = new ChannelAborts();
    const r = c.begin('x');
    r.done();
    expect(c.cancel('x')).toBe(false);
    expect(r.signal?.aborted).toBe(false);
    const r2 = c.begin('x');
    expect(c.cancel('x')).toBe(true);
    expect(r2.signal?.aborted).toBe(true);
  });

  it('gives no signal without a channel', () => {
    expect(new ChannelAborts().begin(undefined).signal).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { formatAge, formatBytes } from './cache-format';

describe('cache figures for people', () => {
  it('says how old an answer is', () => {
    expect(formatAge(5_000)).toBe('just now');
    expect(formatAge(4 * 60_000 + 59_000)).toBe('4 min ago');
    expect(formatAge(3 * 3_600_000 + 1)).toBe('3 h ago');
    expect(formatAge(86_400_000)).toBe('1 day ago');
    expect(formatAge(9 * 86_400_000)).toBe('9 days ago');
    expect(formatAge(-5)).toBe('just now');
  });

  it('says how big the cache is', () => {
    expect(formatBytes(512 * 1024)).toBe('512 KiB');
    expect(formatBytes(12.34 * 2 ** 20)).toBe('12.3 MiB');
    expect(formatBytes(2 * 2 ** 30)).toBe('2.0 GiB');
  });
});

import { describe, expect, it } from 'vitest';
import { zonedIso } from './zoned-iso';

describe('ISO 8601 in a zone', () => {
  it('writes the wall time and the offset in force, across both DST changes', () => {
    expect(zonedIso(Date.UTC(2025, 0, 15, 18, 30), 'America/Chicago')).toBe('2025-01-15T12:30:00-06:00');
    expect(zonedIso(Date.UTC(2025, 6, 1, 18, 5, 7, 250), 'America/Chicago')).toBe('2025-07-01T13:05:07.250-05:00');
    // 2025-03-09 02:00 CST → 03:00 CDT; 2025-11-02 02:00 CDT → 01:00 CST.
    expect(zonedIso(Date.UTC(2025, 2, 9, 7, 59), 'America/Chicago')).toBe('2025-03-09T01:59:00-06:00');
    expect(zonedIso(Date.UTC(2025, 2, 9, 8, 0), 'America/Chicago')).toBe('2025-03-09T03:00:00-05:00');
    expect(zonedIso(Date.UTC(2025, 10, 2, 6, 30), 'America/Chicago')).toBe('2025-11-02T01:30:00-05:00');
    expect(zonedIso(Date.UTC(2025, 10, 2, 7, 30), 'America/Chicago')).toBe('2025-11-02T01:30:00-06:00');
    expect(zonedIso(Date.UTC(2025, 0, 1), 'Asia/Kolkata')).toBe('2025-01-01T05:30:00+05:30');
    expect(zonedIso(0, 'UTC')).toBe('1970-01-01T00:00:00+00:00');
  });
});

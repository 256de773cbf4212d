import { describe, expect, it } from 'vitest';
import { parseFluxNumber, parseFluxTime } from './flux-rows';

describe('Flux cell values', () => {
  it('reads RFC 3339 times down to nanoseconds, rounding down to the millisecond, before 1970 too', () => {
    expect(parseFluxTime('2024-01-01T00:00:00Z')).toBe(Date.UTC(2024, 0, 1));
    expect(parseFluxTime('2024-01-01T00:00:00.5Z')).toBe(Date.UTC(2024, 0, 1) + 500);
    expect(parseFluxTime('2024-01-01T00:00:00.123999999Z')).toBe(Date.UTC(2024, 0, 1) + 123);
    expect(parseFluxTime('2024-01-01T02:00:00.001+02:00')).toBe(Date.UTC(2024, 0, 1) + 1);
    expect(parseFluxTime('1969-12-31T23:59:59.999999Z')).toBe(-1);
    for (const bad of ['', 'yesterday', '2024-01-01', '2024-01-01T00:00:00', '1704067200000']) expect(parseFluxTime(bad)).toBeNaN();
  });

  it('reads numbers of numeric types only, including the special floats Flux writes', () => {
    expect(parseFluxNumber('1.5e3', 'double')).toBe(1500);
    expect(parseFluxNumber('-42', 'long')).toBe(-42);
    expect(parseFluxNumber('18446744073709551615', 'unsignedLong')).toBe(Number('18446744073709551615'));
    expect(parseFluxNumber('+Inf', 'double')).toBe(Number.POSITIVE_INFINITY);
    expect(parseFluxNumber('-Inf', 'double')).toBe(Number.NEGATIVE_INFINITY);
    expect(parseFluxNumber('NaN', 'double')).toBeNaN();
    expect(parseFluxNumber('', 'double')).toBeNull();
    expect(parseFluxNumber('true', 'boolean')).toBeNull();
    expect(parseFluxNumber('12', 'string')).toBeNull();
    expect(() => parseFluxNumber('12abc', 'double')).toThrow(/not a double/);
  });
});

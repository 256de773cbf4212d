import { describe, expect, it } from 'vitest';
import { numberOrUndefined, parseNumber } from './parse-number';

describe('parseNumber', () => {
  it.each([
    ['0', 0],
    ['7', 7],
    [' 7 ', 7],
    ['\t-3\t', -3],
    ['-1.5e3', -1500],
    ['+2.25', 2.25],
    ['1E-3', 0.001],
    ['.5', 0.5],
    ['5.', 5],
    ['007', 7],
    ['1.7976931348623157e308', Number.MAX_VALUE],
  ])('reads %j as %d', (text, value) => {
    expect(parseNumber(text)).toEqual({ ok: true, value });
  });

  it('keeps the sign of -0', () => {
    const r = parseNumber('-0');
    expect(r.ok && Object.is(r.value, -0)).toBe(true);
  });

  it.each([
    '',
    '   ',
    '12abc',
    '0x10',
    '0b101',
    '0o17',
    '1,5',
    '1,000',
    '1_000',
    'Infinity',
    '-Infinity',
    'NaN',
    'inf',
    '+',
    '-',
    '.',
    'e5',
    '1e',
    '1e+',
    '--1',
    '1.2.3',
    '1 2',
    '١٢',
    '\n7',
  ])('refuses %j', (text) => {
    const r = parseNumber(text);
    expect(r.ok).toBe(false);
    expect(numberOrUndefined(text)).toBeUndefined();
  });

  it('says why: decimal comma, hex, overflow', () => {
    expect(parseNumber('1,5')).toEqual({ ok: false, reason: expect.stringContaining('decimal comma') });
    expect(parseNumber('1,5')).toEqual({ ok: false, reason: expect.stringContaining('1.5') });
    expect(parseNumber('0x10')).toEqual({ ok: false, reason: expect.stringContaining('hex') });
    expect(parseNumber('1e400')).toEqual({ ok: false, reason: expect.stringContaining('range') });
    expect(parseNumber('12abc')).toEqual({ ok: false, reason: expect.stringContaining('"12abc"') });
  });
});

import { describe, expect, it } from 'vitest';
import { isTwinError } from '../api/errors';
import { formatSeriesKey } from './series-key';
import { formatFloat, LineProtocolError, lineProtocolNameProblem, toLineProtocol } from './line-protocol';

const key = (measurement: string, tags: Record<string, string>, field: string): string => formatSeriesKey({ measurement, tags, field });

function thrown(f: () => unknown): LineProtocolError {
  try {
    f();
  } catch (e) {
    if (e instanceof LineProtocolError) return e;
    throw e;
  }
  throw new Error('expected a LineProtocolError');
}

describe('toLineProtocol', () => {
  it('writes measurement, sorted tags, field, float value and ms timestamp', () => {
    expect(toLineProtocol([{ key: 'chiller,unit=CH1,plant=B7#kw', t: 1_700_000_000_123, value: 12 }])).toEqual([
      'chiller,plant=B7,unit=CH1 kw=12.0 1700000000123',
    ]);
  });

  it('escapes the separators of each part, and only those', () => {
    const k = key('a b,c=d', { 't k=,': 'v =,' }, 'f =,');
    expect(toLineProtocol([{ key: k, t: 1, value: 1.5 }])).toEqual(['a\\ b\\,c=d,t\\ k\\=\\,=v\\ \\=\\, f\\ \\=\\,=1.5 1']);
  });

  it('writes backslashes as they are: 1.x has no escape for them', () => {
    const k = key('m\\x', { 'k\\1': 'v\\,w' }, 'f\\g');
    expect(toLineProtocol([{ key: k, t: 1, value: 1 }])).toEqual(['m\\x,k\\1=v\\\\,w f\\g=1.0 1']);
  });

  it('leaves quotes, #, and unicode alone', () => {
    const k = key('"q\'#', { é: '中 文' }, '" OR 1=1');
    expect(toLineProtocol([{ key: k, t: 1, value: 1 }])).toEqual(['"q\'#,é=中\\ 文 "\\ OR\\ 1\\=1=1.0 1']);
  });

  it.each([
    ['measurement', key('a\nb', {}, 'f')],
    ['tag key', key('m', { 'a\nb': 'v' }, 'f')],
    ['tag value', key('m', { k: 'a\r\nb' }, 'f')],
    ['field key', key('m', {}, 'a\rb')],
  ])('refuses a line break in the %s with a clear message', (part, k) => {
    const e = thrown(() =>
      toLineProtocol([
        { key: 'm#f', t: 1, value: 1 },
        { key: k, t: 2, value: 1 },
      ]),
    );
    expect(e.message).toContain('Point 2');
    expect(e.message).toContain(`the ${part}`);
    expect(e.message).toContain('line break');
    expect(e.index).toBe(1);
    expect(isTwinError(e) && e.kind).toBe('invalid-input');
    expect(e.where).toBe(k);
  });

  it.each([
    [key('m\\', {}, 'f'), 'ends with a backslash'],
    [key('m', { 'k\\\\\\': 'v' }, 'f'), 'ends with a backslash'],
    [key('m', { k: 'v\\' }, 'f'), 'ends with a backslash'],
    [key('m', {}, 'f\\'), 'ends with a backslash'],
    [key('m\\,x', {}, 'f'), 'would drop'],
    [key('m\\ x', {}, 'f'), 'would drop'],
    [key('m\\=x', {}, 'f'), 'would drop'],
    [key('m\\"x', {}, 'f'), 'would drop'],
    [key('m', {}, 'f\\,g'), 'would drop'],
    [key('m', {}, 'f\\"g'), 'would drop'],
    [key('#m', {}, 'f'), 'comment'],
    [key('m', { k: 'a\u0000b' }, 'f'), 'NUL'],
  ])('refuses %j, which 1.x cannot carry (%s)', (k, why) => {
    expect(thrown(() => toLineProtocol([{ key: k, t: 1, value: 1 }])).message).toContain(why);
  });

  it('accepts a backslash before a separator in tags, where 1.x keeps it', () => {
    expect(lineProtocolNameProblem('a\\,b', 'tag value')).toBeUndefined();
    expect(lineProtocolNameProblem('a\\=b', 'tag key')).toBeUndefined();
    expect(lineProtocolNameProblem('m#x', 'measurement')).toBeUndefined();
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])('refuses the value %d', (value) => {
    expect(thrown(() => toLineProtocol([{ key: 'm#f', t: 1, value }])).message).toContain('not a finite number');
  });

  it('refuses a value that is not a number at all (a string slipped past the types)', () => {
    expect(thrown(() => toLineProtocol([{ key: 'm#f', t: 1, value: '12' as unknown as number }])).message).toContain('not a finite number');
  });

  it('refuses an invalid series key with the key parser’s reason', () => {
    expect(thrown(() => toLineProtocol([{ key: 'm,t#f', t: 1, value: 1 }])).message).toContain('Invalid series key');
  });

  it('states timestamps in the precision asked for, exactly', () => {
    const p = [{ key: 'm#f', t: 1_700_000_000_123, value: 1 }];
    expect(toLineProtocol(p, 'ms')[0]).toMatch(/ 1700000000123$/);
    expect(toLineProtocol(p, 'us')[0]).toMatch(/ 1700000000123000$/);
    expect(toLineProtocol(p, 'ns')[0]).toMatch(/ 1700000000123000000$/);
    expect(toLineProtocol([{ key: 'm#f', t: 1_700_000_000_000, value: 1 }], 's')[0]).toMatch(/ 1700000000$/);
    expect(thrown(() => toLineProtocol(p, 's')).message).toContain('whole number of seconds');
    expect(thrown(() => toLineProtocol([{ key: 'm#f', t: 1.5, value: 1 }])).message).toContain('timestamp');
    expect(toLineProtocol([{ key: 'm#f', t: -1, value: 1 }], 'ns')[0]).toMatch(/ -1000000$/);
  });
});

describe('formatFloat', () => {
  it.each([0, -0, 1, -2, 0.1, 1e21, 1e-7, 5e-324, Number.MAX_VALUE, 123456789.123])('%d reads back exactly and is a float literal', (v) => {
    const s = formatFloat(v);
    expect(s).toMatch(/[.e]/);
    expect(Number(s)).toBe(v === 0 ? 0 : v);
  });
});

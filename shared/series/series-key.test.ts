import { describe, expect, it } from 'vitest';
import { canonicalSeriesKey, escapeKeyPart, formatSeriesKey, isSeriesKey, parseSeriesKey, SeriesKeyError, type SeriesRef } from './series-key';

const HOSTILE = [
  'plain',
  'with space',
  'comma,inside',
  'equals=inside',
  'hash#inside',
  'back\\slash',
  'trailing\\',
  '\\leading',
  '" OR 1=1',
  "') |> drop(",
  '"quoted"',
  "it's",
  'new\nline',
  'tab\tbed',
  'ünïcödé °C',
  '温度',
  '🧊 chiller',
  ',=# \\',
  '\\,',
  '\\\\',
  '${x}',
];

describe('series keys', () => {
  it('formats the documented example', () => {
    expect(formatSeriesKey({ measurement: 'chiller', tags: { unit: 'CH1', plant: 'B7' }, field: 'kw' })).toBe('chiller,plant=B7,unit=CH1#kw');
  });

  it('escapes commas, spaces, equals, # and backslashes with a backslash', () => {
    expect(escapeKeyPart('a b,c=d#e\\f')).toBe('a\\ b\\,c\\=d\\#e\\\\f');
  });

  it('round-trips hostile names in every position', () => {
    for (const name of HOSTILE) {
      const refs: SeriesRef[] = [
        { measurement: name, tags: {}, field: 'value' },
        { measurement: 'm', tags: { [name]: 'v' }, field: 'value' },
        { measurement: 'm', tags: { k: name }, field: 'value' },
        { measurement: 'm', tags: {}, field: name },
        { measurement: name, tags: { [name]: name, other: name }, field: name },
      ];
      for (const ref of refs) {
        const key = formatSeriesKey(ref);
        expect(parseSeriesKey(key), `${JSON.stringify(name)} → ${key}`).toEqual(ref);
      }
    }
  });

  it('sorts tags so one series has one key', () => {
    expect(canonicalSeriesKey('m,b=2,a=1#f')).toBe('m,a=1,b=2#f');
    expect(parseSeriesKey('m,b=2,a=1#f')).toEqual(parseSeriesKey('m,a=1,b=2#f'));
  });

  it('names the character where a key goes wrong', () => {
    const cases: [string, RegExp][] = [
      ['', /measurement is empty/],
      ['m', /expected "#field"/],
      ['m#', /field after "#" is empty/],
      ['m,a#f', /expected tag=value/],
      ['m,a=#f', /empty value/],
      ['m,=v#f', /tag key is empty/],
      ['m,a=1,a=2#f', /appears twice/],
      ['m#f#g', /unexpected "#"/],
      ['m x#f', /space must be escaped/],
      ['m\\x#f', /not an escape/],
      ['m#f\\', /escapes nothing/],
    ];
    for (const [key, message] of cases) {
      let error: unknown;
      try {
        parseSeriesKey(key);
      } catch (e) {
        error = e;
      }
      expect(error, key).toBeInstanceOf(SeriesKeyError);
      expect((error as Error).message, key).toMatch(message);
      expect((error as Error).message).toMatch(/at character \d+/);
      expect(isSeriesKey(key)).toBe(false);
    }
  });

  it('accepts historian names as measurements', () => {
    for (const k of ['B7_CH1_KW#value', 'B7.CHWP2.SPD#value', 'LCHWT_2#value', 'B7\\ CT1\\ FAN#value']) expect(isSeriesKey(k)).toBe(true);
    expect(parseSeriesKey('B7\\ CT1\\ FAN#value').measurement).toBe('B7 CT1 FAN');
  });
});

import { describe, expect, it } from 'vitest';
import { LineProtocolError, recordsToLineProtocol } from './line-protocol';
import { numericFieldSeries, WriteRecordSchema } from './write-record';

describe('multi-field points with tags', () => {
  it('serialize with tags in key order, floats and quoted text', () => {
    const lines = recordsToLineProtocol([
      {
        measurement: 'twin_alert',
        tags: { twin: 'b7', asset: 'CH-1', model: 'm 1', sensor: 'B7_CH1_KW#value' },
        fields: { end: 1750000000000, peak: 46, direction: 'high', note: 'say "hi" \\ there' },
        t: 1749000000000,
      },
    ]);
    expect(lines).toEqual([
      'twin_alert,asset=CH-1,model=m\\ 1,sensor=B7_CH1_KW#value,twin=b7 end=1750000000000.0,peak=46.0,direction="high",note="say \\"hi\\" \\\\ there" 1749000000000',
    ]);
  });

  it('refuse what line protocol cannot carry, naming the point', () => {
    const bad =
      (fields: Record<string, number | string>, tags: Record<string, string> = { a: 'b' }) =>
      () =>
        recordsToLineProtocol([{ measurement: 'm', tags, fields, t: 1 }]);
    expect(bad({ x: Number.NaN })).toThrow(LineProtocolError);
    expect(bad({ x: 'two\nlines' })).toThrow(/line break/);
    expect(bad({ x: 1 }, { a: 'ends\\' })).toThrow(/ends with a backslash/);
    expect(bad({})).toThrow(/no field/);
    expect(() => recordsToLineProtocol([{ measurement: 'm', tags: {}, fields: { x: 1 }, t: 1.5 }])).toThrow(/not a whole number of milliseconds/);
  });

  it('map numeric fields to the series keys the local store keeps them under', () => {
    expect(
      numericFieldSeries({ measurement: 'twin_prediction', tags: { twin: 'b7', asset: 'CH-1' }, fields: { actual: 1, residual: -2, direction: 'high' } }),
    ).toEqual([
      { key: 'twin_prediction,asset=CH-1,twin=b7#actual', value: 1 },
      { key: 'twin_prediction,asset=CH-1,twin=b7#residual', value: -2 },
    ]);
    expect(WriteRecordSchema.safeParse({ measurement: 'm', tags: {}, fields: {}, t: 0 }).success).toBe(false);
  });
});

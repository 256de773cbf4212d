import { describe, expect, it } from 'vitest';
import { isLineProtocolComment, parseLineProtocol } from './line-protocol-parse';

const ok = (line: string) => {
  const r = parseLineProtocol(line);
  if (!r.ok) throw new Error(r.error);
  return r.point;
};
const err = (line: string) => {
  const r = parseLineProtocol(line);
  if (r.ok) throw new Error(`parsed: ${line}`);
  return r.error;
};

describe('line protocol parsing', () => {
  it('reads measurement, tags, fields and timestamp', () => {
    expect(ok('chiller,plant=B7,unit=CH1 kw=312.5,on=t 1704067200000000000')).toEqual({
      seriesText: 'chiller,plant=B7,unit=CH1',
      measurement: 'chiller',
      tags: { plant: 'B7', unit: 'CH1' },
      fields: [
        { key: 'kw', value: { kind: 'number', value: 312.5 } },
        { key: 'on', value: { kind: 'number', value: 1 } },
      ],
      timestamp: '1704067200000000000',
    });
  });

  it('unescapes names', () => {
    const p = ok('my\\ meas\\,x,tag\\ key=v\\=1\\,2 f\\=ield=1 -5');
    expect(p.measurement).toBe('my meas,x');
    expect(p.tags).toEqual({ 'tag key': 'v=1,2' });
    expect(p.fields[0]?.key).toBe('f=ield');
    expect(p.timestamp).toBe('-5');
  });

  it('reads integers, unsigned, floats, booleans and strings', () => {
    const p = ok('m a=12i,b=7u,c=-1.5e3,d=FALSE,e=True,s="say \\"hi\\", ok",g=.5');
    expect(p.fields.map((f) => f.value)).toEqual([
      { kind: 'number', value: 12 },
      { kind: 'number', value: 7 },
      { kind: 'number', value: -1500 },
      { kind: 'number', value: 0 },
      { kind: 'number', value: 1 },
      { kind: 'string', value: 'say "hi", ok' },
      { kind: 'number', value: 0.5 },
    ]);
    expect(p.timestamp).toBeNull();
  });

  it('rejects malformed lines with a reason', () => {
    expect(err('m')).toMatch(/expected a space/);
    expect(err('m a=')).toMatch(/not a number/);
    expect(err('m a=12abc 1')).toMatch(/"12abc".*not a number/);
    expect(err('m,t a=1')).toMatch(/tag "t" has no "=value"/);
    expect(err('m,t= a=1')).toMatch(/empty/);
    expect(err('m,t=1,t=2 a=1')).toMatch(/appears twice/);
    expect(err('m a=1,a=2')).toMatch(/field "a" appears twice/);
    expect(err('m a="open')).toMatch(/never closed/);
    expect(err('m a=1 12:00')).toMatch(/integer timestamp/);
    expect(err(' a=1')).toMatch(/expected a space|measurement name is missing/);
  });

  it('knows comments and blank lines', () => {
    expect(isLineProtocolComment('# DML')).toBe(true);
    expect(isLineProtocolComment('   ')).toBe(true);
    expect(isLineProtocolComment('m a=1')).toBe(false);
  });
});

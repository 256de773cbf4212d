import { describe, expect, it } from 'vitest';
import { detectTimestampFormat, timestampShape } from './timestamp-detect';

describe('timestamp format detection', () => {
  it('classifies single texts', () => {
    expect(timestampShape('1704067200')).toBe('epoch');
    expect(timestampShape('2024-01-01T00:00:00Z')).toBe('iso');
    expect(timestampShape('2024/01/31 10:00')).toBe('ymd');
    expect(timestampShape('01/31/2024 10:00')).toBe('slashed');
    expect(timestampShape('Jan 31 2024')).toBe('month');
    expect(timestampShape('01-Jul-25 00:00:00')).toBe('month');
    expect(timestampShape('Tuesday')).toBeNull();
    expect(timestampShape('')).toBeNull();
  });

  it('detects ISO with offsets, which needs no zone', () => {
    expect(detectTimestampFormat(['2024-01-01T00:00:00Z', '2024-01-01T00:01:00+01:00'])).toMatchObject({
      format: 'iso',
      epochUnit: null,
      needsTimeZone: false,
      problem: null,
    });
  });

  it('detects naive ISO, which needs a zone, even when only some rows are naive', () => {
    expect(detectTimestampFormat(['2024-01-01 00:00:00', '2024-01-01 00:01:00']).needsTimeZone).toBe(true);
    expect(detectTimestampFormat(['2024-01-01T00:00:00Z', '2024-01-01 00:01:00']).needsTimeZone).toBe(true);
  });

  it('detects epoch columns with their unit', () => {
    expect(detectTimestampFormat(['1704067200000', '1704067260000'])).toMatchObject({
      format: 'epoch-ms',
      epochUnit: 'ms',
      needsTimeZone: false,
      problem: null,
    });
    expect(detectTimestampFormat(['1704067200000000000']).format).toBe('epoch-ns');
  });

  it('refuses to guess day/month order and hints at it when the data tells', () => {
    const d = detectTimestampFormat(['03/04/2024 00:00', '03/05/2024 00:00']);
    expect(d.format).toBeNull();
    expect(d.problem).toMatch(/declare the timestamp format \(MM\/DD\/YYYY or DD\/MM\/YYYY\)/);
    expect(d.problem).not.toMatch(/suggests/);
    expect(detectTimestampFormat(['25/03/2024 00:00']).problem).toMatch(/suggests DD\/MM\/YYYY/);
    expect(detectTimestampFormat(['03/25/2024 00:00']).problem).toMatch(/suggests MM\/DD\/YYYY/);
  });

  it('uses a declared format and still reports whether a zone is needed', () => {
    expect(detectTimestampFormat(['03/04/2024 00:00'], 'DD/MM/YYYY')).toMatchObject({
      format: 'DD/MM/YYYY',
      epochUnit: null,
      needsTimeZone: true,
      problem: null,
    });
    expect(detectTimestampFormat(['2024/03/04 00:00 +01:00'])).toMatchObject({ format: 'YYYY/MM/DD', epochUnit: null, needsTimeZone: false, problem: null });
  });

  it('says when nothing can be read', () => {
    expect(detectTimestampFormat(['yesterday', 'today']).problem).toMatch(/"yesterday" are in no format we read/);
    expect(detectTimestampFormat([]).problem).toMatch(/No timestamps/);
  });
});

import { describe, expect, it } from 'vitest';
import { matchesSearch } from './search-match';

describe('sensor search', () => {
  it('matches substrings and words as names are read', () => {
    const e = (key: string, unit?: string) => ({ key, ...(unit ? { unit } : {}) });
    expect(matchesSearch(e('B7_CH1_KW#value', 'kW'), 'ch1 kw')).toBe(true);
    expect(matchesSearch(e('B7_CH1_KW#value'), 'LCHWT')).toBe(false);
    expect(matchesSearch(e('LCHWT_2#value'), 'lchwt')).toBe(true);
    expect(matchesSearch(e('B7.CHWP2.SPD#value'), 'chwp 2')).toBe(true);
    expect(matchesSearch(e('B7.CHWP2.SPD#value'), 'chwp 1')).toBe(false);
    expect(matchesSearch(e('B7_CHW_FLOW#value', 'L/s'), 'l/s')).toBe(true);
    expect(matchesSearch(e('B7_CH1_STS#value'), 'ch-1', 'CH-1')).toBe(true);
    expect(matchesSearch(e('anything'), '  ')).toBe(true);
  });
});

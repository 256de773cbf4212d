import { describe, expect, it } from 'vitest';
import { DEFAULT_QUALITY } from '../../../shared/series/cursor-reading';
import { readStoredQuality } from './quality-settings';

describe('stored stale settings', () => {
  it('reads version 1 and falls back to the defaults field by field', () => {
    expect(readStoredQuality(JSON.stringify({ version: 1, staleAfter: 3, missingAfter: 30, flatlineAfter: 240 }))).toEqual({
      staleAfter: 3,
      missingAfter: 30,
      flatlineAfter: 240,
    });
    expect(readStoredQuality(JSON.stringify({ version: 1, staleAfter: 'x', missingAfter: 30 }))).toEqual({ ...DEFAULT_QUALITY, missingAfter: 30 });
    // Missing can never come before stale.
    expect(readStoredQuality(JSON.stringify({ version: 1, staleAfter: 50, missingAfter: 10 })).missingAfter).toBe(60);
  });

  it('ignores unknown versions, damage and nothing', () => {
    expect(readStoredQuality(JSON.stringify({ version: 2, staleAfter: 3 }))).toEqual(DEFAULT_QUALITY);
    expect(readStoredQuality('{not json')).toEqual(DEFAULT_QUALITY);
    expect(readStoredQuality(null)).toEqual(DEFAULT_QUALITY);
  });
});

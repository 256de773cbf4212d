import { describe, expect, it } from 'vitest';
import { SERIES_COLOURS, seriesColour, styleIndexOfKey } from './series-style';

describe('series colours', () => {
  it('gives ten neighbouring sensors ten colours, and the same sensor always the same', () => {
    const colours = new Set<string>();
    for (let i = 40; i < 50; i++) colours.add(seriesColour(i));
    expect(colours.size).toBe(10);
    expect(seriesColour(12)).toBe(seriesColour(12));
    expect(seriesColour(12)).toBe(seriesColour(22));
    expect(SERIES_COLOURS).toContain(seriesColour(-3));
  });

  it('hashes keys to a stable index', () => {
    expect(styleIndexOfKey('B7_CH1_KW#value')).toBe(styleIndexOfKey('B7_CH1_KW#value'));
    expect(styleIndexOfKey('B7_CH1_KW#value')).not.toBe(styleIndexOfKey('B7_CH2_KW#value'));
  });
});

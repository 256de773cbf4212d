import { describe, expect, it } from 'vitest';
import { catalog, searchCatalog } from './catalog';

const kinds = (text: string) => searchCatalog(text).map((d) => d.kind);

describe('catalog search', () => {
  it('finds the chilled-water pump from "chw pump", and nothing that is not a pump', () => {
    const hits = kinds('chw pump');
    expect(hits[0]).toBe('centrifugal-pump');
    expect(hits).not.toContain('chiller');
    expect(hits).not.toContain('temperature-transmitter');
  });

  it('puts the component with that tag prefix first', () => {
    expect(kinds('TT')[0]).toBe('temperature-transmitter');
    expect(kinds('pdt')[0]).toBe('dp-transmitter');
    expect(kinds('CH')[0]).toBe('chiller');
    expect(kinds('jt')[0]).toBe('power-transmitter');
    expect(kinds('SIC')[0]).toBe('vfd');
  });

  it('ignores case and extra spaces', () => {
    expect(kinds('  COOLING   tower ')).toEqual(kinds('cooling tower'));
    expect(kinds('cooling tower')[0]).toBe('cooling-tower');
  });

  it('requires every word to match', () => {
    expect(kinds('valve')).toEqual(
      expect.arrayContaining(['gate-valve', 'globe-valve', 'ball-valve', 'butterfly-valve', 'check-valve', 'three-way-valve', 'control-valve']),
    );
    const hits = kinds('butterfly valve');
    expect(hits).toEqual(['butterfly-valve']);
  });

  it('matches kinds and keywords, not only names', () => {
    expect(kinds('pd-pump')).toContain('pd-pump');
    expect(kinds('kw')).toContain('power-transmitter');
    expect(kinds('3-way')).toContain('three-way-valve');
    expect(kinds('strainer')[0]).toBe('filter');
    expect(kinds('manifold')).toEqual(['header']);
  });

  it('returns the whole catalog for empty text and nothing for nonsense', () => {
    expect(searchCatalog('')).toHaveLength(catalog.length);
    expect(searchCatalog('   ')).toHaveLength(catalog.length);
    expect(searchCatalog('zzqx')).toEqual([]);
  });
});

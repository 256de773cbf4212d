import { describe, expect, it } from 'vitest';
import { copyTag, nextTag, splitTag } from './auto-tag';

describe('auto-tagging', () => {
  it('numbers loops from 101 and units from 1', () => {
    expect(nextTag('P', 'loop', [])).toBe('P-101');
    expect(nextTag('P', 'loop', ['P-101', 'P-102'])).toBe('P-103');
    expect(nextTag('CH', 'unit', [])).toBe('CH-1');
    expect(nextTag('CH', 'unit', ['CH-1', 'CH-2'])).toBe('CH-3');
  });

  it('continues after the highest number, ignoring case and other prefixes', () => {
    expect(nextTag('P', 'loop', ['p-107', 'PT-300', 'CH-1'])).toBe('P-108');
    expect(nextTag('TT', 'loop', ['TT-101', 'TTX-500'])).toBe('TT-102');
  });

  it('splits tags with area prefixes', () => {
    expect(splitTag('B7-TT-101')).toEqual({ prefix: 'B7-TT-', number: 101, width: 3 });
    expect(splitTag('FCV-101A').number).toBeNull();
  });

  it('gives copies the next free number with the same prefix', () => {
    expect(copyTag('P-101', ['P-101', 'P-102'])).toBe('P-103');
    expect(copyTag('B7-TT-101', ['B7-TT-101'])).toBe('B7-TT-102');
    expect(copyTag('CHWP-01', ['CHWP-01', 'CHWP-02'])).toBe('CHWP-03');
    expect(copyTag('HEADER', ['HEADER'])).toBe('HEADER-2');
  });
});

import { describe, expect, it } from 'vitest';
import { componentByKind } from './catalog';
import { elementText, elementVisible, tagParts } from './symbol-content';
import type { ComponentDef, SymbolElement } from './types';

describe('tag parts', () => {
  it.each([
    ['TT-101', 'TT', '101'],
    ['B7-PDT-204A', 'PDT', '204A'],
    ['FT101', 'FT', '101'],
    ['tic_12', 'TIC', '12'],
    ['TT', 'TT', ''],
  ])('splits %s into %s / %s', (tag, letters, loop) => {
    expect(tagParts(tag, 'XX')).toEqual({ letters, loop });
  });

  it('keeps an unusual tag whole under the prefix letters', () => {
    expect(tagParts('Chilled water supply', 'TT')).toEqual({ letters: 'TT', loop: 'Chilled water supply' });
    expect(tagParts('', 'TT')).toEqual({ letters: 'TT', loop: '' });
  });
});

describe('symbol content', () => {
  const tt = componentByKind('temperature-transmitter') as ComponentDef;
  const outline = (mounting: string | null | undefined) =>
    tt.symbol.elements.filter((e) => e.type !== 'text' && elementVisible(tt, e, mounting === undefined ? {} : { mounting })).map((e) => e.type);

  it('draws the catalog default when the property is unset, null or empty', () => {
    expect(outline(undefined)).toEqual(outline('field'));
    expect(outline(null)).toEqual(outline('field'));
    expect(outline('')).toEqual(outline('field'));
  });

  it('changes the bubble with the mounting', () => {
    expect(outline('field')).toContain('circle');
    expect(outline('field')).not.toContain('rect');
    expect(outline('plc')).toEqual(expect.arrayContaining(['rect', 'polygon']));
    expect(outline('computer')).not.toContain('circle');
    // A value no condition knows draws no outline rather than a wrong one.
    expect(outline('under-the-floor')).toEqual(['line', 'line']);
  });

  it('compares booleans by their text', () => {
    const tv = componentByKind('three-way-valve') as ComponentDef;
    const dome = tv.symbol.elements.filter((e) => e.when?.property === 'actuated');
    expect(dome.length).toBeGreaterThan(0);
    for (const e of dome) {
      expect(elementVisible(tv, e, { actuated: true })).toBe(true);
      expect(elementVisible(tv, e, { actuated: false })).toBe(false);
      expect(elementVisible(tv, e, {})).toBe(true);
    }
  });

  it('prints tag letters, loop number, whole tag, literals and property values', () => {
    const text = (content: Extract<SymbolElement, { type: 'text' }>['content']) => elementText(tt, content, 'B7-TT-101', { unit: 'K' });
    expect(text({ from: 'tag-letters' })).toBe('TT');
    expect(text({ from: 'tag-loop' })).toBe('101');
    expect(text({ from: 'tag' })).toBe('B7-TT-101');
    expect(text({ from: 'literal', text: 'EVAP' })).toBe('EVAP');
    expect(text({ from: 'property', key: 'unit' })).toBe('K');
    expect(elementText(tt, { from: 'property', key: 'rangeHigh' }, 'TT-1', {})).toBe('50');
    expect(elementText(tt, { from: 'property', key: 'missing' }, 'TT-1', {})).toBe('');
  });
});

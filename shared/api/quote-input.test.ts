import { describe, expect, it } from 'vitest';
import { boundText, quoteInput } from './quote-input';

describe('quoteInput', () => {
  it('quotes short values whole', () => {
    expect(quoteInput('B7_CH1_KW#value')).toBe('"B7_CH1_KW#value"');
    expect(quoteInput('a"b\n')).toBe('"a\\"b\\n"');
  });

  it('cuts long values and says how long they were, without reading all of a huge one', () => {
    expect(quoteInput('k'.repeat(10 * 1024 * 1024), 10)).toBe('"kkkkkkkkkk"… (10,485,760 characters in all)');
    expect(quoteInput('😀'.repeat(20), 3)).toBe('"😀😀😀"… (20 characters in all)');
  });
});

describe('boundText', () => {
  it('keeps short text and cuts long text with its length', () => {
    expect(boundText('abc', 3)).toBe('abc');
    expect(boundText('abcdef', 3)).toBe('abc… (6 characters in all)');
  });
});

import { describe, expect, it } from 'vitest';
import { depthReason, MAX_DOCUMENT_DEPTH, reservedKeyReason, shapeProblem, sizeReason } from './document-policy';
import { parseJsonSafe, type SafeJsonError } from './safe-json';

/** `{"a":{"a":…1…}}` with `depth` objects, as text (JSON.stringify itself overflows far before 100,000). */
const nestedText = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

function openReason(text: string): string {
  try {
    parseJsonSafe(text);
  } catch (e) {
    return (e as SafeJsonError).reason;
  }
  return 'opened';
}

describe('shapeProblem', () => {
  it('refuses what the parser refuses when a file is opened, with the same reason', () => {
    for (const text of [
      nestedText(MAX_DOCUMENT_DEPTH + 1),
      '{"assets":[{"properties":{"constructor":1}}]}',
      '{"x":{"prototype":{}}}',
      '{"x":[{"__proto__":{"polluted":true}}]}',
    ]) {
      const problem = shapeProblem(JSON.parse(text));
      expect(problem, text).not.toBeNull();
      expect(problem?.reason).toBe(openReason(text));
    }
  });

  it('accepts the deepest document the parser accepts, and finds a "__proto__" key JSON.parse made an own property', () => {
    expect(shapeProblem(JSON.parse(nestedText(MAX_DOCUMENT_DEPTH)))).toBeNull();
    expect(openReason(nestedText(MAX_DOCUMENT_DEPTH))).toBe('opened');
    expect(shapeProblem(JSON.parse('{"__proto__":1}'))).toEqual({ path: '$.__proto__', reason: reservedKeyReason('__proto__') });
  });

  it('locates the problem by JSON path, shortened when deep', () => {
    expect(shapeProblem(JSON.parse('{"assets":[{"properties":{"constructor":1}}]}'))?.path).toBe('$.assets[0].properties.constructor');
    const deep = shapeProblem(JSON.parse(nestedText(MAX_DOCUMENT_DEPTH + 1)));
    expect(deep?.reason).toBe(depthReason());
    expect(deep?.path).toMatch(/^\$\.a\.a\.a\.a\.a\.a…\(\d+ levels\)…\.a\.a\.a\.a$/);
  });

  it('walks 100,000 levels without overflowing the stack', () => {
    expect(shapeProblem(JSON.parse(nestedText(100_000)))?.reason).toBe(depthReason());
  });

  it('words sizes as opening a file does', () => {
    expect(sizeReason(54 * 1024 * 1024)).toBe('it is 54.0 MB, more than the 50.0 MB a project file may have');
  });
});

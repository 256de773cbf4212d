import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_DEPTH, SafeJsonError, parseJsonSafe } from './safe-json';

function errorOf(text: string, maxDepth?: number): SafeJsonError {
  try {
    parseJsonSafe(text, maxDepth === undefined ? {} : { maxDepth });
  } catch (e) {
    if (e instanceof SafeJsonError) return e;
    throw e;
  }
  throw new Error(`expected ${JSON.stringify(text.slice(0, 60))} to be refused`);
}

describe('parseJsonSafe', () => {
  afterEach(() => {
    // A leak from any test here would show up in every later one.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('parses what JSON.parse parses, to the same value', () => {
    const samples = [
      '{"a":1,"b":[true,false,null],"c":{"d":"e"}}',
      ' [ -0.5e-3 , 12E+2, 0, -0, 1.25 ] ',
      '"esc: \\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\ud83d\\ude00"',
      '{"unicode":"Kältemaschine ❄","empty":"","nested":[[[]],{}]}',
      JSON.stringify({ formatVersion: 2, assets: Array.from({ length: 50 }, (_, i) => ({ id: `a${i}`, x: i * 1.5, tag: `P-${i}` })) }, null, 2),
    ];
    for (const s of samples) expect(parseJsonSafe(s)).toEqual(JSON.parse(s));
  });

  it('accepts and ignores a UTF-8 byte-order mark', () => {
    expect(parseJsonSafe('\ufeff{"a":1}')).toEqual({ a: 1 });
  });

  it('names the line of a truncated file', () => {
    const full = JSON.stringify({ assets: Array.from({ length: 300 }, (_, i) => ({ id: `a${i}`, tag: `T-${i}` })) }, null, 2);
    const lines = full.split('\n');
    const cut = lines.slice(0, 812).join('\n');
    const e = errorOf(cut);
    expect(e.message).toMatch(/^unexpected end of file at line 812, column \d+$/);
    expect(e.line).toBe(812);
  });

  it('names the line and column of a syntax error', () => {
    const e = errorOf('{\n  "a": 1,\n  "b": 2,,\n}');
    expect([e.line, e.column]).toEqual([3, 10]);
    expect(e.reason).toContain('unexpected character ","');
    expect(errorOf('{"a": 1} x').reason).toContain('after the end of the JSON value');
    expect(errorOf('{"a": tru}').reason).toContain('where a value was expected');
    expect(errorOf("{'a': 1}").reason).toContain('a key in double quotes');
    expect(errorOf('{"a" 1}').reason).toContain('":" was expected');
    expect(errorOf('[1 2]').reason).toContain('"," or "]"');
    expect(errorOf('{"a":"line\nbreak"}').reason).toContain('control character');
    expect(errorOf('"\\x"').reason).toContain('"\\x" is not a JSON escape');
    expect(errorOf('"\\u12G4"').reason).toContain('four hex digits');
    expect(errorOf('"abc').reason).toBe('unexpected end of file inside a string');
    expect(errorOf('"abc\\n').reason).toBe('unexpected end of file inside a string');
  });

  it('refuses non-JSON text with a reason', () => {
    expect(errorOf('').reason).toBe('the file is empty');
    expect(errorOf('  \n ').reason).toBe('the file is empty');
    expect(errorOf('<?xml version="1.0"?><plant/>').reason).toContain('unexpected character "<"');
    expect(errorOf('PK\u0003\u0004').reason).toContain('"P"');
    expect(errorOf('{"a":1,}').reason).toContain('a key in double quotes');
    expect(errorOf('[1,]').reason).toContain('where a value was expected');
    expect(errorOf('NaN').reason).toContain('unexpected character "N"');
    expect(errorOf('// comment\n{}').reason).toContain('unexpected character "/"');
  });

  it('refuses malformed and huge numbers, keeps large finite ones', () => {
    expect(errorOf('01').reason).toContain('leading zeros');
    expect(errorOf('1.').reason).toContain('malformed number');
    expect(errorOf('-').reason).toContain('malformed number');
    expect(errorOf('+1').reason).toContain('unexpected character "+"');
    expect(errorOf('1e400').reason).toBe('the number 1e400 is too large');
    expect(errorOf('-1e400').reason).toBe('the number -1e400 is too large');
    const long = '9'.repeat(400);
    expect(errorOf(`{"x": ${long}}`).reason).toMatch(/^the number 9{40}… is too large$/);
    expect(parseJsonSafe('1.7976931348623157e308')).toBe(Number.MAX_VALUE);
    expect(parseJsonSafe('123456789012345678901234567890')).toBe(1.2345678901234568e29);
    expect(parseJsonSafe('1e-400')).toBe(0);
  });

  it('caps nesting depth', () => {
    const nested = (n: number) => '['.repeat(n) + ']'.repeat(n);
    expect(() => parseJsonSafe(nested(DEFAULT_MAX_DEPTH))).not.toThrow();
    expect(errorOf(nested(DEFAULT_MAX_DEPTH + 1)).reason).toBe(`nesting deeper than ${DEFAULT_MAX_DEPTH} levels`);
    expect(errorOf('{"a":{"b":{"c":{}}}}', 3).reason).toBe('nesting deeper than 3 levels');
    // A hostile file of a million brackets is refused quickly, without exhausting the stack.
    const started = Date.now();
    expect(errorOf(nested(1_000_000)).column).toBe(DEFAULT_MAX_DEPTH + 1);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('refuses keys that could reach a prototype, also when escaped', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const e = errorOf(`{"assets":[{"${key}":{"polluted":true}}]}`);
      expect(e.reason).toBe(`the key "${key}" is not allowed in a project file (rename it)`);
      expect(e.column).toBe(13);
    }
    expect(errorOf('{"\\u005f_proto__":{"polluted":1}}').reason).toContain('"__proto__"');
    expect(errorOf('{"a":{"constructor":{"prototype":{"polluted":1}}}}').reason).toContain('"constructor"');
    // JSON.parse itself would accept this and hand over an own "__proto__" property for a merge to trip on.
    expect(Object.keys(JSON.parse('{"__proto__":{"polluted":1}}'))).toEqual(['__proto__']);
  });

  it('refuses a key given twice in one object (JSON.parse would silently drop one)', () => {
    const e = errorOf('{\n "tag": "P-101",\n "tag": "P-102"\n}');
    expect(e.message).toBe('the key "tag" appears twice in the same object at line 3, column 2');
    expect(parseJsonSafe('[{"tag":1},{"tag":2}]')).toEqual([{ tag: 1 }, { tag: 2 }]);
  });

  it('produces plain objects whose prototype is Object.prototype', () => {
    const v = parseJsonSafe('{"a":{"b":1}}') as { a: object };
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(v.a)).toBe(Object.prototype);
  });
});

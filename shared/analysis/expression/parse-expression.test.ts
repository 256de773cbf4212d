import { describe, expect, it } from 'vitest';
import { referencesOf, type ExprNode } from './ast';
import { evaluateExpression } from './evaluate';
import { ExpressionError } from './expression-error';
import { parseExpression } from './parse-expression';

/** Evaluate an expression on one row with named values. */
function value(text: string, vars: Record<string, number> = {}): number {
  const out = evaluateExpression(parseExpression(text), 1, (leaf) => {
    const name = leaf.kind === 'name' ? leaf.name : leaf.key;
    const v = vars[name];
    if (v === undefined) throw new Error(`no ${name}`);
    return Float64Array.of(v);
  });
  return out[0] as number;
}

function failure(text: string): ExpressionError {
  try {
    parseExpression(text);
  } catch (e) {
    if (e instanceof ExpressionError) return e;
    throw e;
  }
  throw new Error(`expected ${JSON.stringify(text)} to be refused`);
}

describe('parseExpression on good input', () => {
  it('reads the derived signals of a chiller model', () => {
    expect(value('flow * (chwr - chws) * 4.186', { flow: 76, chwr: 12.5, chws: 6.7 })).toBeCloseTo(76 * 5.8 * 4.186, 10);
    expect(value('cws - chws', { cws: 29.5, chws: 6.5 })).toBe(23);
  });

  it('follows the usual precedence and associativity', () => {
    expect(value('1 + 2 * 3')).toBe(7);
    expect(value('(1 + 2) * 3')).toBe(9);
    expect(value('2 ^ 3 ^ 2')).toBe(512);
    expect(value('-2 ^ 2')).toBe(-4);
    expect(value('2 ^ -1')).toBe(0.5);
    expect(value('10 - 4 - 3')).toBe(3);
    expect(value('12 / 3 / 2')).toBe(2);
    expect(value('--3')).toBe(3);
    expect(value('1.5e3 + .5')).toBe(1500.5);
  });

  it('has comparisons, logic and functions', () => {
    expect(value('status >= 1 and power > 10', { status: 1, power: 300 })).toBe(1);
    expect(value('status >= 1 and power > 10', { status: 0.5, power: 300 })).toBe(0);
    expect(value('a < 0 or a > 10', { a: 11 })).toBe(1);
    expect(value('abs(-3) + sqrt(16) + min(2, 5) + max(2, 5)')).toBe(14);
    expect(value('ln(exp(2)) + log10(1000)')).toBeCloseTo(5, 12);
    expect(value('a != b', { a: 1, b: 2 })).toBe(1);
  });

  it('reads sensors named by series key and lists what an expression refers to', () => {
    const tree = parseExpression('`B7_CH1_KW#value` / (flow + `B7\\ OAT#value`) + flow');
    const refs = referencesOf(tree);
    expect([...refs.names]).toEqual([['flow', 22]]);
    expect([...refs.series]).toEqual([
      ['B7_CH1_KW#value', 1],
      ['B7\\ OAT#value', 29],
    ]);
  });

  it('makes missing, infinite and undefined results missing, never Infinity', () => {
    expect(value('a / b', { a: 1, b: 0 })).toBeNaN();
    expect(value('sqrt(a)', { a: -1 })).toBeNaN();
    expect(value('a + 1', { a: NaN })).toBeNaN();
    expect(value('a > 1', { a: NaN })).toBeNaN();
  });

  it('keeps the column of every node', () => {
    const tree = parseExpression('flow * (chwr - chws)') as Extract<ExprNode, { kind: 'binary' }>;
    expect(tree.column).toBe(6);
    expect((tree.right as Extract<ExprNode, { kind: 'binary' }>).right).toEqual({ kind: 'name', name: 'chws', column: 16 });
  });
});

describe('parseExpression on bad input says where', () => {
  const cases: [string, number, string, RegExp][] = [
    ['', 1, '', /empty/],
    ['flow * (chwr - chws * 4.186', 28, '', /expected "\)" to close the "\(" at column 8, found the end/],
    ['flow * * 2', 8, '*', /expected a number, a name or "\("/],
    ['flow chws', 6, 'chws', /expected an operator, found "chws"/],
    ['flow + 2)', 9, ')', /without its "\("/],
    ['load = flow * 2', 6, '=', /single "=" is not an operator/],
    ['flow # 2', 6, '#', /character "#" is not part/],
    ['2x + 1', 1, '2x', /number runs into a letter/],
    ['cosh(2)', 1, 'cosh', /no function "cosh"; the functions are abs, sqrt/],
    ['min(1)', 1, 'min', /min takes 2 arguments, got 1/],
    ['abs(1, 2', 9, '', /expected "," or "\)" in the call of abs opened at column 4/],
    ['sqrt + 1', 1, 'sqrt', /sqrt is a function/],
    ['a < b < c', 7, '<', /cannot be chained/],
    ['and a', 1, 'and', /needs a value on its left/],
    ['`B7_CH1_KW#value + 1', 1, '`', /not closed/],
    ['1e999', 1, '1e999', /too large/],
    ['a +', 4, '', /ends where a value was expected/],
  ];
  for (const [text, column, token, message] of cases) {
    it(`${JSON.stringify(text)} → column ${column}`, () => {
      const e = failure(text);
      expect(e.column).toBe(column);
      expect(e.token).toBe(token);
      expect(e.reason).toMatch(message);
      expect(e.message).toContain(`column ${column}`);
    });
  }

  it('refuses overlong and too deeply nested expressions without a stack overflow', () => {
    expect(failure('a+'.repeat(300) + 'a').reason).toMatch(/at most 500/);
    expect(failure('('.repeat(100) + '1' + ')'.repeat(100)).reason).toMatch(/nests deeper than 64/);
  });
});

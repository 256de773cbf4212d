import type { ExprNode } from './ast';

/** The column of values a leaf stands for; resolved names and series keys must all be there. */
export type ColumnLookup = (leaf: Extract<ExprNode, { kind: 'name' | 'series' }>) => Float64Array;

const FN1: Record<string, (x: number) => number> = { abs: Math.abs, sqrt: Math.sqrt, exp: Math.exp, ln: Math.log, log10: Math.log10 };

/**
 * Evaluate an expression over `rows` rows at once. A missing value (NaN) in a row makes that row's result
 * NaN; results that are not finite (division by zero, sqrt of a negative) are NaN as well, so a row is
 * either a number or missing, never Infinity.
 */
export function evaluateExpression(node: ExprNode, rows: number, lookup: ColumnLookup): Float64Array {
  const out = evaluate(node, rows, lookup);
  for (let i = 0; i < rows; i++) {
    const v = out[i] as number;
    if (v - v !== 0) out[i] = NaN;
  }
  return out;
}

function evaluate(node: ExprNode, rows: number, lookup: ColumnLookup): Float64Array {
  switch (node.kind) {
    case 'number':
      return new Float64Array(rows).fill(node.value);
    case 'name':
    case 'series':
      return Float64Array.from(lookup(node));
    case 'negate': {
      const a = evaluate(node.arg, rows, lookup);
      for (let i = 0; i < rows; i++) a[i] = -(a[i] as number);
      return a;
    }
    case 'call': {
      const a = evaluate(node.args[0] as ExprNode, rows, lookup);
      if (node.fn === 'min' || node.fn === 'max') {
        const b = evaluate(node.args[1] as ExprNode, rows, lookup);
        // Math.min(NaN, x) is NaN already: a missing input stays missing.
        const f = node.fn === 'min' ? Math.min : Math.max;
        for (let i = 0; i < rows; i++) a[i] = f(a[i] as number, b[i] as number);
        return a;
      }
      const f = FN1[node.fn] as (x: number) => number;
      for (let i = 0; i < rows; i++) a[i] = f(a[i] as number);
      return a;
    }
    case 'binary': {
      const a = evaluate(node.left, rows, lookup);
      const b = evaluate(node.right, rows, lookup);
      binary(node.op, a, b, rows);
      return a;
    }
  }
}

function binary(op: Extract<ExprNode, { kind: 'binary' }>['op'], a: Float64Array, b: Float64Array, rows: number): void {
  // Comparisons and logic give 1 or 0, and NaN when an operand is missing (unknown is not false).
  const truth = (holds: boolean, x: number, y: number): number => (x !== x || y !== y ? NaN : holds ? 1 : 0);
  for (let i = 0; i < rows; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    switch (op) {
      case '+':
        a[i] = x + y;
        break;
      case '-':
        a[i] = x - y;
        break;
      case '*':
        a[i] = x * y;
        break;
      case '/':
        a[i] = x / y;
        break;
      case '^':
        a[i] = x ** y;
        break;
      case '<':
        a[i] = truth(x < y, x, y);
        break;
      case '<=':
        a[i] = truth(x <= y, x, y);
        break;
      case '>':
        a[i] = truth(x > y, x, y);
        break;
      case '>=':
        a[i] = truth(x >= y, x, y);
        break;
      case '==':
        a[i] = truth(x === y, x, y);
        break;
      case '!=':
        a[i] = truth(x !== y, x, y);
        break;
      case 'and':
        a[i] = truth(x !== 0 && y !== 0, x, y);
        break;
      case 'or':
        a[i] = truth(x !== 0 || y !== 0, x, y);
        break;
    }
  }
}

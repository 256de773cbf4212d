import { FUNCTIONS, KEYWORDS, isFunctionName, type BinaryOp, type ExprNode } from './ast';
import { ExpressionError } from './expression-error';
import { tokenize, type Token } from './tokens';

/** Longest an expression may be; a derived signal is a line, not a program. */
export const MAX_EXPRESSION_LENGTH = 500;
const MAX_DEPTH = 64;

/** Binary operators by precedence, loosest first; `^` binds tightest and to the right (handled apart). */
const LEVELS: readonly (readonly string[])[] = [['or'], ['and'], ['<', '<=', '>', '>=', '==', '!='], ['+', '-'], ['*', '/']];

function describe(t: Token): string {
  return t.kind === 'end' ? 'the end of the expression' : JSON.stringify(t.text);
}

/**
 * Parse a derived-signal expression such as `flow * (chwr - chws) * 4.186`: numbers, names of inputs and
 * roles, sensors as `series keys` in backquotes, + - * / ^, comparisons (1 when true, 0 when false),
 * `and`, `or`, and the functions abs, sqrt, exp, ln, log10, min, max. No eval: a recursive-descent parser
 * into a small tree. Throws ExpressionError naming the column and the token where it went wrong.
 */
export function parseExpression(text: string): ExprNode {
  if (text.length > MAX_EXPRESSION_LENGTH)
    throw new ExpressionError(`the expression is ${text.length} characters long; at most ${MAX_EXPRESSION_LENGTH} are allowed`, MAX_EXPRESSION_LENGTH + 1, '');
  const tokens = tokenize(text);
  let pos = 0;
  let depth = 0;
  const peek = (): Token => tokens[pos] as Token;
  const next = (): Token => tokens[pos++] as Token;
  const isOp = (t: Token, ops: readonly string[]): boolean => (t.kind === 'op' || (t.kind === 'name' && KEYWORDS.has(t.text))) && ops.includes(t.text);

  const level = (i: number): ExprNode => {
    if (i >= LEVELS.length) return unary();
    const ops = LEVELS[i] as readonly string[];
    let left = level(i + 1);
    while (isOp(peek(), ops)) {
      const op = next();
      const right = level(i + 1);
      if (i === 2 && isOp(peek(), ops)) {
        const t = peek();
        throw new ExpressionError(`comparisons cannot be chained; join them with "and" (a < b and b < c)`, t.column, t.text);
      }
      left = { kind: 'binary', op: op.text as BinaryOp, left, right, column: op.column };
    }
    return left;
  };

  const unary = (): ExprNode => {
    const t = peek();
    if (t.kind === 'op' && (t.text === '-' || t.text === '+')) {
      next();
      const arg = unary();
      return t.text === '-' ? { kind: 'negate', arg, column: t.column } : arg;
    }
    return power();
  };

  const power = (): ExprNode => {
    const base = primary();
    const t = peek();
    if (t.kind === 'op' && t.text === '^') {
      next();
      // Right-associative, and `-2^2` is -(2^2) as in mathematics; `2^-1` is allowed.
      return { kind: 'binary', op: '^', left: base, right: unary(), column: t.column };
    }
    return base;
  };

  const primary = (): ExprNode => {
    const t = next();
    if (++depth > MAX_DEPTH) throw new ExpressionError(`the expression nests deeper than ${MAX_DEPTH} levels`, t.column, t.text);
    try {
      switch (t.kind) {
        case 'number': {
          const value = Number(t.text);
          if (!Number.isFinite(value)) throw new ExpressionError(`the number ${t.text} is too large`, t.column, t.text);
          return { kind: 'number', value, column: t.column };
        }
        case 'series':
          return { kind: 'series', key: t.text, column: t.column };
        case 'name': {
          if (KEYWORDS.has(t.text)) throw new ExpressionError(`"${t.text}" needs a value on its left`, t.column, t.text);
          if (peek().kind !== '(') {
            if (isFunctionName(t.text)) throw new ExpressionError(`${t.text} is a function; call it as ${t.text}(…)`, t.column, t.text);
            return { kind: 'name', name: t.text, column: t.column };
          }
          if (!isFunctionName(t.text)) {
            const known = Object.keys(FUNCTIONS).join(', ');
            throw new ExpressionError(`there is no function "${t.text}"; the functions are ${known}`, t.column, t.text);
          }
          const open = next();
          const args: ExprNode[] = [];
          if (peek().kind !== ')') {
            args.push(level(0));
            while (peek().kind === ',') {
              next();
              args.push(level(0));
            }
          }
          const close = next();
          if (close.kind !== ')')
            throw new ExpressionError(
              `expected "," or ")" in the call of ${t.text} opened at column ${open.column}, found ${describe(close)}`,
              close.column,
              close.text,
            );
          const want = FUNCTIONS[t.text];
          if (args.length !== want) throw new ExpressionError(`${t.text} takes ${want} argument${want === 1 ? '' : 's'}, got ${args.length}`, t.column, t.text);
          return { kind: 'call', fn: t.text, args, column: t.column };
        }
        case '(': {
          const inner = level(0);
          const close = next();
          if (close.kind !== ')')
            throw new ExpressionError(`expected ")" to close the "(" at column ${t.column}, found ${describe(close)}`, close.column, close.text);
          return inner;
        }
        case 'end':
          throw new ExpressionError(pos === 1 ? 'the expression is empty' : 'the expression ends where a value was expected', t.column, '');
        default:
          throw new ExpressionError(`expected a number, a name or "(", found ${describe(t)}`, t.column, t.text);
      }
    } finally {
      depth--;
    }
  };

  const tree = level(0);
  const rest = peek();
  if (rest.kind !== 'end') {
    const hint = rest.kind === ')' ? 'there is a ")" without its "("' : `expected an operator, found ${describe(rest)}`;
    throw new ExpressionError(hint, rest.column, rest.text);
  }
  return tree;
}

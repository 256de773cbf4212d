import { ExpressionError } from './expression-error';

export type TokenKind = 'number' | 'name' | 'series' | 'op' | '(' | ')' | ',' | 'end';

/** One token of an expression; `column` is 1-based. */
export interface Token {
  kind: TokenKind;
  text: string;
  column: number;
}

/** Longest first, so `<=` is not read as `<` then `=`. */
const OPERATORS = ['<=', '>=', '==', '!=', '+', '-', '*', '/', '^', '<', '>'] as const;
const NUMBER = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/** Split an expression into tokens; throws ExpressionError at the first character it cannot read. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === ' ' || ch === '\t') {
      i++;
      continue;
    }
    const column = i + 1;
    const rest = text.slice(i);
    const num = NUMBER.exec(rest);
    if (num) {
      // `2x` or `1.2.3` would otherwise read as a number and a name: say what is wrong at the number.
      const after = rest[num[0].length];
      if (after !== undefined && /[A-Za-z_.]/.test(after) && !/^[eE]/.test(rest.slice(num[0].length))) {
        throw new ExpressionError(
          'a number runs into a letter or a second decimal point; put an operator between them',
          column,
          rest.slice(0, num[0].length + 1),
        );
      }
      out.push({ kind: 'number', text: num[0], column });
      i += num[0].length;
      continue;
    }
    const name = NAME.exec(rest);
    if (name) {
      out.push({ kind: 'name', text: name[0], column });
      i += name[0].length;
      continue;
    }
    if (ch === '`') {
      // A sensor named by its series key: `B7_CH1_KW#value`.
      const close = text.indexOf('`', i + 1);
      if (close < 0) throw new ExpressionError('a series key in backquotes is not closed; add the closing `', column, '`');
      const key = text.slice(i + 1, close);
      if (key.trim() === '') throw new ExpressionError('the backquotes hold no series key', column, '``');
      out.push({ kind: 'series', text: key, column });
      i = close + 1;
      continue;
    }
    if (ch === '(' || ch === ')' || ch === ',') {
      out.push({ kind: ch, text: ch, column });
      i++;
      continue;
    }
    const op = OPERATORS.find((o) => rest.startsWith(o));
    if (op) {
      out.push({ kind: 'op', text: op, column });
      i += op.length;
      continue;
    }
    if (ch === '=') throw new ExpressionError('a single "=" is not an operator; compare with "==" (the input name goes in its own field)', column, ch);
    throw new ExpressionError(`the character ${JSON.stringify(ch)} is not part of an expression`, column, ch);
  }
  out.push({ kind: 'end', text: '', column: text.length + 1 });
  return out;
}

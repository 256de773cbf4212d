/** Why an expression cannot be read or resolved, and where: a 1-based column and the token found there. */
export class ExpressionError extends Error {
  constructor(
    /** What is wrong, without the location (the message adds it). */
    readonly reason: string,
    /** 1-based column of the token the problem is at. */
    readonly column: number,
    /** The text of that token ("" at the end of the expression). */
    readonly token: string,
  ) {
    super(`${reason} (column ${column}${token === '' ? ', at the end' : `, at ${JSON.stringify(token)}`})`);
    this.name = 'ExpressionError';
  }
}

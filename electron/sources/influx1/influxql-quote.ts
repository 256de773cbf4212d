import { twinError } from '../../../shared/api/errors';

/**
 * InfluxQL quoting. Every name and value a user chose enters a query only through these functions.
 * The InfluxQL scanner reads both quoted identifiers ("...") and string literals ('...') with the same
 * escapes: \\ \" \' and \n. So backslashes and the quote are escaped, and line breaks become \n: a raw
 * line break would end the string with a parse error. A carriage return or a NUL cannot be written in a
 * 1.6 query at all (tried against the real parser: every other control character passes as it is), so
 * a name holding one is refused rather than sent altered.
 */

function escapeQuoted(text: string, quote: '"' | "'"): string {
  let out = '';
  for (const ch of text) {
    if (ch === '\\' || ch === quote) out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r' || ch === '\u0000') {
      throw twinError(
        'invalid-input',
        `The name ${JSON.stringify(text)} holds a ${ch === '\r' ? 'carriage return' : 'NUL character'}, which an InfluxQL query cannot express; such a series cannot be queried.`,
        { where: text },
      );
    } else out += ch;
  }
  return out;
}

/** A double-quoted identifier (database, retention policy, measurement, tag key, field key). */
export function quoteIdentifier(name: string): string {
  return `"${escapeQuoted(name, '"')}"`;
}

/** A single-quoted string literal (tag values, passwords never: they travel in headers). */
export function quoteString(value: string): string {
  return `'${escapeQuoted(value, "'")}'`;
}

/** A field reference that cannot be taken for a tag of the same name. */
export function fieldRef(field: string): string {
  return `${quoteIdentifier(field)}::field`;
}

/** A tag reference that cannot be taken for a field of the same name. */
export function tagRef(tag: string): string {
  return `${quoteIdentifier(tag)}::tag`;
}

/** An instant as an InfluxQL time literal in epoch milliseconds. */
export function timeLiteral(ms: number): string {
  if (!Number.isSafeInteger(ms)) throw new RangeError(`not a whole epoch millisecond: ${ms}`);
  return `${ms}ms`;
}

/** A duration in milliseconds for GROUP BY time(...). */
export function durationLiteral(ms: number): string {
  if (!Number.isSafeInteger(ms) || ms < 0) throw new RangeError(`not a whole, non-negative duration in ms: ${ms}`);
  return `${ms}ms`;
}

/** The FROM target: the measurement, qualified by database and retention policy when one is set. */
export function fromTarget(measurement: string, database: string, retentionPolicy: string | undefined): string {
  if (retentionPolicy === undefined || retentionPolicy === '') return quoteIdentifier(measurement);
  return `${quoteIdentifier(database)}.${quoteIdentifier(retentionPolicy)}.${quoteIdentifier(measurement)}`;
}

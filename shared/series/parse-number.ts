/**
 * Strict number parsing for text inputs (CSV cells, form fields, CLI arguments), where `Number()` and
 * `parseFloat()` are both too lenient: `Number('')` is 0, `Number('0x10')` is 16, `parseFloat('12abc')`
 * is 12. Accepted: an optional sign, decimal digits with an optional `.` fraction (`5.`, `.5`), an
 * optional exponent (`-1.5e3`). Surrounding spaces and tabs are ignored (`' 7 '` is 7) because
 * historian exports pad cells. Everything else is an error with a reason: hex/octal/binary prefixes,
 * digit separators (`1_000`, `1,000`), a decimal comma (`1,5`), `Infinity`, `NaN`, empty text, and
 * values beyond the float range.
 */

export type ParsedNumber = { ok: true; value: number } | { ok: false; reason: string };

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Parse decimal text strictly; never guesses (see the file comment for what is accepted). */
export function parseNumber(text: string): ParsedNumber {
  const s = text.replace(/^[ \t]+|[ \t]+$/g, '');
  if (s === '') return { ok: false, reason: 'empty text is not a number' };
  if (!DECIMAL.test(s)) {
    if (/^[+-]?\d+,\d+$/.test(s))
      return { ok: false, reason: `${JSON.stringify(text)} has a decimal comma; write it with a dot (e.g. ${s.replace(',', '.')})` };
    if (/^[+-]?0[xob]/i.test(s)) return { ok: false, reason: `${JSON.stringify(text)} is not a decimal number (hex, octal and binary are not accepted)` };
    return { ok: false, reason: `${JSON.stringify(text)} is not a decimal number` };
  }
  const value = Number(s);
  if (!Number.isFinite(value)) return { ok: false, reason: `${JSON.stringify(text)} is beyond the range of a 64-bit float` };
  return { ok: true, value };
}

/** The number in the text, or undefined when parseNumber refuses it. */
export function numberOrUndefined(text: string): number | undefined {
  const r = parseNumber(text);
  return r.ok ? r.value : undefined;
}

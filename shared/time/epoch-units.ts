/**
 * Epoch timestamps in seconds, milliseconds, microseconds or nanoseconds, converted exactly
 * (from the text, so 19-digit nanoseconds lose nothing to floating point) and floored to whole ms.
 */
import type { InstantResult } from './wall-time';
import { quoteText } from './quote-text';

export type EpochUnit = 's' | 'ms' | 'us' | 'ns';

/** Digits to move the decimal point right to get milliseconds. */
const SHIFT: Record<EpochUnit, number> = { s: 3, ms: 0, us: -3, ns: -6 };

/** Magnitude bands that tell units apart for dates between 1973 and 5138. */
const UPPER: Record<EpochUnit, number> = { s: 1e11, ms: 1e14, us: 1e17, ns: Infinity };
const LOWER: Record<EpochUnit, number> = { s: 0, ms: 1e11, us: 1e14, ns: 1e17 };

export const EPOCH_UNIT_NAMES: Record<EpochUnit, string> = { s: 'seconds', ms: 'milliseconds', us: 'microseconds', ns: 'nanoseconds' };

const EPOCH = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/** Whether text is a plain decimal number, as epoch timestamps are written. */
export function looksLikeEpoch(text: string): boolean {
  return EPOCH.test(text);
}

/** The unit a column of epoch numbers is in, from the median magnitude; null for an empty column. */
export function inferEpochUnit(values: readonly number[]): EpochUnit | null {
  const mags = values.filter((v) => Number.isFinite(v)).map((v) => Math.abs(v));
  if (mags.length === 0) return null;
  mags.sort((a, b) => a - b);
  const median = mags[Math.floor(mags.length / 2)] as number;
  if (median < UPPER.s) return 's';
  if (median < UPPER.ms) return 'ms';
  if (median < UPPER.us) return 'us';
  return 'ns';
}

/** Whether a value's magnitude belongs to a unit's band (used when the unit was inferred, not declared). */
export function fitsEpochUnit(value: number, unit: EpochUnit): boolean {
  const m = Math.abs(value);
  return m >= LOWER[unit] && m < UPPER[unit];
}

const MAX_MS = 8.64e15;

/** Epoch text in a unit → whole epoch ms (floored), or why not. */
export function epochTextToMs(text: string, unit: EpochUnit): InstantResult {
  const m = EPOCH.exec(text);
  if (!m) return { ok: false, error: `${quoteText(text)} is not an epoch timestamp (expected digits, e.g. 1704067200)` };
  const negative = m[1] === '-';
  const digits = (m[2] as string) + (m[3] ?? '');
  const point = (m[2] as string).length + SHIFT[unit];
  const whole = point <= 0 ? '0' : digits.length >= point ? digits.slice(0, point) : digits.padEnd(point, '0');
  const rest = point <= 0 ? digits : digits.slice(Math.max(point, 0));
  let ms = Number(whole);
  if (negative && /[1-9]/.test(rest)) ms += 1;
  if (negative) ms = -ms;
  if (!Number.isSafeInteger(ms) || Math.abs(ms) > MAX_MS) return { ok: false, error: `${quoteText(text)} is out of range as epoch ${EPOCH_UNIT_NAMES[unit]}` };
  return { ok: true, ms: ms === 0 ? 0 : ms };
}

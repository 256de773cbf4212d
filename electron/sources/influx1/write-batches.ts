import type { LinePrecision } from '../../../shared/series/line-protocol';
import type { WriteResult } from '../../../shared/series/types';
import type { Redactor } from '../redactor';

/** 1.x's /write names microseconds "u" and nanoseconds "n"; an unknown value silently means nanoseconds. */
export const INFLUX1_PRECISION: Record<LinePrecision, string> = { s: 's', ms: 'ms', us: 'u', ns: 'n' };

/** Points per /write request: big enough to seed a year quickly, small enough for the default 25 MB body limit. */
export const WRITE_BATCH_POINTS = 5_000;

/**
 * What a 1.x /write answer says about one batch of `lines` points. 204: all landed. 400 with
 * "partial write: ... dropped=N": all but N landed (1.x names one cause even when several applied).
 * Lines it could not parse are listed as "unable to parse '...'", each one dropped. Other 4xx/5xx are
 * not read here: they throw before this.
 */
export function batchOutcome(status: number, body: string, lines: number, redactor: Redactor): WriteResult {
  if (status === 204 || status === 200) return { written: lines, dropped: 0, errors: [] };
  let message = body.trim();
  try {
    const json = JSON.parse(message) as { error?: unknown };
    if (typeof json.error === 'string') message = json.error;
  } catch {
    // plain text body
  }
  const partial = /partial write/i.test(message);
  let dropped = 0;
  for (const m of message.matchAll(/dropped=(\d+)/g)) dropped += Number(m[1]);
  dropped += (message.match(/unable to parse '/g) ?? []).length;
  // Without "partial write" the server rejected the whole batch.
  if (!partial || dropped > lines) dropped = lines;
  return { written: lines - dropped, dropped, errors: [redactor.quote(message, 500)] };
}

/** Whether a /write status is one batchOutcome can read (the rest are request failures). */
export function isBatchOutcome(status: number, body: string): boolean {
  return status === 204 || status === 200 || (status === 400 && /partial write|unable to parse|field type conflict|invalid/i.test(body));
}

/** Sum batch outcomes. */
export function addOutcomes(a: WriteResult, b: WriteResult): WriteResult {
  return { written: a.written + b.written, dropped: a.dropped + b.dropped, errors: a.errors.concat(b.errors) };
}

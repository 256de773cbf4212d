import { parseSeriesKey } from './series-key';
import type { WritePoint } from './types';

/** A point that cannot be written, and why. */
export class LineProtocolError extends Error {
  constructor(
    message: string,
    readonly index: number,
  ) {
    super(`Point ${index + 1}: ${message}`);
    this.name = 'LineProtocolError';
  }
}

function escapeMeasurement(name: string): string {
  return name.replace(/[, \\]/g, (c) => `\\${c}`);
}

function escapeTagOrField(name: string): string {
  return name.replace(/[,= \\]/g, (c) => `\\${c}`);
}

function checkName(name: string, what: string, index: number): void {
  if (/[\r\n]/.test(name)) throw new LineProtocolError(`the ${what} ${JSON.stringify(name)} contains a line break, which line protocol cannot carry`, index);
}

/**
 * Serialize points as line protocol with millisecond timestamps (send with `precision=ms`).
 * Values are written as floats; names with line breaks and non-finite numbers are rejected, never mangled.
 */
export function toLineProtocol(points: readonly WritePoint[]): string[] {
  const lines: string[] = [];
  points.forEach((p, i) => {
    let ref;
    try {
      ref = parseSeriesKey(p.key);
    } catch (e) {
      throw new LineProtocolError((e as Error).message, i);
    }
    if (typeof p.value !== 'number' || !Number.isFinite(p.value)) throw new LineProtocolError(`the value ${String(p.value)} is not a finite number`, i);
    if (!Number.isSafeInteger(p.t)) throw new LineProtocolError(`the timestamp ${String(p.t)} is not whole epoch milliseconds`, i);
    checkName(ref.measurement, 'measurement', i);
    checkName(ref.field, 'field', i);
    let line = escapeMeasurement(ref.measurement);
    for (const [k, v] of Object.entries(ref.tags)) {
      checkName(k, 'tag key', i);
      checkName(v, 'tag value', i);
      line += `,${escapeTagOrField(k)}=${escapeTagOrField(v)}`;
    }
    line += ` ${escapeTagOrField(ref.field)}=${formatFloat(p.value)} ${p.t}`;
    lines.push(line);
  });
  return lines;
}

/** A float as line protocol reads it back exactly (shortest round-trip form, always with a decimal mark or exponent). */
export function formatFloat(v: number): string {
  const s = String(v);
  return /[.e]/.test(s) ? s : `${s}.0`;
}

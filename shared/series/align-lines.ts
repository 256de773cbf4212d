import type { LineValue } from './m4';

/** A line as times and values (values may be vertices, pen lifts or holes; see LineValue). */
export interface TimedLine {
  t: ArrayLike<number>;
  v: ArrayLike<LineValue>;
}

/**
 * Put several lines on one ascending time axis, as uPlot's aligned data wants: each row holds at most one
 * entry of each line, in each line's own order, and `undefined` where a line has none (it is passed over,
 * not broken). Lines sharing one times array (the M4 lines of one query) are returned as they are.
 */
export function alignLines(lines: readonly TimedLine[]): { t: ArrayLike<number>; v: ArrayLike<LineValue>[] } {
  const first = lines[0];
  if (!first) return { t: [], v: [] };
  if (lines.every((l) => l.t === first.t)) return { t: first.t, v: lines.map((l) => l.v) };
  const heads = lines.map(() => 0);
  const t: number[] = [];
  const v: LineValue[][] = lines.map(() => []);
  for (;;) {
    let next = Infinity;
    for (let k = 0; k < lines.length; k++) {
      const l = lines[k] as TimedLine;
      const h = heads[k] as number;
      if (h < l.t.length && (l.t[h] as number) < next) next = l.t[h] as number;
    }
    if (next === Infinity) break;
    t.push(next);
    for (let k = 0; k < lines.length; k++) {
      const l = lines[k] as TimedLine;
      const h = heads[k] as number;
      const out = v[k] as LineValue[];
      if (h < l.t.length && l.t[h] === next) {
        out.push(l.v[h]);
        heads[k] = h + 1;
      } else out.push(undefined);
    }
  }
  return { t, v };
}

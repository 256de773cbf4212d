import type { TimeRange } from './types';

/** Sorted, merged copy of half-open ranges (touching ranges join). */
export function mergeRanges(ranges: readonly TimeRange[]): TimeRange[] {
  const sorted = ranges.filter((r) => r.to > r.from).sort((a, b) => a.from - b.from);
  const out: TimeRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.from <= last.to) last.to = Math.max(last.to, r.to);
    else out.push({ from: r.from, to: r.to });
  }
  return out;
}

/** The parts of `range` that no range in `covered` holds, in time order. */
export function subtractRanges(range: TimeRange, covered: readonly TimeRange[]): TimeRange[] {
  const out: TimeRange[] = [];
  let at = range.from;
  for (const c of mergeRanges(covered)) {
    if (c.to <= at) continue;
    if (c.from >= range.to) break;
    if (c.from > at) out.push({ from: at, to: c.from });
    at = Math.max(at, c.to);
    if (at >= range.to) break;
  }
  if (at < range.to) out.push({ from: at, to: range.to });
  return out;
}

/** Whether the ranges together hold all of `range`. */
export function coversRange(covered: readonly TimeRange[], range: TimeRange): boolean {
  return subtractRanges(range, covered).length === 0;
}

/** The overlap of two ranges, or null. */
export function intersectRange(a: TimeRange, b: TimeRange): TimeRange | null {
  const from = Math.max(a.from, b.from);
  const to = Math.min(a.to, b.to);
  return to > from ? { from, to } : null;
}

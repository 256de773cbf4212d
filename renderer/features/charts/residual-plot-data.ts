/** The residual chart's data: the run's aligned rows as plot columns, broken where rows were dropped. */
import type { TimeRange } from '../../../shared/series/types';

export interface ResidualColumns {
  t: number[];
  actual: (number | null)[];
  predicted: (number | null)[];
  residual: (number | null)[];
}

/**
 * Plot columns from a run's rows. Rows dropped for missing inputs leave a hole in the time grid; a null row
 * at the first missing step makes the lines break there instead of bridging the hole.
 */
export function residualColumns(
  series: { t: readonly number[]; actual: readonly number[]; predicted: readonly number[]; residual: readonly number[] },
  resolutionMs: number,
): ResidualColumns {
  const out: ResidualColumns = { t: [], actual: [], predicted: [], residual: [] };
  for (let i = 0; i < series.t.length; i++) {
    const t = series.t[i] as number;
    const prev = i > 0 ? (series.t[i - 1] as number) : null;
    if (prev !== null && t - prev > resolutionMs * 1.5) {
      out.t.push(prev + resolutionMs);
      out.actual.push(null);
      out.predicted.push(null);
      out.residual.push(null);
    }
    out.t.push(t);
    out.actual.push(series.actual[i] ?? null);
    out.predicted.push(series.predicted[i] ?? null);
    out.residual.push(series.residual[i] ?? null);
  }
  return out;
}

/** Where an episode is drawn on a plot of `range`: its left edge and width as fractions of the plot's width; null outside. */
export function episodeSpan(e: { start: number; end: number; ongoing: boolean }, range: TimeRange): { left: number; width: number } | null {
  const span = range.to - range.from;
  const end = e.ongoing ? range.to : e.end;
  if (span <= 0 || end < range.from || e.start > range.to) return null;
  const a = Math.max(e.start, range.from);
  const b = Math.min(end, range.to);
  return { left: (a - range.from) / span, width: Math.max(b - a, 0) / span };
}

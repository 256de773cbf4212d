/**
 * What a residual run says at one instant: the row holding it, the episodes open there, and how far past its
 * threshold the residual is. The value layer's badge and the residual chart's cursor read it.
 */

/** The parts of a run this needs (a ResidualRun, as the API answers it). */
export interface RunAtView {
  resolutionMs: number;
  fit: { residualCentre: number };
  levels: { threshold: number | null; drift: number | null };
  series: { t: readonly number[]; residual: readonly number[] };
  episodes: readonly { start: number; end: number; direction: 'high' | 'low'; detector: 'threshold' | 'drift'; ongoing: boolean }[];
}

/** The row whose window [t, t + resolution) holds `at`, or -1 (before the first, after the last, or in a dropped row). */
export function rowAt(t: readonly number[], resolutionMs: number, at: number): number {
  let lo = 0;
  let hi = t.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((t[mid] as number) <= at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 && at < (t[found] as number) + resolutionMs ? found : -1;
}

/** Whether an episode is open at an instant: from its start up to its end (an ongoing one stays open past the run). */
export function isOpenAt(e: { start: number; end: number; ongoing: boolean }, at: number): boolean {
  return at >= e.start && (e.ongoing || at <= e.end);
}

export interface ResidualAt<E> {
  /** The episodes open at the instant, in the run's order. */
  open: E[];
  /** Residual minus the training centre at the row holding the instant; null when no row holds it. */
  residual: number | null;
  /** |residual| over the threshold level (1 = on the line); null without a residual or a threshold level. */
  severity: number | null;
}

/** The residual at an instant and the episodes open there. */
export function residualAt<R extends RunAtView>(run: R, at: number): ResidualAt<R['episodes'][number]> {
  const open = run.episodes.filter((e) => isOpenAt(e, at));
  const i = rowAt(run.series.t, run.resolutionMs, at);
  const residual = i < 0 ? null : (run.series.residual[i] as number) - run.fit.residualCentre;
  const level = run.levels.threshold ?? run.levels.drift;
  const severity = residual === null || level === null || level <= 0 ? null : Math.abs(residual) / level;
  return { open, residual, severity };
}

/** How a badge is coloured: within the threshold, past it, more than twice past, more than four times. */
export type SeverityBand = 'within' | 'over' | 'high' | 'severe';

export function severityBand(severity: number | null): SeverityBand {
  if (severity === null || severity < 1) return 'within';
  if (severity < 2) return 'over';
  return severity < 4 ? 'high' : 'severe';
}

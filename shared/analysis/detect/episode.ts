/** The detectors a residual run has. */
export type Detector = 'threshold' | 'drift';

/** A stretch of time the residual says something is off: what the episode list shows and `twin_alert` stores. */
export interface Episode {
  /** Epoch ms: the start of the first window of the episode, and the end of its last (exclusive). */
  start: number;
  end: number;
  /** The residual furthest from the centre in the episode's direction, and the mean residual over it (target units). */
  peak: number;
  mean: number;
  direction: 'high' | 'low';
  detector: Detector;
  /** When the detector would have raised the alarm watching live: the window at which it decided. */
  detectedAt: number;
  /** The level that was crossed, in target units: k × spread (threshold), the EWMA limit × spread (drift). */
  threshold: number;
  /** Still open at the end of the data. */
  ongoing: boolean;
}

/** The residuals detectors look at: kept rows only, in time order. */
export interface ResidualRows {
  /** Window start of each row, epoch ms. */
  t: Float64Array;
  residual: Float64Array;
  /** Window width, ms (an episode ends at the end of its last window). */
  resolutionMs: number;
  /** Median and robust spread of the training residuals. */
  centre: number;
  spread: number;
}

/** Summarise rows [first, last] of an episode. */
export function summarise(
  rows: ResidualRows,
  first: number,
  last: number,
  sign: 1 | -1,
  detector: Detector,
  decided: number,
  threshold: number,
  ongoing: boolean,
): Episode {
  let peak = rows.residual[first] as number;
  let sum = 0;
  for (let i = first; i <= last; i++) {
    const r = rows.residual[i] as number;
    sum += r;
    if (sign * (r - rows.centre) > sign * (peak - rows.centre)) peak = r;
  }
  return {
    start: rows.t[first] as number,
    end: (rows.t[last] as number) + rows.resolutionMs,
    peak,
    mean: sum / (last - first + 1),
    direction: sign > 0 ? 'high' : 'low',
    detector,
    detectedAt: rows.t[decided] as number,
    threshold,
    ongoing,
  };
}

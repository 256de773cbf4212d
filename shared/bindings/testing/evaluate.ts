import type { SeriesStats } from '../../api/binding-schemas';
import { collectColumns } from '../../sim/collect-columns';
import { SIM_DAYS } from '../../sim/sim-clock';
import { SIM_SERIES } from '../../sim/sim-series';
import { measuredAssetOf } from '../../twin/asset-sensors';
import type { Sensor } from '../../twin/schema';
import type { TwinState } from '../../twin/state';
import type { Suggestion } from '../suggest';

/** Precision and recall of suggestions at one confidence threshold. */
export interface ScoredThreshold {
  threshold: number;
  /** Suggestions at or above the threshold, and how many of those are right. */
  offered: number;
  correct: number;
  precision: number;
  recall: number;
}

/**
 * Whether a suggestion binds what the original binding bound: the same role, and the same asset or the
 * same measured asset (CH-1's power bound to CH-1 is CH-1's power bound to JT-115, wired to it).
 */
export function isCorrect(twin: TwinState, s: Suggestion, truth: Sensor): boolean {
  if (s.role !== truth.role || truth.assetId === null) return false;
  return s.assetId === truth.assetId || measuredAssetOf(twin, { assetId: s.assetId }) === measuredAssetOf(twin, truth);
}

/** Precision and recall at a threshold; recall counts every series that had a binding. */
export function scoreAt(twin: TwinState, suggestions: readonly Suggestion[], truth: ReadonlyMap<string, Sensor>, threshold: number): ScoredThreshold {
  const offered = suggestions.filter((s) => s.confidence >= threshold);
  const correct = offered.filter((s) => {
    const t = truth.get(s.series);
    return t !== undefined && isCorrect(twin, s, t);
  }).length;
  return { threshold, offered: offered.length, correct, precision: offered.length ? correct / offered.length : 1, recall: correct / truth.size };
}

/** The precision–recall curve over thresholds 0, 0.05 … 1. */
export function curve(twin: TwinState, suggestions: readonly Suggestion[], truth: ReadonlyMap<string, Sensor>): ScoredThreshold[] {
  return Array.from({ length: 21 }, (_, i) => scoreAt(twin, suggestions, truth, Math.round(i * 5) / 100));
}

/** Stats of each demo point over the last simulated week, as `seriesStats` computes them from the store. */
export function demoStats(days = 7): Map<string, SeriesStats> {
  const cols = collectColumns({ fromDay: SIM_DAYS - days, toDay: SIM_DAYS });
  const out = new Map<string, SeriesStats>();
  for (const s of SIM_SERIES) {
    const v = Array.from(cols.get(s.name)).filter((x) => !Number.isNaN(x));
    const n = v.length;
    const sum = v.reduce((a, b) => a + b, 0);
    out.set(s.name, {
      key: s.key,
      unit: s.unit,
      lastSeen: cols.t[cols.t.length - 1] ?? null,
      count: n,
      min: n ? Math.min(...v) : null,
      max: n ? Math.max(...v) : null,
      mean: n ? sum / n : null,
      binaryFraction: n ? v.filter((x) => x === 0 || x === 1).length / n : null,
    });
  }
  return out;
}

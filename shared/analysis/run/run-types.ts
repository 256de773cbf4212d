import type { Episode } from '../detect/episode';
import type { ResolvedModel } from '../model/resolve-model';

/** A half-open range of epoch ms. */
export interface MsRange {
  from: number;
  to: number;
}

/** The inputs aligned on one grid: window means per series key, NaN where a window had no point. */
export interface AlignedData {
  /** Window starts, epoch ms, `resolutionMs` apart. */
  t: Float64Array;
  columns: Record<string, Float64Array>;
}

/** Everything a run computes from, as it crosses to the worker (structured-clone friendly). */
export interface RunRequest {
  resolved: ResolvedModel;
  data: AlignedData;
  analysis: MsRange;
}

/** Why rows of the grid were left out, each row counted once under its first reason. */
export interface DroppedReason {
  reason: string;
  rows: number;
}

export interface FitSummary {
  /** In the features' own units: intercept and one per feature (`load`, `load^2`, `load*lift`). */
  coefficients: Record<string, number>;
  /** Coefficient of determination on the training rows. */
  r2: number;
  /** 1.4826 × MAD of the training residuals (σ for normal noise), target units; and their median. */
  residualSpread: number;
  residualCentre: number;
  /** Rows of the grid that have the target and every input used, and those left out. */
  rows: number;
  droppedRows: number;
  dropped: DroppedReason[];
  trainingRows: number;
  training: MsRange;
  /** Training rows the robust fit left out as outliers. */
  outlierRows: number;
  /** Inputs whose run values go well outside what training saw: predictions there are extrapolations. */
  extrapolation: { input: string; trainingMin: number; trainingMax: number; outsideFraction: number }[];
}

/** What a run gives back: the fit, the aligned series (kept rows only) and the episodes. */
export interface RunResult {
  fit: FitSummary;
  series: { t: Float64Array; actual: Float64Array; predicted: Float64Array; residual: Float64Array };
  episodes: Episode[];
  /** Levels the detectors used, target units (null when that detector is off). */
  levels: { threshold: number | null; drift: number | null };
  resolutionMs: number;
}

export type RunStage = 'inputs' | 'fit' | 'detect';
export type RunProgress = (stage: RunStage, fraction: number) => void;

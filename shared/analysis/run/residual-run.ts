import { detectDrift } from '../detect/drift-detector';
import type { Episode, ResidualRows } from '../detect/episode';
import { detectThreshold } from '../detect/threshold-detector';
import { FitError } from '../fit/fit-error';
import { fitRegression, predictRows } from '../fit/fit-regression';
import { medianAndSpread, pick } from '../fit/robust-stats';
import { AnalysisError } from './analysis-error';
import { featureColumns, inputColumns } from './input-columns';
import { keptRows } from './kept-rows';
import type { FitSummary, MsRange, RunProgress, RunRequest, RunResult } from './run-types';

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * A residual run on inputs already aligned on one grid: evaluate the inputs, leave out rows missing one
 * (counting why), fit on the training rows, predict every kept row, and find episodes in the residuals.
 * Pure and synchronous: the main process runs it on a worker thread.
 */
export function runResidualAnalysis(request: RunRequest, progress: RunProgress = () => undefined): RunResult {
  const { resolved, data, analysis } = request;
  const model = resolved.model;
  const rows = data.t.length;
  const where = `between ${iso(analysis.from)} and ${iso(analysis.to)}`;
  progress('inputs', 0);
  const cols = inputColumns(resolved, data);
  const kept = keptRows(resolved, cols, rows, where);
  progress('inputs', 1);

  const training: MsRange = model.training ?? analysis;
  const trainList: number[] = [];
  for (let k = 0; k < kept.rows.length; k++) {
    const t = data.t[kept.rows[k] as number] as number;
    if (t >= training.from && t < training.to) trainList.push(kept.rows[k] as number);
  }
  const train = Int32Array.from(trainList);
  const features = featureColumns(resolved, cols.inputs, rows);
  progress('fit', 0);
  let fit;
  try {
    fit = fitRegression({
      features: resolved.features.map((f, j) => ({ name: f.name, column: features[j] as Float64Array })),
      target: cols.target,
      train,
      ridge: model.ridge,
      robust: model.robust,
      targetName: `The target ${resolved.target.series}`,
    });
  } catch (e) {
    if (!(e instanceof FitError)) throw e;
    const range = model.training ? `the training range ${iso(training.from)} to ${iso(training.to)}` : `the run's range (${where})`;
    throw new AnalysisError(e.code, `${e.message} (${resolved.assetLabel} model "${model.name || model.id}", training on ${range}.)`);
  }
  progress('fit', 0.8);

  const predictedAll = predictRows(fit, features, rows);
  const n = kept.rows.length;
  const t = pick(data.t, kept.rows);
  const actual = pick(cols.target, kept.rows);
  const predicted = pick(predictedAll, kept.rows);
  const residual = new Float64Array(n);
  for (let i = 0; i < n; i++) residual[i] = (actual[i] as number) - (predicted[i] as number);
  const trainResidual = new Float64Array(train.length);
  let ssRes = 0;
  let yMean = 0;
  for (let i = 0; i < train.length; i++) {
    const r = train[i] as number;
    trainResidual[i] = (cols.target[r] as number) - (predictedAll[r] as number);
    ssRes += (trainResidual[i] as number) ** 2;
    yMean += cols.target[r] as number;
  }
  yMean /= train.length;
  let ssTot = 0;
  for (let i = 0; i < train.length; i++) ssTot += ((cols.target[train[i] as number] as number) - yMean) ** 2;
  const stats = medianAndSpread(trainResidual);
  // A perfect fit has no spread; a floor keeps the detectors from alarming on rounding.
  const spread = Math.max(stats.spread, 1e-9 * (Math.abs(yMean) + 1));
  progress('fit', 1);

  progress('detect', 0);
  const residualRows: ResidualRows = { t, residual, resolutionMs: model.resolutionMs, centre: stats.median, spread };
  const { threshold, drift } = model.detection;
  const episodes: Episode[] = [
    ...(threshold.enabled ? detectThreshold(residualRows, threshold) : []),
    ...(drift.enabled ? detectDrift(residualRows, drift) : []),
  ].sort((a, b) => a.start - b.start || (a.detector < b.detector ? -1 : 1));
  progress('detect', 1);

  const summary: FitSummary = {
    coefficients: fit.coefficients,
    r2: ssTot > 0 ? 1 - ssRes / ssTot : 0,
    residualSpread: spread,
    residualCentre: stats.median,
    rows: n,
    droppedRows: rows - n,
    dropped: kept.dropped,
    trainingRows: train.length,
    training,
    outlierRows: fit.excludedRows,
    extrapolation: extrapolation(resolved.features, cols.inputs, kept.rows, train),
  };
  return {
    fit: summary,
    series: { t, actual, predicted, residual },
    episodes,
    levels: { threshold: threshold.enabled ? threshold.k * spread : null, drift: drift.enabled ? drift.limit * spread : null },
    resolutionMs: model.resolutionMs,
  };
}

/** Inputs of the features whose values in the run fall outside the training range for more than 5 % of rows. */
function extrapolation(
  features: RunRequest['resolved']['features'],
  inputs: ReadonlyMap<string, Float64Array>,
  kept: Int32Array,
  train: Int32Array,
): FitSummary['extrapolation'] {
  const names = [...new Set(features.flatMap((f) => f.of))];
  const out: FitSummary['extrapolation'] = [];
  for (const name of names) {
    const col = inputs.get(name) as Float64Array;
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < train.length; i++) {
      const v = col[train[i] as number] as number;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    const margin = 0.02 * (hi - lo);
    let outside = 0;
    for (let i = 0; i < kept.length; i++) {
      const v = col[kept[i] as number] as number;
      if (v < lo - margin || v > hi + margin) outside++;
    }
    const fraction = kept.length ? outside / kept.length : 0;
    if (fraction > 0.05) out.push({ input: name, trainingMin: lo, trainingMax: hi, outsideFraction: fraction });
  }
  return out;
}

import { cholesky, choleskySolve } from './cholesky';
import { checkCollinear } from './collinearity';
import { FitError } from './fit-error';
import { medianAndSpread, pick } from './robust-stats';

export interface RegressionInput {
  /** Feature columns over all rows (NaN-free at the training rows). */
  features: readonly { name: string; column: Float64Array }[];
  target: Float64Array;
  /** Indices of the rows to learn from. */
  train: Int32Array;
  /** Ridge penalty on standardised features, relative to the number of training rows. */
  ridge: number;
  /** Down-weight outliers (Huber, then Tukey's bisquare) by iteratively reweighted least squares. */
  robust: boolean;
  /** What the target is called in messages. */
  targetName?: string;
}

export interface RegressionFit {
  names: string[];
  /** In the features' own units: `intercept` and one per feature. */
  coefficients: Record<string, number>;
  /** Standardisation of each feature over the training rows, and the coefficients on standardised features (intercept first). */
  means: Float64Array;
  scales: Float64Array;
  beta: Float64Array;
  iterations: number;
  /** Training rows the robust weights left out entirely, and those weighted down. */
  excludedRows: number;
  downWeightedRows: number;
}

const HUBER_K = 1.345;
const BISQUARE_C = 4.685;
const MAX_ITERATIONS = 50;
const HUBER_STEPS = 3;

/** Fewest training rows for a model with p features: enough that the spread of the residuals means something. */
export function minTrainingRows(p: number): number {
  return Math.max(30, 10 * (p + 1));
}

/**
 * Ridge least squares on standardised features (each feature centred and scaled over the training rows;
 * the intercept is not penalised), solved by Cholesky on the normal equations, which standardisation keeps
 * well conditioned. Collinear and constant features are refused by name rather than split arbitrarily.
 * Robust: Huber then bisquare weights from the MAD of the residuals, until the coefficients settle.
 */
export function fitRegression(input: RegressionInput): RegressionFit {
  const { features, target, train } = input;
  const p = features.length;
  const n = train.length;
  const names = features.map((f) => f.name);
  const targetName = input.targetName ?? 'the target';
  if (n === 0) throw new FitError('no-rows', 'No training rows have the target and every input; nothing to learn from.');
  if (n < minTrainingRows(p))
    throw new FitError(
      'too-few-rows',
      `Only ${n} training row${n === 1 ? '' : 's'} have the target and every input; a model with ${p} feature${p === 1 ? '' : 's'} needs at least ${minTrainingRows(p)}. Widen the training range, or check the filter and the inputs' data.`,
    );

  const y = pick(target, train);
  const ys = moments(y);
  if (ys.std <= 1e-12 * (Math.abs(ys.mean) + 1e-300) || ys.std === 0)
    throw new FitError(
      'constant-target',
      `${targetName} is constant (${ys.mean}) in every training row: there is nothing to predict. Check the sensor, or train on a range where it varies.`,
    );

  // Standardised design, row-major, training rows only.
  const means = new Float64Array(p);
  const scales = new Float64Array(p);
  const z = new Float64Array(n * p);
  features.forEach((f, j) => {
    const x = pick(f.column, train);
    const m = moments(x);
    if (!(m.std > 1e-12 * Math.hypot(m.mean, m.std)))
      throw new FitError(
        'constant-feature',
        `The input ${f.name} is constant (${m.mean}) in every training row, so its effect cannot be learned. Remove it from the features, or widen the training range.`,
        [f.name],
      );
    means[j] = m.mean;
    scales[j] = m.std;
    for (let i = 0; i < n; i++) z[i * p + j] = ((x[i] as number) - m.mean) / m.std;
  });

  const corr = new Float64Array(p * p);
  for (let i = 0; i < n; i++) {
    const o = i * p;
    for (let a = 0; a < p; a++) {
      const za = z[o + a] as number;
      for (let b = 0; b <= a; b++) corr[a * p + b] = (corr[a * p + b] as number) + za * (z[o + b] as number);
    }
  }
  for (let a = 0; a < p; a++) for (let b = 0; b <= a; b++) corr[b * p + a] = corr[a * p + b] = (corr[a * p + b] as number) / n;
  checkCollinear(corr, p, names, means, scales);

  const w = new Float64Array(n).fill(1);
  let beta = solveWeighted(z, y, w, n, p, input.ridge);
  let iterations = 1;
  const r = new Float64Array(n);
  if (input.robust) {
    // Huber steps from the least-squares start, then bisquare steps with the scale of the last Huber fit held
    // fixed (as MM-estimation does): re-estimating the scale every step costs two selections of n values and
    // lets it shrink towards the inliers. The bisquare refinement stops once no coefficient moves by 1e-7.
    let spread = 0;
    for (let it = 0; it < MAX_ITERATIONS; it++) {
      const huber = it < HUBER_STEPS;
      if (it <= HUBER_STEPS) {
        residuals(z, y, beta, n, p, r);
        spread = medianAndSpread(r).spread;
        if (!(spread > 0)) break;
      } else residuals(z, y, beta, n, p, r);
      const inv = 1 / spread;
      for (let i = 0; i < n; i++) {
        const u = Math.abs(r[i] as number) * inv;
        if (huber) w[i] = u <= HUBER_K ? 1 : HUBER_K / u;
        else {
          const v = u / BISQUARE_C;
          w[i] = v < 1 ? (1 - v * v) ** 2 : 0;
        }
      }
      const next = solveWeighted(z, y, w, n, p, input.ridge);
      iterations++;
      let change = 0;
      for (let j = 0; j <= p; j++) change = Math.max(change, Math.abs((next[j] as number) - (beta[j] as number)) / (1 + Math.abs(beta[j] as number)));
      beta = next;
      if (!huber && change < 1e-7) break;
    }
  }
  let excluded = 0;
  let down = 0;
  if (input.robust)
    for (let i = 0; i < n; i++) {
      if ((w[i] as number) === 0) excluded++;
      else if ((w[i] as number) < 0.5) down++;
    }

  const coefficients: Record<string, number> = { intercept: beta[0] as number };
  let intercept = beta[0] as number;
  names.forEach((name, j) => {
    const c = (beta[j + 1] as number) / (scales[j] as number);
    coefficients[name] = c;
    intercept -= c * (means[j] as number);
  });
  coefficients.intercept = intercept;
  return { names, coefficients, means, scales, beta, iterations, excludedRows: excluded, downWeightedRows: down };
}

/** Predict the target for every row (NaN where a feature is missing). */
export function predictRows(fit: RegressionFit, features: readonly Float64Array[], rows: number): Float64Array {
  const out = new Float64Array(rows).fill(fit.beta[0] as number);
  features.forEach((col, j) => {
    const b = (fit.beta[j + 1] as number) / (fit.scales[j] as number);
    const m = fit.means[j] as number;
    for (let i = 0; i < rows; i++) out[i] = (out[i] as number) + b * ((col[i] as number) - m);
  });
  return out;
}

function moments(x: Float64Array): { mean: number; std: number } {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] as number;
  const mean = s / x.length;
  let v = 0;
  for (let i = 0; i < x.length; i++) v += ((x[i] as number) - mean) ** 2;
  return { mean, std: Math.sqrt(v / x.length) };
}

function residuals(z: Float64Array, y: Float64Array, beta: Float64Array, n: number, p: number, out: Float64Array): void {
  for (let i = 0; i < n; i++) {
    let f = beta[0] as number;
    const o = i * p;
    for (let j = 0; j < p; j++) f += (beta[j + 1] as number) * (z[o + j] as number);
    out[i] = (y[i] as number) - f;
  }
}

/** Solve (AᵀWA + λ·Σw·diag(0,1,…,1)) β = AᵀWy for A = [1 | Z]. */
function solveWeighted(z: Float64Array, y: Float64Array, w: Float64Array, n: number, p: number, ridge: number): Float64Array {
  const q = p + 1;
  // Lower triangle of AᵀWA for A = [1 | Z], accumulated row by row without building A.
  const m = new Float64Array(q * q);
  const rhs = new Float64Array(q);
  let sw = 0;
  let swy = 0;
  for (let i = 0; i < n; i++) {
    const wi = w[i] as number;
    if (wi === 0) continue;
    const yi = y[i] as number;
    sw += wi;
    swy += wi * yi;
    const o = i * p;
    for (let a = 0; a < p; a++) {
      const wza = wi * (z[o + a] as number);
      const ra = (a + 1) * q;
      rhs[a + 1] = (rhs[a + 1] as number) + wza * yi;
      m[ra] = (m[ra] as number) + wza;
      for (let b = 0; b <= a; b++) m[ra + b + 1] = (m[ra + b + 1] as number) + wza * (z[o + b] as number);
    }
  }
  m[0] = sw;
  rhs[0] = swy;
  for (let a = 0; a < q; a++) for (let b = 0; b < a; b++) m[b * q + a] = m[a * q + b] as number;
  for (let j = 1; j < q; j++) m[j * q + j] = (m[j * q + j] as number) + ridge * sw;
  const l = cholesky(m, q);
  if (!l)
    throw new FitError(
      'collinear',
      'The training rows do not determine the coefficients (the weighted inputs are collinear). Widen the training range or remove an input.',
    );
  return choleskySolve(l, q, rhs);
}

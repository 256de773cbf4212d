import { cholesky, choleskySolve } from './cholesky';
import { FitError } from './fit-error';

/** 1 − R² below which a feature counts as a linear combination of the ones before it. */
export const COLLINEAR_TOLERANCE = 1e-9;

function fmt(x: number): string {
  return Number(x.toPrecision(4)).toString();
}

/**
 * Throw a FitError naming the features that are linear combinations of each other, judged on the
 * correlation matrix of the standardised training columns (`corr`, p×p): each feature is regressed on the
 * earlier independent ones, and one explained to within COLLINEAR_TOLERANCE is reported with the
 * combination, in the features' own units.
 */
export function checkCollinear(corr: Float64Array, p: number, names: readonly string[], means: Float64Array, scales: Float64Array): void {
  const kept: number[] = [];
  for (let j = 0; j < p; j++) {
    if (kept.length > 0) {
      const m = kept.length;
      const sub = new Float64Array(m * m);
      const rhs = new Float64Array(m);
      kept.forEach((a, r) => {
        rhs[r] = corr[a * p + j] as number;
        kept.forEach((b, c) => (sub[r * m + c] = corr[a * p + b] as number));
      });
      const l = cholesky(sub, m, 1e-15);
      if (l) {
        const b = choleskySolve(l, m, rhs);
        let explained = 0;
        for (let r = 0; r < m; r++) explained += (b[r] as number) * (rhs[r] as number);
        if (1 - explained < COLLINEAR_TOLERANCE) {
          // z_j = Σ b_r z_r  →  x_j = μ_j + σ_j Σ b_r (x_r − μ_r) / σ_r
          const parts: string[] = [];
          let constant = means[j] as number;
          const involved: string[] = [];
          kept.forEach((a, r) => {
            const coef = ((scales[j] as number) * (b[r] as number)) / (scales[a] as number);
            if (Math.abs(b[r] as number) < 1e-6) return;
            involved.push(names[a] as string);
            constant -= coef * (means[a] as number);
            parts.push(`${fmt(coef)}·${names[a]}`);
          });
          const rhsText = [...parts, ...(Math.abs(constant) > 1e-9 * (Math.abs(means[j] as number) + 1) ? [fmt(constant)] : [])]
            .join(' + ')
            .replace(/\+ -/g, '− ');
          const name = names[j] as string;
          const list = (xs: readonly string[]): string => (xs.length === 1 ? (xs[0] as string) : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);
          const others = list(involved);
          throw new FitError(
            'collinear',
            `The inputs ${list([name, ...involved])} are collinear in the training rows (${name} ≈ ${rhsText}): the fit cannot tell them apart. Remove ${name} or ${involved.length === 1 ? others : `one of ${others}`} from the features, or widen the training range.`,
            [name, ...involved],
          );
        }
      }
    }
    kept.push(j);
  }
}

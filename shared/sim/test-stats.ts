/** Small statistics the simulator's tests judge the generated data with. */

/** Mean of the finite values in [from, to) of a column (NaN when there are none). */
export function meanOf(col: ArrayLike<number>, from = 0, to = col.length): number {
  let s = 0;
  let n = 0;
  for (let i = from; i < to; i++) {
    const v = col[i] as number;
    if (v === v) {
      s += v;
      n++;
    }
  }
  return n ? s / n : NaN;
}

/** Population standard deviation of the finite values in [from, to). */
export function stdOf(col: ArrayLike<number>, from = 0, to = col.length): number {
  const m = meanOf(col, from, to);
  let s = 0;
  let n = 0;
  for (let i = from; i < to; i++) {
    const v = col[i] as number;
    if (v === v) {
      s += (v - m) * (v - m);
      n++;
    }
  }
  return n ? Math.sqrt(s / n) : NaN;
}

/** The p-quantile (0–1) of some numbers. */
export function quantile(values: readonly number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.round(p * (s.length - 1))))] ?? NaN;
}

/** Least-squares coefficients β minimizing |Xβ − y|² (normal equations, Gaussian elimination with pivoting). */
export function leastSquares(rows: readonly number[][], y: readonly number[]): number[] {
  const k = rows[0]?.length ?? 0;
  const a = Array.from({ length: k }, () => new Array<number>(k + 1).fill(0));
  rows.forEach((r, n) => {
    for (let i = 0; i < k; i++) {
      const ai = a[i] as number[];
      for (let j = 0; j < k; j++) ai[j] = (ai[j] as number) + (r[i] as number) * (r[j] as number);
      ai[k] = (ai[k] as number) + (r[i] as number) * (y[n] as number);
    }
  });
  for (let c = 0; c < k; c++) {
    let p = c;
    for (let r = c + 1; r < k; r++) if (Math.abs((a[r] as number[])[c] as number) > Math.abs((a[p] as number[])[c] as number)) p = r;
    [a[c], a[p]] = [a[p] as number[], a[c] as number[]];
    const pivot = a[c] as number[];
    for (let r = 0; r < k; r++) {
      if (r === c) continue;
      const row = a[r] as number[];
      const f = (row[c] as number) / (pivot[c] as number);
      for (let j = c; j <= k; j++) row[j] = (row[j] as number) - f * (pivot[j] as number);
    }
  }
  return a.map((row, i) => (row[k] as number) / (row[i] as number));
}

/** The lag (in rows, within ±maxLag) at which b best follows a: argmax over L of Σ a[i]·b[i+L], skipping NaN. */
export function bestLag(a: ArrayLike<number>, b: ArrayLike<number>, maxLag: number): number {
  let best = 0;
  let bestScore = -Infinity;
  for (let lag = -maxLag; lag <= maxLag; lag++) {
    let s = 0;
    for (let i = Math.max(0, -lag); i < a.length && i + lag < b.length; i++) {
      const x = (a[i] as number) * (b[i + lag] as number);
      if (x === x) s += x;
    }
    if (s > bestScore) {
      bestScore = s;
      best = lag;
    }
  }
  return best;
}

/** First differences of a column (NaN where either side is missing). */
export function diff(col: ArrayLike<number>, from = 0, to = col.length): Float64Array {
  const out = new Float64Array(Math.max(0, to - from - 1));
  for (let i = from + 1; i < to; i++) out[i - from - 1] = (col[i] as number) - (col[i - 1] as number);
  return out;
}

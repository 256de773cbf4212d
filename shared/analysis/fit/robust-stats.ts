/** Robust statistics over parts of columns, without sorting whole arrays. */

/** Scale from the median absolute deviation to the standard deviation of normal data. */
export const MAD_TO_SIGMA = 1.4826;

/** The k-th smallest value (0-based) of `a`, rearranging `a` (Hoare's quickselect, O(n)). */
function select(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] as number) < pivot) i++;
      while ((a[j] as number) > pivot) j--;
      if (i <= j) {
        const t = a[i] as number;
        a[i] = a[j] as number;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k] as number;
  }
  return a[k] as number;
}

/** Median of the values (a copy is rearranged); NaN for none. */
export function median(values: Float64Array): number {
  const n = values.length;
  if (n === 0) return NaN;
  const a = Float64Array.from(values);
  const upper = select(a, n >> 1);
  if (n % 2 === 1) return upper;
  // The largest value below the upper middle is the maximum of the lower half after selecting.
  let lower = -Infinity;
  for (let i = 0; i < n >> 1; i++) if ((a[i] as number) > lower) lower = a[i] as number;
  return (lower + upper) / 2;
}

/** Median and robust spread (1.4826 × MAD, σ for normal data) of the values. */
export function medianAndSpread(values: Float64Array): { median: number; spread: number } {
  const m = median(values);
  const dev = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) dev[i] = Math.abs((values[i] as number) - m);
  return { median: m, spread: MAD_TO_SIGMA * median(dev) };
}

/** The values of `column` at the given rows. */
export function pick(column: Float64Array, rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = column[rows[i] as number] as number;
  return out;
}

/** Median and p95 of a sample (nearest-rank), plus count; what every benchmark prints. */
export function summarize(values: readonly number[]): { n: number; median: number; p95: number; min: number; max: number } {
  const s = [...values].sort((a, b) => a - b);
  const rank = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? NaN;
  return { n: s.length, median: rank(0.5), p95: rank(0.95), min: s[0] ?? NaN, max: s[s.length - 1] ?? NaN };
}

/** A number rounded for a table. */
export function fmt(v: number, digits = 1): string {
  return Number.isFinite(v) ? v.toFixed(digits) : '—';
}

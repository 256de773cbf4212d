/** Numbers and durations as the chart's legend writes them. */

const number = new Intl.NumberFormat('en', { maximumSignificantDigits: 5, useGrouping: false });

/** A reading: five significant digits at most, no grouping (values are copied into other tools). */
export function formatValue(v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  return number.format(v);
}

const UNITS: [number, string][] = [
  [86_400_000, 'd'],
  [3_600_000, 'h'],
  [60_000, 'min'],
  [1_000, 's'],
];

/** A span as its two largest units: "8 h 46 min", "21.6 s", "3 ms". */
export function formatSpan(ms: number): string {
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${Number((ms / 1_000).toFixed(1))} s`;
  const parts: string[] = [];
  let rest = Math.round(ms / 1_000) * 1_000;
  for (const [size, name] of UNITS) {
    if (parts.length === 2) break;
    const n = Math.floor(rest / size);
    if (n > 0 || parts.length > 0) {
      if (n > 0) parts.push(`${n} ${name}`);
      rest -= n * size;
      if (parts.length > 0 && n === 0) break;
    }
  }
  return parts.join(' ');
}

/** An ISO instant with offset shortened for a header: no `T`, no offset, seconds only when not zero. */
export function shortIso(iso: string): string {
  const m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)(:\d\d(?:\.\d+)?)?/.exec(iso);
  if (!m) return iso;
  const sec = m[3] && m[3] !== ':00' ? m[3] : '';
  return `${m[1]} ${m[2]}${sec}`;
}

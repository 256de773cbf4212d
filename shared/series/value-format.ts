/** Numbers and ages as the schematic prints them: to the sensor's precision, with thousands separated. */

const formats = new Map<number, Intl.NumberFormat>();

/** A value to a number of decimals, e.g. `1,234.5`; the minus sign is a real one (−3.2). */
export function formatValue(value: number, decimals: number): string {
  let f = formats.get(decimals);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: true });
    formats.set(decimals, f);
  }
  return f.format(value).replace('-', '−');
}

/** A value with its unit, e.g. `6.72 °C`, `42 %`, `315.2 kW`. */
export function formatWithUnit(value: number, decimals: number, unit: string | null | undefined): string {
  const text = formatValue(value, decimals);
  return unit ? `${text} ${unit}` : text;
}

/** A duration in the largest two units that matter: `45 s`, `12 min`, `3 h 20 min`, `2 d 4 h`. */
export function formatAge(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s} s`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 24) return min % 60 ? `${h} h ${min % 60} min` : `${h} h`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d} d ${h % 24} h` : `${d} d`;
}

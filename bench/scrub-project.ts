import type { Sensor, TwinDocument } from '../shared/twin/schema';
import { largeProject } from './large-project';

const MINUTE = 60_000;

/** What a bench series measures, which decides its data and what the schematic draws from it. */
export type BenchSeriesKind = 'temperature' | 'flow' | 'status' | 'position';

export interface BenchSeries {
  key: string;
  kind: BenchSeriesKind;
}

/** Four sensors per process cell: a temperature and a flow on their transmitters, the pump's status, the control valve's position. */
const PER_CELL: readonly { asset: string; kind: BenchSeriesKind; role: string; unit: string | null; name: string }[] = [
  { asset: 'tt', kind: 'temperature', role: 'supply-temperature', unit: '°C', name: 'TT' },
  { asset: 'ft', kind: 'flow', role: 'flow', unit: 'L/s', name: 'FT' },
  { asset: 'p', kind: 'status', role: 'status', unit: null, name: 'P_STS' },
  { asset: 'fcv', kind: 'position', role: 'position', unit: '%', name: 'FCV_POS' },
];

/**
 * The 500-asset bench plant with 200 bound sensors (four in each of its 50 cells), whose series live in the
 * local store: what bench:scrub scrubs.
 */
export function scrubProject(cells = 50): { doc: TwinDocument; series: BenchSeries[] } {
  const doc = largeProject(cells, 5);
  doc.name = `Scrub benchmark plant (${cells * 10} assets, ${cells * PER_CELL.length} sensors)`;
  const sensors: Sensor[] = [];
  const series: BenchSeries[] = [];
  for (let c = 0; c < cells; c++) {
    for (const s of PER_CELL) {
      const key = `BENCH_${1000 + c}_${s.name}#value`;
      sensors.push({ id: `s${c}-${s.asset}`, series: key, unit: s.unit, role: s.role, trusted: true, assetId: `c${c}-${s.asset}` });
      series.push({ key, kind: s.kind });
    }
  }
  doc.sensors = sensors;
  return { doc, series };
}

/** Minute data for a bench series over [from, to): smooth daily cycles with noise; pumps run in shifts, valves modulate. */
export function benchColumn(s: BenchSeries, index: number, from: number, to: number): { t: Float64Array; v: Float64Array } {
  const n = Math.floor((to - from) / MINUTE);
  const t = new Float64Array(n);
  const v = new Float64Array(n);
  const phase = index * 0.37;
  let noise = index * 7919;
  for (let i = 0; i < n; i++) {
    const time = from + i * MINUTE;
    t[i] = time;
    noise = (noise * 16807) % 2147483647;
    const jitter = noise / 2147483647 - 0.5;
    const day = (2 * Math.PI * i) / 1440;
    switch (s.kind) {
      case 'temperature':
        v[i] = Math.round((7 + 1.5 * Math.sin(day + phase) + 0.2 * jitter) * 100) / 100;
        break;
      case 'flow':
        v[i] = Math.round((40 + 15 * Math.sin(day + phase) + jitter) * 10) / 10;
        break;
      case 'status':
        v[i] = Math.floor((i + index * 97) / 480) % 3 === 0 ? 0 : 1;
        break;
      case 'position':
        v[i] = Math.max(0, Math.min(100, Math.round((50 + 45 * Math.sin(day * 2 + phase) + 2 * jitter) * 10) / 10));
        break;
    }
  }
  return { t, v };
}

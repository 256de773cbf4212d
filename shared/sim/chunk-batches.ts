import type { SimChunk } from './simulator';
import { SIM_SERIES } from './sim-series';

/** One series' points from a chunk: parallel time (epoch ms) and value columns, gaps left out. */
export interface SeriesColumns {
  key: string;
  t: Float64Array;
  v: Float64Array;
  /** Unit and description for the store's catalog. */
  unit?: string;
  description?: string;
}

/** Split a chunk into per-series columns without the missing values, the shape stores append. */
export function chunkToBatches(chunk: SimChunk): SeriesColumns[] {
  return chunk.columns.map((col, i) => {
    const def = SIM_SERIES[i] as (typeof SIM_SERIES)[number];
    const key = def.key;
    const about = { ...(def.unit !== null ? { unit: def.unit } : {}), description: def.label };
    let present = 0;
    for (let k = 0; k < col.length; k++) if (col[k] === col[k]) present++;
    // Most chunks have no gap: share the time column and the values as they are.
    if (present === col.length) return { key, t: chunk.t, v: col, ...about };
    const t = new Float64Array(present);
    const v = new Float64Array(present);
    let j = 0;
    for (let k = 0; k < col.length; k++) {
      const x = col[k] as number;
      if (x !== x) continue;
      t[j] = chunk.t[k] as number;
      v[j++] = x;
    }
    return { key, t, v, ...about };
  });
}

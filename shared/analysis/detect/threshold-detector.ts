import type { ThresholdSettings } from '../model/model-schema';
import { summarise, type Episode, type ResidualRows } from './episode';

/**
 * Threshold detector: an episode starts after `over` consecutive rows beyond centre ± k × spread on the
 * same side (it starts at the first of them) and ends after `under` consecutive rows that are not (it ends
 * with the last row beyond). A row beyond on the other side counts as "not over" for an open episode.
 */
export function detectThreshold(rows: ResidualRows, settings: Pick<ThresholdSettings, 'k' | 'over' | 'under'>): Episode[] {
  const { residual, centre } = rows;
  const level = settings.k * rows.spread;
  const out: Episode[] = [];
  const n = residual.length;
  let runStart = -1;
  let runSign: 1 | -1 = 1;
  let open = false;
  let lastOver = -1;
  let unders = 0;
  let decided = -1;
  for (let i = 0; i < n; i++) {
    const d = (residual[i] as number) - centre;
    const sign: 0 | 1 | -1 = d > level ? 1 : d < -level ? -1 : 0;
    if (!open) {
      if (sign === 0) runStart = -1;
      else if (runStart < 0 || sign !== runSign) {
        runStart = i;
        runSign = sign;
      }
      if (runStart >= 0 && i - runStart + 1 >= settings.over) {
        open = true;
        decided = i;
        lastOver = i;
        unders = 0;
      }
    } else if (sign === runSign) {
      lastOver = i;
      unders = 0;
    } else if (++unders >= settings.under) {
      out.push(summarise(rows, runStart, lastOver, runSign, 'threshold', decided, level, false));
      open = false;
      runStart = -1;
      // The row that ended it may start a run the other way.
      if (sign !== 0) {
        runStart = i;
        runSign = sign;
        if (settings.over <= 1) {
          open = true;
          decided = i;
          lastOver = i;
          unders = 0;
        }
      }
    }
  }
  if (open) out.push(summarise(rows, runStart, lastOver, runSign, 'threshold', decided, level, true));
  return out;
}

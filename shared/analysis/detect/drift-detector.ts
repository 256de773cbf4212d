import type { DriftSettings } from '../model/model-schema';
import { summarise, type Episode, type ResidualRows } from './episode';

/**
 * Drift detector for slow degradations: an EWMA of the standardised residual z = (r − centre) / spread.
 * An episode is raised when |EWMA| passes `limit` and closed when it falls back to `release` or below (or
 * turns to the other side). It is dated from the row where the EWMA left the release band, so its start is
 * when the drift began to show; `detectedAt` is when it was confirmed.
 */
export function detectDrift(rows: ResidualRows, settings: Pick<DriftSettings, 'lambda' | 'limit' | 'release'>): Episode[] {
  const { residual, centre, spread } = rows;
  const { lambda, limit } = settings;
  const release = Math.min(settings.release, limit);
  const out: Episode[] = [];
  let e = 0;
  let open = false;
  let sign: 1 | -1 = 1;
  /** First row of the current excursion beyond the release band (on the side `bandSign`), or -1 inside the band. */
  let leftBand = -1;
  let bandSign: 1 | -1 = 1;
  let first = -1;
  let decided = -1;
  let last = -1;
  for (let i = 0; i < residual.length; i++) {
    const z = ((residual[i] as number) - centre) / spread;
    e = lambda * z + (1 - lambda) * e;
    const s: 1 | -1 = e >= 0 ? 1 : -1;
    const beyond = Math.abs(e) > release;
    if (!beyond) leftBand = -1;
    else if (leftBand < 0 || s !== bandSign) {
      leftBand = i;
      bandSign = s;
    }
    if (open) {
      if (beyond && s === sign) {
        last = i;
        continue;
      }
      out.push(summarise(rows, first, last, sign, 'drift', decided, limit * spread, false));
      open = false;
    }
    if (Math.abs(e) > limit) {
      open = true;
      sign = s;
      first = leftBand;
      decided = i;
      last = i;
    }
  }
  if (open) out.push(summarise(rows, first, last, sign, 'drift', decided, limit * spread, true));
  return out;
}

import type { GroundTruth } from '../../sim/ground-truth';
import type { Detector, Episode } from '../detect/episode';

const DAY = 86_400_000;
/** After a fault ends, detectors take a while to settle (an EWMA decays); episodes starting then are not false. */
export const SETTLE_MS = 2 * DAY;

/** How one detector did on one model run against the ground truth. */
export interface DetectorScore {
  detector: Detector;
  /** Hours from the fouling's start to the first alarm (high, confirmed inside the fault window); null = missed; undefined = not this asset's fault. */
  delayHours: number | null | undefined;
  /** Episodes not explained by a fault of this asset or its sensors. */
  falseEpisodes: number;
  /** Days of the run outside those faults (the time false episodes could happen in). */
  quietDays: number;
  falsePer30Days: number;
}

/**
 * Score the episodes of one model run. A fault concerns the run when it names the asset or a series the
 * model reads; an episode overlapping such a fault (or the settling time after it) is explained, any other is
 * false. The fouling of this asset must be found: the delay is from its start to the detector's decision.
 */
export function scoreEpisodes(
  truth: GroundTruth,
  options: { assetTag: string; series: readonly string[]; range: { from: number; to: number }; episodes: readonly Episode[] },
): DetectorScore[] {
  const relevant = truth.faults.filter(
    (f) => f.kind !== 'dropouts' && (f.assetTags.includes(options.assetTag) || f.seriesKeys.some((k) => options.series.includes(k))),
  );
  const windows = relevant.map((f) => ({ from: f.start.ms, to: f.end.ms + SETTLE_MS }));
  let faultMs = 0;
  for (const w of mergeWindows(windows)) faultMs += Math.max(0, Math.min(w.to, options.range.to) - Math.max(w.from, options.range.from));
  const quietDays = (options.range.to - options.range.from - faultMs) / DAY;
  const fouling = relevant.find((f) => f.kind === 'condenser-fouling' && f.assetTags.includes(options.assetTag));
  return (['threshold', 'drift'] as const).map((detector) => {
    const mine = options.episodes.filter((e) => e.detector === detector);
    const falseEpisodes = mine.filter((e) => !windows.some((w) => e.start < w.to && e.end > w.from)).length;
    let delayHours: number | null | undefined;
    if (fouling) {
      const hit = mine.find((e) => e.direction === 'high' && e.detectedAt >= fouling.start.ms && e.detectedAt < fouling.end.ms);
      delayHours = hit ? (hit.detectedAt - fouling.start.ms) / 3_600_000 : null;
    }
    return { detector, delayHours, falseEpisodes, quietDays, falsePer30Days: quietDays > 0 ? (falseEpisodes * 30) / quietDays : 0 };
  });
}

function mergeWindows(ws: { from: number; to: number }[]): { from: number; to: number }[] {
  const sorted = [...ws].sort((a, b) => a.from - b.from);
  const out: { from: number; to: number }[] = [];
  for (const w of sorted) {
    const last = out[out.length - 1];
    if (last && w.from <= last.to) last.to = Math.max(last.to, w.to);
    else out.push({ ...w });
  }
  return out;
}

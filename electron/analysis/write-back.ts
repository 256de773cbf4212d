import { isTwinError, twinError, type TwinError } from '../../shared/api/errors';
import type { Episode } from '../../shared/analysis/detect/episode';
import type { MsRange, RunResult } from '../../shared/analysis/run/run-types';
import type { WriteRecord } from '../../shared/series/write-record';
import type { TimeSeriesSource } from '../sources/source';

/** Measurements the analysis writes (DESIGN.md, issue 11). */
export const PREDICTION_MEASUREMENT = 'twin_prediction';
export const ALERT_MEASUREMENT = 'twin_alert';
/** Records per write call: progress and a failure's count of what landed move in steps this size. */
export const WRITE_BACK_BATCH = 5_000;

/** Who a run's results belong to: the tags every point carries. */
export interface ResultTags {
  twin: string;
  asset: string;
  model: string;
  /** The target sensor's series key. */
  sensor: string;
}

export interface WriteBackSummary {
  predictions: { written: number; total: number };
  alerts: { written: number; total: number };
  /** The range whose earlier results were replaced. */
  replaced: MsRange;
}

/** One `twin_prediction` point per kept row: actual, predicted, residual. */
export function predictionRecords(tags: ResultTags, series: RunResult['series']): WriteRecord[] {
  const out: WriteRecord[] = new Array<WriteRecord>(series.t.length);
  const t = { ...tags };
  for (let i = 0; i < series.t.length; i++) {
    out[i] = {
      measurement: PREDICTION_MEASUREMENT,
      tags: t,
      t: series.t[i] as number,
      fields: { actual: series.actual[i] as number, predicted: series.predicted[i] as number, residual: series.residual[i] as number },
    };
  }
  return out;
}

/**
 * One `twin_alert` point per episode, at its start. Two detectors can open an episode in the same window,
 * so the detector (and the direction, which the local store cannot keep as text) are tags as well as fields.
 */
export function alertRecords(tags: ResultTags, episodes: readonly Episode[]): WriteRecord[] {
  return episodes.map((e) => ({
    measurement: ALERT_MEASUREMENT,
    tags: { ...tags, detector: e.detector, direction: e.direction },
    t: e.start,
    fields: { end: e.end, peak: e.peak, mean: e.mean, direction: e.direction, threshold: e.threshold, detector: e.detector },
  }));
}

/**
 * Write a run's predictions and alerts so that running the same model over the same range again replaces
 * rather than duplicates: the model's earlier points in the range are deleted first (stale episodes
 * included), then the new ones written in batches. A failure says how much landed; running again repairs it.
 */
export async function writeBack(
  source: TimeSeriesSource,
  where: string,
  tags: ResultTags,
  range: MsRange,
  result: Pick<RunResult, 'series' | 'episodes'>,
  options: { signal?: AbortSignal; onProgress?: (fraction: number) => void; batch?: number } = {},
): Promise<WriteBackSummary> {
  const owner = { twin: tags.twin, asset: tags.asset, model: tags.model };
  const predictions = predictionRecords(tags, result.series);
  const alerts = alertRecords(tags, result.episodes);
  const summary: WriteBackSummary = { predictions: { written: 0, total: predictions.length }, alerts: { written: 0, total: alerts.length }, replaced: range };
  const call = options.signal ? { signal: options.signal } : {};
  const batch = options.batch ?? WRITE_BACK_BATCH;
  const total = predictions.length + alerts.length;
  try {
    await source.deleteRange({ measurement: PREDICTION_MEASUREMENT, tags: owner, ...range }, call);
    await source.deleteRange({ measurement: ALERT_MEASUREMENT, tags: owner, ...range }, call);
    for (const [records, count] of [
      [predictions, summary.predictions],
      [alerts, summary.alerts],
    ] as const) {
      for (let i = 0; i < records.length; i += batch) {
        const r = await source.writeRecords(records.slice(i, i + batch), call);
        count.written += r.written;
        if (r.dropped > 0) throw twinError('partial-write', `${r.dropped} points were refused: ${r.errors.slice(0, 3).join('; ')}`, { where });
        options.onProgress?.((summary.predictions.written + summary.alerts.written) / Math.max(1, total));
      }
    }
  } catch (e) {
    throw stopped(e, where, summary);
  }
  return summary;
}

function stopped(e: unknown, where: string, s: WriteBackSummary): TwinError {
  const partial = isTwinError(e) && e.kind === 'partial-write' && typeof e.details?.written === 'number' ? (e.details.written as number) : 0;
  // A batch that stopped part-way landed `partial` points that the counts do not hold yet.
  if (s.predictions.written < s.predictions.total) s.predictions.written += partial;
  else s.alerts.written += partial;
  const cause = isTwinError(e)
    ? e.message
    : e instanceof Error && e.name === 'AbortError'
      ? 'The write was cancelled.'
      : `Unexpected error: ${(e as Error).message}`;
  const kind = isTwinError(e) && e.kind !== 'partial-write' && s.predictions.written + s.alerts.written === 0 ? e.kind : 'partial-write';
  return twinError(
    kind,
    `Writing the results to ${where} stopped: ${s.predictions.written} of ${s.predictions.total} predictions and ${s.alerts.written} of ${s.alerts.total} alerts landed. ${cause} Run again with writing on to replace them completely.`,
    { where, details: { predictions: s.predictions, alerts: s.alerts } },
  );
}

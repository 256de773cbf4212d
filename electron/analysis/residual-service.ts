import { twinError } from '../../shared/api/errors';
import type { ResidualRun, ResidualStage } from '../../shared/api/analysis-schemas';
import { AnalysisError } from '../../shared/analysis/run/analysis-error';
import type { MsRange } from '../../shared/analysis/run/run-types';
import type { TwinDocument } from '../../shared/twin/schema';
import type { TimeSeriesSource } from '../sources/source';
import { fetchGrid, gridRange, type WindowFetch } from './fetch-grid';
import { resolveRunModel } from './resolve-run';
import { runInWorker } from './run-in-worker';
import { writeBack } from './write-back';

export interface ResidualRunInput {
  document: TwinDocument;
  modelId: string;
  range: MsRange;
  /** Write predictions and alerts back to the source. */
  write: boolean;
}

export interface ResidualRunDeps {
  /** Window means through the source layer (cache, cancellation) or straight from a source. */
  fetch: WindowFetch;
  /** The source results are written to, and how messages name it. */
  source: TimeSeriesSource;
  where: string;
  workerFile?: string;
}

export type ResidualProgressListener = (stage: ResidualStage, fraction: number, message: string) => void;

/**
 * One residual run: resolve the model against the twin, align its series on the model's grid (window means
 * through the source layer), fit, predict and detect on a worker thread, and write the results back when
 * asked. Progress is reported as a fraction of the whole run; `signal` cancels at any stage.
 */
export async function runResiduals(
  input: ResidualRunInput,
  deps: ResidualRunDeps,
  options: { signal?: AbortSignal; onProgress?: ResidualProgressListener } = {},
): Promise<ResidualRun> {
  const { range } = input;
  if (!Number.isSafeInteger(range.from) || !Number.isSafeInteger(range.to) || range.to <= range.from)
    throw twinError('invalid-input', `The run's range must end after it starts (got ${range.from} … ${range.to}).`);
  const resolved = resolveRunModel(input.document, input.modelId);
  const model = resolved.model;
  const report = options.onProgress ?? (() => undefined);
  const share = input.write ? { fetch: 0.45, compute: 0.25, write: 0.3 } : { fetch: 0.6, compute: 0.4, write: 0 };
  const grid = gridRange(range, model.resolutionMs);

  report('fetch', 0, `Reading ${resolved.series.length} series from ${deps.where}`);
  const data = await fetchGrid(deps.fetch, resolved.series, grid, model.resolutionMs, {
    ...(options.signal ? { signal: options.signal } : {}),
    onProgress: (f) => report('fetch', share.fetch * f, `Reading ${resolved.series.length} series from ${deps.where}`),
  });
  const rows = data.t.length;
  let run;
  try {
    run = await runInWorker(
      { resolved, data, analysis: grid },
      {
        ...(deps.workerFile ? { workerFile: deps.workerFile } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
        onProgress: (stage, f) => {
          const step = stage === 'inputs' ? 0 : stage === 'fit' ? 1 : 2;
          report(
            stage,
            share.fetch + (share.compute * (step + f)) / 3,
            stage === 'fit' ? `Fitting on ${rows.toLocaleString('en')} windows` : stage === 'detect' ? 'Finding episodes' : 'Computing inputs',
          );
        },
      },
    );
  } catch (e) {
    if (e instanceof AnalysisError)
      throw twinError('invalid-input', e.message, { where: `${resolved.assetLabel} / ${model.name || model.id}`, details: { code: e.code } });
    throw e;
  }
  const { result } = run;
  let written: ResidualRun['written'] = null;
  if (input.write) {
    report('write', share.fetch + share.compute, `Writing results to ${deps.where}`);
    const tags = { twin: input.document.id, asset: resolved.assetTag, model: model.id, sensor: resolved.target.series };
    written = await writeBack(deps.source, deps.where, tags, grid, result, {
      ...(options.signal ? { signal: options.signal } : {}),
      onProgress: (f) => report('write', share.fetch + share.compute + share.write * f, `Writing results to ${deps.where}`),
    });
  }
  report(input.write ? 'write' : 'detect', 1, 'Done');
  return {
    model: {
      id: model.id,
      name: model.name,
      assetId: resolved.assetId,
      assetTag: resolved.assetTag,
      target: resolved.target.series,
      unit: resolved.target.unit,
    },
    range: grid,
    resolutionMs: model.resolutionMs,
    fit: result.fit,
    episodes: result.episodes,
    levels: result.levels,
    series: {
      t: Array.from(result.series.t),
      actual: Array.from(result.series.actual),
      predicted: Array.from(result.series.predicted),
      residual: Array.from(result.series.residual),
    },
    written,
    computeMs: run.elapsedMs,
  };
}

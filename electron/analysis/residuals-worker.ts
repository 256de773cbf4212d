// The worker thread a residual run computes on (bundled as dist-electron/residuals-worker.cjs): it receives
// the aligned columns, fits, predicts and detects, and posts progress and the result back. Pure shared code
// only, so the main process keeps answering the renderer while a year of rows is fitted.
import { parentPort } from 'node:worker_threads';
import { AnalysisError } from '../../shared/analysis/run/analysis-error';
import { runResidualAnalysis } from '../../shared/analysis/run/residual-run';
import type { WorkerReply, WorkerRequest } from './worker-messages';

const port = parentPort;
if (!port) throw new Error('residuals-worker runs as a worker thread only.');

port.once('message', (message: WorkerRequest) => {
  const started = performance.now();
  try {
    const result = runResidualAnalysis(message.request, (stage, fraction) => port.postMessage({ type: 'progress', stage, fraction } satisfies WorkerReply));
    const s = result.series;
    const reply: WorkerReply = { type: 'result', result, elapsedMs: performance.now() - started };
    port.postMessage(reply, [s.t.buffer, s.actual.buffer, s.predicted.buffer, s.residual.buffer] as ArrayBuffer[]);
  } catch (e) {
    const reply: WorkerReply =
      e instanceof AnalysisError
        ? { type: 'error', name: e.name, code: e.code, message: e.message, problems: e.problems }
        : { type: 'error', name: e instanceof Error ? e.name : 'Error', message: e instanceof Error ? e.message : String(e) };
    port.postMessage(reply);
  }
});

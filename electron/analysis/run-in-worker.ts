import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { twinError } from '../../shared/api/errors';
import { AnalysisError, type AnalysisErrorCode } from '../../shared/analysis/run/analysis-error';
import type { RunRequest, RunResult, RunStage } from '../../shared/analysis/run/run-types';
import type { WorkerReply } from './worker-messages';

/** The bundled worker, beside the bundle that starts it (dist-electron/, inside app.asar in the installed app). */
export function defaultWorkerFile(): string {
  return path.join(__dirname, 'residuals-worker.cjs');
}

export interface WorkerRunOptions {
  /** The worker script; tests build one from source. */
  workerFile?: string;
  onProgress?: (stage: RunStage, fraction: number) => void;
  signal?: AbortSignal;
}

/**
 * Run a residual analysis on a worker thread. The grid's columns are transferred, not copied (the request
 * is unusable afterwards). Cancelling terminates the worker at once, whatever it is doing.
 */
export function runInWorker(request: RunRequest, options: WorkerRunOptions = {}): Promise<{ result: RunResult; elapsedMs: number }> {
  const file = options.workerFile ?? defaultWorkerFile();
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(cancelled());
    let worker: Worker;
    try {
      worker = new Worker(file);
    } catch (e) {
      return reject(twinError('internal', `The analysis worker ${file} could not start: ${(e as Error).message}. Rebuild with "npm run build".`));
    }
    let settled = false;
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      fn();
    };
    const onAbort = (): void => finish(() => reject(cancelled()));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (reply: WorkerReply) => {
      if (reply.type === 'progress') options.onProgress?.(reply.stage, reply.fraction);
      else if (reply.type === 'result') finish(() => resolve({ result: reply.result, elapsedMs: reply.elapsedMs }));
      else
        finish(() =>
          reject(
            reply.code
              ? new AnalysisError(reply.code as AnalysisErrorCode, reply.message, (reply.problems as AnalysisError['problems'] | undefined) ?? [])
              : twinError('internal', `The analysis failed: ${reply.message}`),
          ),
        );
    });
    worker.on('error', (e) => finish(() => reject(twinError('internal', `The analysis worker failed: ${e.message}`))));
    worker.on('exit', (code) => finish(() => reject(twinError('internal', `The analysis worker stopped (exit code ${code}) before it answered.`))));
    const buffers = [request.data.t.buffer, ...Object.values(request.data.columns).map((c) => c.buffer)];
    worker.postMessage({ request }, [...new Set(buffers)] as ArrayBuffer[]);
  });
}

function cancelled(): Error {
  return twinError('cancelled', 'The residual run was cancelled.');
}

import type { RunRequest, RunResult, RunStage } from '../../shared/analysis/run/run-types';

/** main → worker: one run. */
export interface WorkerRequest {
  request: RunRequest;
}

/** worker → main: progress, then a result or an error. */
export type WorkerReply =
  | { type: 'progress'; stage: RunStage; fraction: number }
  | { type: 'result'; result: RunResult; elapsedMs: number }
  | { type: 'error'; name: string; code?: string; message: string; problems?: unknown };

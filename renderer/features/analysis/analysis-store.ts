import { create } from 'zustand';
import type { ResidualRun } from '../../../shared/api/analysis-schemas';
import { isTwinError, type TwinErrorData } from '../../../shared/api/errors';
import type { TwinDocument } from '../../../shared/twin/schema';
import { getApi } from '../../api/client';

/** One model's latest run, as the editor shows it. */
export interface RunState {
  status: 'running' | 'done' | 'failed' | 'cancelled';
  fraction: number;
  message: string;
  channel: string;
  result: ResidualRun | null;
  error: TwinErrorData | null;
}

export interface AnalysisState {
  /** The model the editor shows, or null when it is closed. */
  editing: string | null;
  runs: Readonly<Record<string, RunState>>;
  open(modelId: string): void;
  close(): void;
  run(modelId: string, request: { document: TwinDocument; source: string; from: number; to: number; write: boolean }): Promise<void>;
  cancel(modelId: string): void;
}

let runSeq = 0;

/** Residual analysis in the renderer: which model is being edited and each model's latest run (never part of undo). */
export const useAnalysis = create<AnalysisState>()((set, get) => {
  const patch = (modelId: string, p: Partial<RunState>): void => {
    const current = get().runs[modelId];
    if (current) set({ runs: { ...get().runs, [modelId]: { ...current, ...p } } });
  };
  return {
    editing: null,
    runs: {},
    open(modelId) {
      set({ editing: modelId });
    },
    close() {
      set({ editing: null });
    },
    async run(modelId, request) {
      const api = getApi();
      const previous = get().runs[modelId];
      if (previous?.status === 'running') void api.cancel({ channel: previous.channel });
      const channel = `residuals:${modelId}:${++runSeq}`;
      set({
        runs: { ...get().runs, [modelId]: { status: 'running', fraction: 0, message: 'Starting', channel, result: previous?.result ?? null, error: null } },
      });
      const off = api.on('residualsProgress', (p) => {
        if (p.channel === channel && get().runs[modelId]?.channel === channel) patch(modelId, { fraction: p.fraction, message: p.message });
      });
      try {
        const result = await api.runResiduals({ model: modelId, channel, ...request });
        if (get().runs[modelId]?.channel === channel) patch(modelId, { status: 'done', fraction: 1, message: 'Done', result, error: null });
      } catch (e) {
        if (get().runs[modelId]?.channel !== channel) return;
        const error = isTwinError(e) ? e.toData() : { kind: 'internal' as const, message: e instanceof Error ? e.message : String(e) };
        patch(modelId, error.kind === 'cancelled' ? { status: 'cancelled', message: 'Cancelled', error: null } : { status: 'failed', error });
      } finally {
        off();
      }
    },
    cancel(modelId) {
      const r = get().runs[modelId];
      if (r?.status !== 'running') return;
      void getApi().cancel({ channel: r.channel });
    },
  };
});

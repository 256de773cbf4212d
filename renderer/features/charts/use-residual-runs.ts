import { useMemo } from 'react';
import type { ResidualRun } from '../../../shared/api/analysis-schemas';
import { useDocument } from '../../stores/document-store';
import { useAnalysis } from '../analysis/analysis-store';

/** A model's latest results, as the charts and the schematic show them. */
export interface ShownRun {
  modelId: string;
  /** The model's name now (it may have been renamed since the run). */
  name: string;
  assetId: string;
  run: ResidualRun;
}

/**
 * The latest results of the twin's models whose asset is one of `assetIds` (every asset when null), in the
 * twin's order. A run still going keeps showing its previous results until it has new ones.
 */
export function useResidualRuns(assetIds: ReadonlySet<string> | null): ShownRun[] {
  const models = useDocument((s) => s.twin.models);
  const runs = useAnalysis((s) => s.runs);
  return useMemo(() => {
    const out: ShownRun[] = [];
    for (const m of Object.values(models)) {
      const run = runs[m.id]?.result;
      if (!run || m.assetId === null || (assetIds !== null && !assetIds.has(m.assetId))) continue;
      out.push({ modelId: m.id, name: m.name || run.model.name, assetId: m.assetId, run });
    }
    return out;
  }, [models, runs, assetIds]);
}

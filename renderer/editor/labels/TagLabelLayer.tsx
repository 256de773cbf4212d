import { memo, useMemo } from 'react';
import { useStore as useFlowStore } from '@xyflow/react';
import { useDocument } from '../../stores/document-store';
import { useView } from '../../stores/view-store';
import { LabelLayer } from './LabelLayer';
import { drawnTagLabels } from './drawn-tag-labels';

/**
 * Every asset's tag in screen space over the canvas: legible at the zoom a whole plant fits in, and
 * decluttered there (equipment before instruments). Laid out again on zoom or edits, not on panning.
 */
export const TagLabelLayer = memo(function TagLabelLayer() {
  const assets = useDocument((s) => s.twin.assets);
  const selected = useView((s) => s.selectedAssets);
  const x = useFlowStore((s) => s.transform[0]);
  const y = useFlowStore((s) => s.transform[1]);
  const zoom = useFlowStore((s) => s.transform[2]);
  // Decluttered once for this layer and the value layer (which keeps values off these tags); the cache only
  // memoizes, so reading it while rendering is safe.
  const labels = useMemo(() => drawnTagLabels(assets, zoom, selected), [assets, zoom, selected]);
  const offset = useMemo(() => ({ x, y }), [x, y]);
  return <LabelLayer name="tags" labels={labels} offset={offset} decluttered />;
});

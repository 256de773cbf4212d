import type { PresetId } from '../../../shared/time/range-presets';
import { useApp } from '../../stores/app-store';
import { documentStore } from '../../stores/document-store';
import { applyPreset } from './range-actions';
import { timeStore } from './time-store';

/** The preset to show again: the one chosen, or "Last 30 days" after a custom range (which belonged to the old data). */
function currentPreset(): PresetId {
  const p = timeStore.getState().preset;
  return p === 'custom' ? '30d' : p;
}

/**
 * Keep the range on the data: each opened project gets its preset anchored to its own sensors' data, and
 * when the demo data finishes writing in the background a preset is anchored again to where the data now ends.
 */
export function startRangeFollow(): () => void {
  const unsubscribers = [
    documentStore.subscribe((s, p) => {
      if (s.loadCount !== p.loadCount) void applyPreset(currentPreset());
    }),
    useApp.subscribe((s, p) => {
      if (s.demoData?.state === 'ready' && p.demoData?.state !== 'ready' && p.demoData !== null && timeStore.getState().preset !== 'custom')
        void applyPreset(currentPreset());
    }),
  ];
  if (documentStore.getState().loadCount > 0 && timeStore.getState().range === null) void applyPreset(currentPreset());
  return () => unsubscribers.forEach((u) => u());
}

import type { EpisodeData } from '../../../shared/api/analysis-schemas';
import { useView } from '../../stores/view-store';
import { timeStore } from '../time/time-store';

const DAY = 86_400_000;

/**
 * Show an episode: the time range around it (a quarter of its length either side, at least a day in all),
 * the cursor at its start, and its asset selected and brought into view.
 */
export function focusEpisode(episode: Pick<EpisodeData, 'start' | 'end'>, assetId: string): void {
  const length = Math.max(episode.end - episode.start, 1);
  const pad = Math.max(length / 4, (DAY - length) / 2, 0);
  const time = timeStore.getState();
  time.setRange({ from: episode.start - pad, to: episode.end + pad }, 'custom');
  time.setCursor(episode.start);
  time.rest();
  useView.getState().focusAsset(assetId);
}

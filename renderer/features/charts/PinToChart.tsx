import { useCharts } from './chart-store';

/** Pin a series of a source to the chart (or unpin it): it stays charted whatever is selected. */
export function PinToChart({ source, seriesKey, unit }: { source: string; seriesKey: string; unit?: string | undefined }) {
  const pinned = useCharts((s) => s.pinned.some((p) => p.source === source && p.key === seriesKey));
  return (
    <button
      type="button"
      aria-pressed={pinned}
      onClick={() => (pinned ? useCharts.getState().unpin({ source, key: seriesKey }) : useCharts.getState().pin({ source, key: seriesKey, unit }))}
    >
      {pinned ? 'Unpin from chart' : 'Pin to chart'}
    </button>
  );
}

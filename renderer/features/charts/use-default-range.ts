import { useEffect } from 'react';
import { getApi } from '../../api/client';
import { timeStore, useTime } from '../time/time-store';
import type { ChartSeries } from './charted-series';

const DAY_MS = 86_400_000;

/**
 * With series to chart and no range chosen yet, show the last 30 days of their data: anchored to their
 * newest point, since a historian export or the demo year ends in the past. The time bar's range picker
 * sets the range otherwise, and then this does nothing. `revision` changes when data arrives; while demo data is
 * being `writing`, its newest point is not yet the newest, so nothing is chosen.
 */
export function useDefaultRange(series: readonly ChartSeries[], revision: number, writing: boolean): void {
  const hasRange = useTime((s) => s.range !== null);
  const first = series[0];
  const source = first?.source;
  const keys = series.filter((s) => s.source === source).map((s) => s.key);
  const keyText = keys.join('\n');
  useEffect(() => {
    if (hasRange || writing || !source || keys.length === 0) return;
    let live = true;
    const now = Date.now();
    getApi()
      .valueAt({ source, keys, at: now })
      .then(
        (values) => {
          if (!live || timeStore.getState().range !== null) return;
          const newest = values.reduce((m, v) => (v.t !== null && v.t > m ? v.t : m), -Infinity);
          // No data yet (still being written, or none at all): ask again when the data changes.
          if (!Number.isFinite(newest)) return;
          // The range ends on the minute after the newest point, so headers read in whole minutes.
          const end = Math.ceil((newest + 1) / 60_000) * 60_000;
          timeStore.getState().setRange({ from: end - 30 * DAY_MS, to: end }, '30d');
        },
        () => undefined,
      );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hasRange, source, keyText, revision, writing]);
}

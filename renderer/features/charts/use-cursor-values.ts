import { useEffect, useState } from 'react';
import { getApi } from '../../api/client';
import type { ValueAt } from '../../../shared/series/types';
import { useTime } from '../time/time-store';
import type { ChartSeries } from './charted-series';
import { isCancelled } from './plot-data';

/** How long the cursor rests before exact values are asked for (a drag or play asks nothing). */
const REST_MS = 100;

/** Exact values of the charted series at the time cursor, by series id, once the cursor rests; null meanwhile. */
export function useCursorValues(series: readonly ChartSeries[]): { at: number; values: ReadonlyMap<string, ValueAt> } | null {
  const cursor = useTime((s) => s.cursor);
  const moving = useTime((s) => s.moving);
  const [result, setResult] = useState<{ at: number; values: ReadonlyMap<string, ValueAt> } | null>(null);
  const ids = series.map((s) => s.id).join('\n');

  useEffect(() => {
    if (cursor === null || moving || series.length === 0) {
      setResult(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      const bySource = new Map<string, string[]>();
      for (const s of series) if (s.source !== null) bySource.set(s.source, [...(bySource.get(s.source) ?? []), s.key]);
      Promise.all(
        [...bySource].map(async ([source, keys]) => {
          const values = await getApi().valueAt({ source, keys, at: cursor, channel: `chart-cursor:${source}` });
          return values.map((v) => [`${source}|${v.key}`, v] as const);
        }),
      ).then(
        (lists) => live && setResult({ at: cursor, values: new Map(lists.flat()) }),
        (e: unknown) => {
          if (live && !isCancelled(e)) setResult(null);
        },
      );
    }, REST_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // Keyed by the series ids, not the array object.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cursor, moving, ids]);

  return result;
}

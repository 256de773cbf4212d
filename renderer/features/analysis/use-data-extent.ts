import { useEffect, useState } from 'react';
import { getApi } from '../../api/client';

/** The first and last instant a series has in a source (for the run's default range), or null while unknown. */
export function useDataExtent(source: string, key: string | null): { from: number; to: number } | null {
  const [extent, setExtent] = useState<{ from: number; to: number } | null>(null);
  useEffect(() => {
    setExtent(null);
    if (!key) return;
    let live = true;
    const api = getApi();
    const now = Date.now();
    Promise.all([api.raw({ source, key, from: 0, to: now, limit: 1 }), api.valueAt({ source, keys: [key], at: now })]).then(
      ([first, [last]]) => {
        const from = first.t[0];
        if (live && from !== undefined && last?.t != null) setExtent({ from, to: last.t + 1 });
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [source, key]);
  return extent;
}

import { useEffect, useState } from 'react';
import { getApi } from '../../api/client';

const CHUNK = 1_000;

/**
 * When each series last had a point (epoch ms, null for never), read for the keys shown, and when that
 * was read; empty while loading.
 */
export function useLastSeen(source: string, keys: readonly string[]): { seen: ReadonlyMap<string, number | null>; readAt: number } {
  const [state, setState] = useState<{ seen: ReadonlyMap<string, number | null>; readAt: number }>({ seen: new Map(), readAt: 0 });
  const joined = keys.join('\n');
  useEffect(() => {
    let live = true;
    const list = joined ? joined.split('\n') : [];
    if (!list.length) return;
    void (async () => {
      const readAt = Date.now();
      const out = new Map<string, number | null>();
      for (let i = 0; i < list.length && live; i += CHUNK) {
        try {
          const values = await getApi().valueAt({ source, keys: list.slice(i, i + CHUNK), at: readAt, channel: `last-seen:${source}` });
          for (const v of values) out.set(v.key, v.t);
        } catch {
          // A newer request took over the channel, or the source failed (the panel shows that); ages stay blank.
          return;
        }
      }
      if (live) setState({ seen: out, readAt });
    })();
    return () => {
      live = false;
    };
  }, [source, joined]);
  return state;
}

/** How old a point is against the plant clock: "5 min", "3 h", "12 d". */
export function ageText(t: number, now: number): string {
  const s = Math.max(0, Math.round((now - t) / 1000));
  if (s < 90) return `${s} s`;
  const m = Math.round(s / 60);
  if (m < 90) return `${m} min`;
  const h = Math.round(m / 60);
  if (h < 48) return `${h} h`;
  const d = Math.round(h / 24);
  return d < 730 ? `${d} d` : `${Math.round(d / 365)} y`;
}

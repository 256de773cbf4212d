import type { TimeRange } from '../../../shared/series/types';
import type { RollupStore } from '../local/rollup-store';
import type { RollupSource } from './rollup-source';

const DAY = 86_400_000;

/**
 * The days of a source's cached series whose point count at the source differs from what the cache holds:
 * one count query per series (windows one day wide), compared per level over the days a level holds whole.
 */
export async function findLateData(
  store: RollupStore,
  layer: RollupSource,
  tenant: string,
  range: TimeRange,
): Promise<{ key: string; from: number; to: number }[]> {
  const sids = store.sidsOf(tenant, layer.sourceId).filter((sid) => store.levelsCovering(sid, range).length > 0);
  if (sids.length === 0) return [];
  const keys = sids.map((sid) => store.keyOf(sid) as string);
  const layout = { from: range.from, to: range.to, width: DAY, n: (range.to - range.from) / DAY };
  // Straight to the source below the cache: the rollup layer would answer from the cache itself.
  const counts = await layer.innerSource.windows(keys, layout, { stats: ['count'] });
  const cached = await store.dailyCounts(sids, range);
  const out: { key: string; from: number; to: number }[] = [];
  sids.forEach((sid, i) => {
    const w = counts[i];
    const atSource = new Map((w?.t ?? []).map((t, j) => [t, w?.count[j] as number]));
    const changedDays = new Set<number>();
    for (const level of store.levelsCovering(sid, range)) {
      for (const day of store.wholeDays(sid, level, range)) {
        const mine = cached.get(sid)?.get(level)?.get(day) ?? 0;
        if (mine !== (atSource.get(day) ?? 0)) changedDays.add(day);
      }
    }
    for (const day of [...changedDays].sort((a, b) => a - b)) out.push({ key: keys[i] as string, from: day, to: day + DAY });
  });
  return out;
}

import { canonicalSeriesKey } from '../../../shared/series/series-key';

/** Data of a source changed: some series (all when `keys` is absent) over a range (all time when absent). */
export interface SourceChange {
  source: string;
  /** Canonical series keys. */
  keys?: readonly string[];
  from?: number;
  /** Exclusive. */
  to?: number;
}

type Listener = (change: SourceChange) => void;

/**
 * Where writes, imports and detected late data announce what changed, and where the caches (window cache,
 * rollups) listen to drop what it touches. One per registry; nothing here knows who listens.
 */
export class SourceChanges {
  private readonly listeners = new Set<Listener>();

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(change: SourceChange): void {
    for (const l of this.listeners) l(change);
  }
}

/** Per series, the time span a batch of points touches ([min, max + 1)), under canonical keys; invalid keys are skipped. */
export function spansOf(points: readonly { key: string; t: number }[]): Map<string, { from: number; to: number }> {
  const out = new Map<string, { from: number; to: number }>();
  const canonical = new Map<string, string | null>();
  for (const p of points) {
    let k = canonical.get(p.key);
    if (k === undefined) {
      try {
        k = canonicalSeriesKey(p.key);
      } catch {
        k = null;
      }
      canonical.set(p.key, k);
    }
    if (k === null || !Number.isFinite(p.t)) continue;
    const s = out.get(k);
    if (!s) out.set(k, { from: p.t, to: p.t + 1 });
    else {
      if (p.t < s.from) s.from = p.t;
      if (p.t + 1 > s.to) s.to = p.t + 1;
    }
  }
  return out;
}

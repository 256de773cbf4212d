/**
 * The store's catalog in memory: key → series id and time bounds. Small (one entry per sensor),
 * loaded once on open, updated only after a commit succeeds; ids handed to uncommitted writes are
 * "pending" so two imports of the same new sensor agree on its id.
 */
import type { CatalogEntry } from '../../../shared/series/types';
import { canonicalSeriesKey, parseSeriesKey } from '../../../shared/series/series-key';

export interface SeriesRow extends CatalogEntry {
  sid: number;
  /** Oldest and newest point, or null while the series has none. */
  minT: number | null;
  maxT: number | null;
}

export class SeriesRegistry {
  private readonly byKey = new Map<string, SeriesRow>();
  private readonly bySid = new Map<number, SeriesRow>();
  private readonly pending = new Map<string, number>();
  private nextSid = 1;

  load(rows: readonly SeriesRow[]): void {
    for (const r of rows) this.put(r);
  }

  private put(r: SeriesRow): void {
    this.byKey.set(r.key, r);
    this.bySid.set(r.sid, r);
    this.nextSid = Math.max(this.nextSid, r.sid + 1);
  }

  /** The committed series of a key (canonical or not), or undefined. Invalid keys are simply unknown. */
  find(key: string): SeriesRow | undefined {
    const direct = this.byKey.get(key);
    if (direct) return direct;
    try {
      return this.byKey.get(canonicalSeriesKey(key));
    } catch {
      return undefined;
    }
  }

  bySidOf(sid: number): SeriesRow | undefined {
    return this.bySid.get(sid);
  }

  /** Ids up to `sid` are taken by rows this registry does not hold (the rollup series of other sources). */
  reserveThrough(sid: number): void {
    this.nextSid = Math.max(this.nextSid, sid + 1);
  }

  /** A fresh id for a series row kept elsewhere (the rollup store); never handed out twice. */
  allocate(): number {
    return this.nextSid++;
  }

  /** The id for a canonical key: the committed one, a pending one, or a fresh pending one. */
  idFor(canonicalKey: string): { sid: number; isNew: boolean } {
    const known = this.byKey.get(canonicalKey);
    if (known) return { sid: known.sid, isNew: false };
    let sid = this.pending.get(canonicalKey);
    if (sid === undefined) {
      sid = this.nextSid++;
      this.pending.set(canonicalKey, sid);
    }
    return { sid, isNew: true };
  }

  /** Record a series whose first points were just committed. */
  committed(key: string, sid: number, extra: { unit?: string | undefined; description?: string | undefined }): SeriesRow {
    const known = this.byKey.get(key);
    if (known) return known;
    const ref = parseSeriesKey(key);
    const row: SeriesRow = { sid, key, measurement: ref.measurement, field: ref.field, tags: { ...ref.tags }, minT: null, maxT: null };
    if (extra.unit !== undefined) row.unit = extra.unit;
    if (extra.description !== undefined) row.description = extra.description;
    this.pending.delete(key);
    this.put(row);
    return row;
  }

  get size(): number {
    return this.byKey.size;
  }

  all(): SeriesRow[] {
    return [...this.byKey.values()];
  }

  /** Case-insensitive search over key, measurement, field, tag values, unit and description; sorted by key. */
  search(text: string | undefined, limit: number | undefined): CatalogEntry[] {
    const needle = (text ?? '').trim().toLowerCase();
    const out: CatalogEntry[] = [];
    const rows = this.all().sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    for (const r of rows) {
      if (limit !== undefined && out.length >= limit) break;
      if (needle !== '' && !matches(r, needle)) continue;
      const entry: CatalogEntry = { key: r.key, measurement: r.measurement, field: r.field, tags: { ...r.tags } };
      if (r.unit !== undefined) entry.unit = r.unit;
      if (r.description !== undefined) entry.description = r.description;
      out.push(entry);
    }
    return out;
  }
}

function matches(r: SeriesRow, needle: string): boolean {
  const hay = [r.key, r.measurement, r.field, ...Object.values(r.tags), r.unit ?? '', r.description ?? ''];
  return hay.some((s) => s.toLowerCase().includes(needle));
}

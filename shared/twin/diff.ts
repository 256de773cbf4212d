import { collectionNames, type CollectionName, type RecordOf, type TwinMeta, type TwinState } from './state';

/** What changed in one collection: records added, updated (from → to) and removed. */
export interface RecordsDiff<T> {
  added: Record<string, T>;
  updated: Record<string, readonly [from: T, to: T]>;
  removed: Record<string, T>;
}

/** A change to a twin, reversible: the unit of undo. */
export type StateDiff = { [C in CollectionName]?: RecordsDiff<RecordOf<C>> } & { meta?: readonly [from: TwinMeta, to: TwinMeta] };

/** An empty diff for one collection. */
export function emptyRecordsDiff<T>(): RecordsDiff<T> {
  return { added: {}, updated: {}, removed: {} };
}

/** Whether a diff changes nothing. */
export function isEmptyDiff(diff: StateDiff): boolean {
  if (diff.meta && diff.meta[0] !== diff.meta[1]) return false;
  for (const c of collectionNames) {
    const d = diff[c];
    if (d && (Object.keys(d.added).length || Object.keys(d.updated).length || Object.keys(d.removed).length)) return false;
  }
  return true;
}

/** Apply a diff; untouched collections keep their identity so selectors do not re-run. */
export function applyDiff(state: TwinState, diff: StateDiff): TwinState {
  let next: TwinState = state;
  if (diff.meta) next = { ...next, meta: diff.meta[1] };
  for (const c of collectionNames) {
    const d = diff[c] as RecordsDiff<RecordOf<typeof c>> | undefined;
    if (!d) continue;
    const records: Record<string, RecordOf<typeof c>> = { ...next[c] };
    for (const id of Object.keys(d.removed)) delete records[id];
    for (const [id, [, to]] of Object.entries(d.updated)) records[id] = to;
    for (const [id, rec] of Object.entries(d.added)) records[id] = rec;
    next = { ...next, [c]: records };
  }
  return next;
}

/** The diff that undoes a diff. */
export function reverseDiff(diff: StateDiff): StateDiff {
  const out: StateDiff = {};
  if (diff.meta) out.meta = [diff.meta[1], diff.meta[0]];
  for (const c of collectionNames) {
    const d = diff[c] as RecordsDiff<RecordOf<typeof c>> | undefined;
    if (!d) continue;
    const updated: Record<string, readonly [RecordOf<typeof c>, RecordOf<typeof c>]> = {};
    for (const [id, [from, to]] of Object.entries(d.updated)) updated[id] = [to, from];
    (out as Record<string, unknown>)[c] = { added: { ...d.removed }, updated, removed: { ...d.added } };
  }
  return out;
}

function squashRecords<T>(a: RecordsDiff<T>, b: RecordsDiff<T>): RecordsDiff<T> {
  const out: RecordsDiff<T> = { added: { ...a.added }, updated: { ...a.updated }, removed: { ...a.removed } };
  for (const [id, rec] of Object.entries(b.added)) {
    const wasRemoved = out.removed[id];
    if (wasRemoved !== undefined) {
      delete out.removed[id];
      out.updated[id] = [wasRemoved, rec];
    } else out.added[id] = rec;
  }
  for (const [id, [from, to]] of Object.entries(b.updated)) {
    if (out.added[id] !== undefined) out.added[id] = to;
    else {
      const prior = out.updated[id];
      out.updated[id] = [prior ? prior[0] : from, to];
    }
  }
  for (const [id, rec] of Object.entries(b.removed)) {
    if (out.added[id] !== undefined) delete out.added[id];
    else {
      const prior = out.updated[id];
      delete out.updated[id];
      out.removed[id] = prior ? prior[0] : rec;
    }
  }
  return out;
}

/** One diff with the effect of `a` then `b`. */
export function squashDiffs(a: StateDiff, b: StateDiff): StateDiff {
  const out: StateDiff = {};
  if (a.meta || b.meta) {
    const from = a.meta ? a.meta[0] : (b.meta as readonly [TwinMeta, TwinMeta])[0];
    const to = b.meta ? b.meta[1] : (a.meta as readonly [TwinMeta, TwinMeta])[1];
    out.meta = [from, to];
  }
  for (const c of collectionNames) {
    const da = a[c] as RecordsDiff<RecordOf<typeof c>> | undefined;
    const db = b[c] as RecordsDiff<RecordOf<typeof c>> | undefined;
    if (da && db) (out as Record<string, unknown>)[c] = squashRecords(da, db);
    else if (da || db) (out as Record<string, unknown>)[c] = da ?? db;
  }
  return out;
}

/** Helper to build a diff collection by collection. */
export class DiffBuilder {
  private readonly diff: StateDiff = {};
  constructor(private readonly state: TwinState) {}

  private records<C extends CollectionName>(c: C): RecordsDiff<RecordOf<C>> {
    let d = this.diff[c] as RecordsDiff<RecordOf<C>> | undefined;
    if (!d) {
      d = emptyRecordsDiff<RecordOf<C>>();
      (this.diff as Record<string, unknown>)[c] = d;
    }
    return d;
  }

  /** The record as it will be after the diff so far (undefined when removed or absent). */
  current<C extends CollectionName>(c: C, id: string): RecordOf<C> | undefined {
    const d = this.diff[c] as RecordsDiff<RecordOf<C>> | undefined;
    if (d) {
      if (d.removed[id] !== undefined) return undefined;
      if (d.added[id] !== undefined) return d.added[id];
      const u = d.updated[id];
      if (u) return u[1];
    }
    return (this.state[c] as Record<string, RecordOf<C>>)[id];
  }

  add<C extends CollectionName>(c: C, rec: RecordOf<C>): this {
    this.records(c).added[rec.id] = rec;
    return this;
  }

  put<C extends CollectionName>(c: C, rec: RecordOf<C>): this {
    const d = this.records(c);
    if (d.added[rec.id] !== undefined) d.added[rec.id] = rec;
    else {
      const original = (this.state[c] as Record<string, RecordOf<C>>)[rec.id];
      if (original === undefined) d.added[rec.id] = rec;
      else d.updated[rec.id] = [original, rec];
    }
    return this;
  }

  remove<C extends CollectionName>(c: C, id: string): this {
    const d = this.records(c);
    if (d.added[id] !== undefined) {
      delete d.added[id];
      return this;
    }
    delete d.updated[id];
    const original = (this.state[c] as Record<string, RecordOf<C>>)[id];
    if (original !== undefined) d.removed[id] = original;
    return this;
  }

  setMeta(meta: TwinMeta): this {
    this.diff.meta = [this.diff.meta ? this.diff.meta[0] : this.state.meta, meta];
    return this;
  }

  build(): StateDiff {
    return this.diff;
  }
}

import { MongoNetworkError, MongoServerError } from 'mongodb';
import type { BulkOp, Doc, DriverCollection, FindOptions, IndexSpec, TwinCollections, UpdateResultLike } from '../driver-port';

/**
 * A driver-level stub for the push tests: three in-memory collections behind the DriverCollection calls
 * the twin store makes, with unique indexes enforced as MongoDB does (error code 11000), and faults that
 * can be set on any call: `before` (the call fails and nothing happens) or `after` (it happens, then the
 * reply is lost — the client sees a network error). It understands only the filters and updates the
 * store uses and throws on anything else, so it cannot quietly pretend to be MongoDB.
 */

export type FaultMode = 'before' | 'after';

export interface CallRecord {
  collection: string;
  op: string;
  /** Whether the call changes data. */
  write: boolean;
}

interface Index {
  name: string;
  fields: string[];
  unique: boolean;
}

function clone<T>(v: T): T {
  return structuredClone(v);
}

function compare(a: unknown, b: unknown): number {
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

function equal(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}

function matches(doc: Doc, filter: Doc): boolean {
  for (const [field, cond] of Object.entries(filter)) {
    const v = doc[field];
    if (typeof cond === 'object' && cond !== null && !(cond instanceof Date)) {
      for (const [op, arg] of Object.entries(cond)) {
        if (op === '$gt' && !(v !== undefined && compare(v, arg) > 0)) return false;
        else if (op === '$gte' && !(v !== undefined && compare(v, arg) >= 0)) return false;
        else if (op === '$lt' && !(v !== undefined && compare(v, arg) < 0)) return false;
        else if (op === '$lte' && !(v !== undefined && compare(v, arg) <= 0)) return false;
        else if (op === '$in' && !(Array.isArray(arg) && arg.some((x) => equal(v, x)))) return false;
        else if (!['$gt', '$gte', '$lt', '$lte', '$in'].includes(op)) throw new Error(`stub driver: filter operator ${op} is not supported`);
      }
    } else if (!equal(v, cond)) return false;
  }
  return true;
}

function project(doc: Doc, projection: FindOptions['projection']): Doc {
  if (!projection) return clone(doc);
  const out = clone(doc);
  for (const [k, v] of Object.entries(projection)) {
    if (v !== 0) throw new Error('stub driver: only exclusion projections are supported');
    delete out[k];
  }
  return out;
}

function duplicateKey(collection: string, index: Index, doc: Doc): MongoServerError {
  const keyValue = Object.fromEntries(index.fields.map((f) => [f, doc[f]]));
  const e = new MongoServerError({
    message: `E11000 duplicate key error collection: twins_test.${collection} index: ${index.name} dup key: ${JSON.stringify(keyValue)}`,
    code: 11000,
    codeName: 'DuplicateKey',
  });
  return e;
}

export class StubCollection implements DriverCollection {
  readonly docs: Doc[] = [];
  readonly indexes: Index[] = [{ name: '_id_', fields: ['_id'], unique: true }];
  private nextId = 1;

  constructor(
    readonly name: string,
    private readonly db: StubDatabase,
  ) {}

  private checkUnique(doc: Doc, except?: Doc): void {
    for (const index of this.indexes) {
      if (!index.unique) continue;
      const clash = this.docs.find((d) => d !== except && index.fields.every((f) => equal(d[f], doc[f])));
      if (clash) throw duplicateKey(this.name, index, doc);
    }
  }

  private insertNow(doc: Doc): void {
    const copy = clone(doc);
    if (copy._id === undefined) copy._id = `oid-${this.name}-${this.nextId++}`;
    this.checkUnique(copy);
    this.docs.push(copy);
  }

  private updateNow(filter: Doc, update: Doc, upsert: boolean): UpdateResultLike {
    const target = this.docs.find((d) => matches(d, filter));
    for (const op of Object.keys(update)) if (op !== '$set' && op !== '$setOnInsert') throw new Error(`stub driver: update operator ${op} is not supported`);
    if (target) {
      const next = { ...target, ...clone((update.$set as Doc | undefined) ?? {}) };
      this.checkUnique(next, target);
      Object.assign(target, next);
      return { matchedCount: 1, modifiedCount: update.$set ? 1 : 0, upsertedCount: 0 };
    }
    if (!upsert) return { matchedCount: 0, modifiedCount: 0, upsertedCount: 0 };
    const equalities = Object.fromEntries(Object.entries(filter).filter(([, v]) => typeof v !== 'object' || v === null || v instanceof Date));
    this.insertNow({ ...equalities, ...((update.$setOnInsert as Doc | undefined) ?? {}), ...((update.$set as Doc | undefined) ?? {}) });
    return { matchedCount: 0, modifiedCount: 0, upsertedCount: 1 };
  }

  findOne(filter: Doc, options?: FindOptions): Promise<Doc | null> {
    return this.db.call(this.name, 'findOne', false, () => {
      const d = this.docs.find((x) => matches(x, filter));
      return d ? project(d, options?.projection) : null;
    });
  }

  find(filter: Doc, options?: FindOptions): Promise<Doc[]> {
    return this.db.call(this.name, 'find', false, () => {
      let out = this.docs.filter((x) => matches(x, filter));
      const sort = options?.sort ? Object.entries(options.sort) : [];
      if (sort.length > 1) throw new Error('stub driver: sorting on more than one field is not supported');
      if (sort[0]) {
        const [field, dir] = sort[0];
        out = [...out].sort((a, b) => dir * compare(a[field], b[field]));
      }
      if (options?.limit) out = out.slice(0, options.limit);
      return out.map((d) => project(d, options?.projection));
    });
  }

  insertOne(doc: Doc): Promise<void> {
    return this.db.call(this.name, 'insertOne', true, () => this.insertNow(doc));
  }

  updateOne(filter: Doc, update: Doc, options?: { upsert?: boolean }): Promise<UpdateResultLike> {
    return this.db.call(this.name, 'updateOne', true, () => this.updateNow(filter, update, options?.upsert ?? false));
  }

  bulkWrite(ops: BulkOp[]): Promise<void> {
    return this.db.call(this.name, 'bulkWrite', true, () => {
      // Unordered, like the store asks: every operation is tried; duplicate keys are reported at the end.
      let firstError: unknown;
      for (const op of ops) {
        try {
          this.updateNow(op.updateOne.filter, op.updateOne.update, op.updateOne.upsert ?? false);
        } catch (e) {
          firstError ??= e;
        }
      }
      if (firstError) throw firstError;
    });
  }

  createIndexes(specs: IndexSpec[]): Promise<void> {
    return this.db.call(this.name, 'createIndexes', true, () => {
      for (const s of specs) {
        const existing = this.indexes.find((i) => i.name === s.name);
        const fields = Object.keys(s.key);
        if (existing) {
          if (existing.fields.join() !== fields.join() || existing.unique !== (s.unique ?? false))
            throw new Error(`stub driver: index ${s.name} exists with other options`);
          continue;
        }
        const index = { name: s.name, fields, unique: s.unique ?? false };
        if (index.unique) {
          const seen = new Set<string>();
          for (const d of this.docs) {
            const k = JSON.stringify(fields.map((f) => d[f]));
            if (seen.has(k)) throw duplicateKey(this.name, index, d);
            seen.add(k);
          }
        }
        this.indexes.push(index);
      }
    });
  }
}

/** The stub's database: its collections, the calls made, and the faults to inject. */
export class StubDatabase {
  readonly calls: CallRecord[] = [];
  private readonly faults = new Map<number, FaultMode>();
  private readonly collections = new Map<string, StubCollection>();
  /** Random yields between calls, so concurrent pushes interleave differently per seed. */
  private random: (() => number) | null = null;

  collection(name: string): StubCollection {
    let c = this.collections.get(name);
    if (!c) {
      c = new StubCollection(name, this);
      this.collections.set(name, c);
    }
    return c;
  }

  twinCollections(): TwinCollections {
    return { heads: this.collection('twins'), revisions: this.collection('twin_revisions'), sensors: this.collection('sensors') };
  }

  /** Fail the call with this 0-based index (counting every call from now on). */
  failAt(index: number, mode: FaultMode): void {
    this.faults.set(this.calls.length + index, mode);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  /** Interleave concurrent callers pseudo-randomly (a seeded generator). */
  shuffle(seed: number): void {
    let s = seed >>> 0 || 1;
    this.random = () => {
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      return (s >>> 0) / 2 ** 32;
    };
  }

  async call<T>(collection: string, op: string, write: boolean, run: () => T): Promise<T> {
    const yields = this.random ? Math.floor(this.random() * 4) : 1;
    for (let i = 0; i < yields; i++) await new Promise((r) => setImmediate(r));
    const index = this.calls.length;
    this.calls.push({ collection, op, write });
    const fault = this.faults.get(index);
    if (fault === 'before') throw new MongoNetworkError(`connection to 127.0.0.1:27017 closed before ${collection}.${op} was sent`);
    const result = run();
    if (fault === 'after') throw new MongoNetworkError(`connection to 127.0.0.1:27017 closed before the reply to ${collection}.${op} arrived`);
    return result;
  }
}

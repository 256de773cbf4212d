/**
 * The few driver calls the twin store makes, as a narrow interface: the real driver's collections are
 * adapted to it in mongo-connections.ts, and the push tests put a stub under it that fails at any call.
 * Filters use plain equality and $gt/$gte/$lt/$lte/$in; updates $set and $setOnInsert. Read and write
 * concerns are set on the collections (majority), not per call.
 */

export type Doc = Record<string, unknown>;

export interface FindOptions {
  projection?: Record<string, 0 | 1>;
  sort?: Record<string, 1 | -1>;
  limit?: number;
}

export interface UpdateResultLike {
  matchedCount: number;
  modifiedCount: number;
  upsertedCount: number;
}

export type BulkOp = { updateOne: { filter: Doc; update: Doc; upsert?: boolean } };

export interface IndexSpec {
  key: Record<string, 1 | -1>;
  name: string;
  unique?: boolean;
}

export interface DriverCollection {
  findOne(filter: Doc, options?: FindOptions): Promise<Doc | null>;
  find(filter: Doc, options?: FindOptions): Promise<Doc[]>;
  insertOne(doc: Doc): Promise<void>;
  updateOne(filter: Doc, update: Doc, options?: { upsert?: boolean }): Promise<UpdateResultLike>;
  /** Unordered: every operation is tried even when one fails. */
  bulkWrite(ops: BulkOp[]): Promise<void>;
  createIndexes(specs: IndexSpec[]): Promise<void>;
}

/** The three collections of a tenant's twin database. */
export interface TwinCollections {
  heads: DriverCollection;
  revisions: DriverCollection;
  sensors: DriverCollection;
}

/** MongoDB's duplicate key error, however the driver wraps it (a server error, a bulk write error). */
export function isDuplicateKey(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const code = (e as { code?: unknown }).code;
  if (code === 11000 || code === 11001) return true;
  const writeErrors = (e as { writeErrors?: unknown }).writeErrors;
  return Array.isArray(writeErrors) && writeErrors.length > 0 && writeErrors.every((w) => (w as { code?: unknown })?.code === 11000);
}

import { COLLECTIONS, readHeadDoc, readRevisionDoc, type HeadDoc, type RevisionDoc, type SensorDoc } from '../../../shared/tenant/twin-documents';
import { isDuplicateKey, type Doc, type IndexSpec, type TwinCollections } from './driver-port';

/** The indexes of the twin database, created on first use (creating an existing index is a no-op). */
export const TWIN_INDEXES: Record<keyof TwinCollections, IndexSpec[]> = {
  heads: [{ key: { updatedAt: -1 }, name: 'updatedAt' }],
  revisions: [
    { key: { twinId: 1, revision: 1 }, name: 'twinId_revision_unique', unique: true },
    { key: { pushId: 1 }, name: 'pushId_unique', unique: true },
  ],
  sensors: [
    { key: { twinId: 1, revision: 1, sensorId: 1 }, name: 'twinId_revision_sensorId_unique', unique: true },
    { key: { seriesKey: 1 }, name: 'seriesKey' },
  ],
};

export { COLLECTIONS };

/** Revision metadata without the twin itself (lists and chain walks need no 10 MB documents). */
const WITHOUT_TWIN = { document: 0, documentJson: 0 } as const;

/**
 * The twin collections as the operations a push and a pull need, each one driver call. Duplicate keys
 * come back as results, every other failure as thrown by the driver (the caller classifies it).
 */
export class TwinStore {
  private indexes: Promise<void> | null = null;

  constructor(private readonly c: TwinCollections) {}

  /** Create the indexes once per store; a failure is retried on the next call. */
  ensureIndexes(): Promise<void> {
    this.indexes ??= (async () => {
      await this.c.heads.createIndexes(TWIN_INDEXES.heads);
      await this.c.revisions.createIndexes(TWIN_INDEXES.revisions);
      await this.c.sensors.createIndexes(TWIN_INDEXES.sensors);
    })().catch((e: unknown) => {
      this.indexes = null;
      throw e;
    });
    return this.indexes;
  }

  async head(twinId: string): Promise<HeadDoc | null> {
    const raw = await this.c.heads.findOne({ _id: twinId });
    return raw ? readHeadDoc(raw) : null;
  }

  async heads(limit: number): Promise<HeadDoc[]> {
    return (await this.c.heads.find({}, { sort: { updatedAt: -1 }, limit })).map(readHeadDoc);
  }

  /** The revision a push wrote, found by its push id (without the twin). */
  async revisionByPushId(pushId: string): Promise<RevisionDoc | null> {
    const raw = await this.c.revisions.findOne({ pushId }, { projection: WITHOUT_TWIN });
    return raw ? readRevisionDoc(raw) : null;
  }

  /** One revision with its twin. */
  async revision(twinId: string, revision: number): Promise<RevisionDoc | null> {
    const raw = await this.c.revisions.findOne({ twinId, revision });
    return raw ? readRevisionDoc(raw) : null;
  }

  /** Metadata of the revisions in (above, upTo], newest first: enough to walk a head's chain. */
  async revisionsBetween(twinId: string, above: number, upTo: number): Promise<RevisionDoc[]> {
    const raw = await this.c.revisions.find({ twinId, revision: { $gt: above, $lte: upTo } }, { projection: WITHOUT_TWIN, sort: { revision: -1 } });
    return raw.map(readRevisionDoc);
  }

  /** Insert a revision; a duplicate says which unique key was taken (the revision number or the push id). */
  async insertRevision(doc: RevisionDoc): Promise<'inserted' | 'revision-taken' | 'push-exists'> {
    try {
      await this.c.revisions.insertOne(doc as unknown as Doc);
      return 'inserted';
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      // The error names the index only in its text; asking is clearer than parsing a message.
      return (await this.revisionByPushId(doc.pushId)) ? 'push-exists' : 'revision-taken';
    }
  }

  /** Write the sensor documents of a revision; writing them again (a retry) changes nothing. */
  async writeSensors(docs: readonly SensorDoc[]): Promise<void> {
    if (!docs.length) return;
    try {
      await this.c.sensors.bulkWrite(
        docs.map(({ twinId, revision, sensorId, ...rest }) => ({
          // The key fields come from the filter on insert; naming them again in the update is not needed.
          updateOne: { filter: { twinId, revision, sensorId }, update: { $setOnInsert: rest }, upsert: true },
        })),
      );
    } catch (e) {
      // Two upserts racing on the same key: the other one inserted the same document.
      if (!isDuplicateKey(e)) throw e;
    }
  }

  async sensors(twinId: string, revision: number): Promise<SensorDoc[]> {
    return (await this.c.sensors.find({ twinId, revision }, { sort: { sensorId: 1 } })) as unknown as SensorDoc[];
  }

  /** Create the head of a new twin; 'exists' when someone created it first. */
  async createHead(doc: HeadDoc): Promise<'created' | 'exists'> {
    try {
      await this.c.heads.insertOne(doc as unknown as Doc);
      return 'created';
    } catch (e) {
      if (isDuplicateKey(e)) return 'exists';
      throw e;
    }
  }

  /** Move the head from `from` to a new revision if it still points at `from` (compare-and-set). */
  async moveHead(twinId: string, from: number, next: HeadDoc): Promise<boolean> {
    const { _id: _ignored, ...fields } = next;
    const r = await this.c.heads.updateOne({ _id: twinId, revision: from }, { $set: fields });
    return r.matchedCount === 1;
  }
}

import type { DuckDBConnection } from '@duckdb/node-api';
import { twinError } from '../../../shared/api/errors';
import type { WriteResult } from '../../../shared/series/types';
import { numericFieldSeries, type DeleteSelection, type WriteRecord } from '../../../shared/series/write-record';
import type { CallOptions } from '../source';
import type { AsyncMutex } from './async-mutex';
import type { SeriesRegistry } from './series-registry';
import type { StagedWrite } from './staged-write';

const MAX_WRITE_ERRORS = 100;

function checkAborted(options: CallOptions): void {
  if (options.signal?.aborted) throw new DOMException('The request was cancelled.', 'AbortError');
}

/**
 * Write multi-field points with tags into the local store: each numeric field becomes a point of its own
 * series (`measurement,tags#field`), all in one staged write; text fields are not kept (the store holds
 * numbers). A point with a number that cannot be stored is dropped whole and reported; the rest commit
 * together, replacing values at the same series and time.
 */
export async function writeRecordsTo(begin: () => Promise<StagedWrite>, records: readonly WriteRecord[], options: CallOptions): Promise<WriteResult> {
  checkAborted(options);
  const errors: string[] = [];
  let dropped = 0;
  const reject = (i: number, why: string): void => {
    dropped++;
    if (errors.length < MAX_WRITE_ERRORS) errors.push(`Point ${i + 1}: ${why}`);
  };
  const stage = await begin();
  try {
    records.forEach((r, i) => {
      if (!Number.isSafeInteger(r.t)) return reject(i, `the timestamp ${r.t} is not whole epoch milliseconds`);
      let fields: { key: string; value: number }[];
      try {
        fields = numericFieldSeries(r);
      } catch (e) {
        return reject(i, (e as Error).message);
      }
      if (fields.length === 0) return reject(i, 'the point has no numeric field');
      if (fields.some((f) => !Number.isFinite(f.value))) return reject(i, 'a field is not a finite number');
      let sids: number[];
      try {
        sids = fields.map((f) => stage.series(f.key));
      } catch (e) {
        return reject(i, (e as Error).message);
      }
      sids.forEach((sid, k) => stage.add(sid, r.t, (fields[k] as { value: number }).value));
    });
    await stage.commit();
    return { written: records.length - dropped, dropped, errors };
  } catch (e) {
    await stage.abort();
    throw e;
  }
}

/** What deleting needs of the store. */
export interface DeleteAccess {
  registry: SeriesRegistry;
  writes: AsyncMutex;
  connect(): Promise<DuckDBConnection>;
}

/** Delete the points of a measurement's series that carry the selection's tags, in [from, to), under the store's write lock. */
export async function deletePoints(store: DeleteAccess, selection: DeleteSelection, options: CallOptions): Promise<void> {
  checkAborted(options);
  if (!Number.isSafeInteger(selection.from) || !Number.isSafeInteger(selection.to) || selection.to <= selection.from)
    throw twinError('invalid-input', `The range ${selection.from}…${selection.to} is not whole milliseconds with the end after the start.`);
  const sids = store.registry
    .all()
    .filter((r) => r.measurement === selection.measurement && Object.entries(selection.tags).every(([k, v]) => r.tags[k] === v))
    .map((r) => r.sid);
  if (sids.length === 0) return;
  // Series ids and times are numbers this store made; no user text reaches the SQL.
  await store.writes.run(async () => {
    const conn = await store.connect();
    try {
      await conn.run(`DELETE FROM points WHERE sid IN (${sids.join(',')}) AND t >= ${selection.from} AND t < ${selection.to}`);
    } finally {
      conn.closeSync();
    }
  });
}

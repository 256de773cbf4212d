import { describe, expect, it } from 'vitest';
import { summarizeChanges } from '../../../shared/tenant/change-summary';
import { asset, sampleTwin, sensor } from '../../../shared/tenant/testing/sample-twin';
import type { TwinDocument } from '../../../shared/twin/schema';
import { isTransientMongoError } from './mongo-errors';
import { PushConflict, pushOnce, pushTwin, type PushRequest, type PushResult } from './push-twin';
import { StubDatabase } from './testing/stub-driver';
import { hashOf, tenantProblems } from './testing/tenant-invariants';
import { TwinStore } from './twin-store';

const T0 = Date.UTC(2025, 6, 15, 14, 0);

function request(content: TwinDocument, base: number | null, pushId: string, author = 'ana'): PushRequest {
  let tick = 0;
  return {
    twinId: content.id,
    content,
    contentHash: hashOf(content),
    base,
    pushId,
    author,
    message: `push ${pushId}`,
    now: () => new Date(T0 + tick++ * 1000),
  };
}

function data(db: StubDatabase) {
  return { heads: db.collection('twins').docs, revisions: db.collection('twin_revisions').docs, sensors: db.collection('sensors').docs };
}

function expectConsistent(db: StubDatabase, twinId = 'b7-plant'): void {
  expect(tenantProblems(data(db), twinId)).toEqual([]);
}

const head = (db: StubDatabase) => db.collection('twins').docs[0];
const noRetry = { attempts: 1, isTransient: isTransientMongoError };

/** A tenant with the sample twin at revision 1, pushed by "bo". */
async function tenantAtRevision1(): Promise<StubDatabase> {
  const db = new StubDatabase();
  await pushOnce(new TwinStore(db.twinCollections()), request(sampleTwin(), null, 'push-first', 'bo'));
  return db;
}

/** The sample twin with one more asset and a new binding: what a colleague's edit looks like. */
function edited(tag = 'CT-2'): TwinDocument {
  const t = sampleTwin();
  return {
    ...t,
    assets: [...t.assets, asset('ct2', tag, 'cooling-tower', 600)],
    sensors: [...t.sensors, sensor('s4', `${tag}_FAN#value`, 'ct2', { role: 'fan-power' })],
  };
}

describe('a push without faults', () => {
  it('creates the indexes, the revision, the head and one sensor document per bound sensor', async () => {
    const db = new StubDatabase();
    const result = await pushOnce(new TwinStore(db.twinCollections()), request(sampleTwin(), null, 'p1'));
    expect(result).toEqual({ outcome: 'pushed', revision: 1 });
    expect(db.collection('twin_revisions').indexes.map((i) => [i.name, i.fields, i.unique])).toEqual([
      ['_id_', ['_id'], true],
      ['twinId_revision_unique', ['twinId', 'revision'], true],
      ['pushId_unique', ['pushId'], true],
    ]);
    expect(db.collection('sensors').indexes.map((i) => i.name)).toEqual(['_id_', 'twinId_revision_sensorId_unique', 'seriesKey']);
    expect(head(db)).toMatchObject({ _id: 'b7-plant', revision: 1, pushId: 'p1', updatedBy: 'ana', message: 'push p1' });
    expect(db.collection('sensors').docs.map((s) => [s.sensorId, s.seriesKey, s.assetTag, s.revision])).toEqual([
      ['s1', 'B7_CH1_KW#value', 'CH-1', 1],
      ['s2', 'LCHWT_1#value', 'CH-1', 1],
    ]);
    expectConsistent(db);
  });

  it('writes no revision for unchanged content, and the next revision on top of its base', async () => {
    const db = await tenantAtRevision1();
    const store = new TwinStore(db.twinCollections());
    expect(await pushOnce(store, request(sampleTwin(), 1, 'p2'))).toEqual({ outcome: 'unchanged', revision: 1 });
    expect(db.collection('twin_revisions').docs).toHaveLength(1);
    expect(await pushOnce(store, request(edited(), 1, 'p3'))).toEqual({ outcome: 'pushed', revision: 2 });
    expect(head(db)).toMatchObject({ revision: 2, pushId: 'p3' });
    expect(db.collection('sensors').docs.filter((s) => s.revision === 2)).toHaveLength(3);
    expectConsistent(db);
  });

  it('is a conflict when the head moved, when the twin exists but was never pulled, or when it is gone', async () => {
    const db = await tenantAtRevision1();
    const store = new TwinStore(db.twinCollections());
    await pushOnce(store, request(edited(), 1, 'p2'));
    const moved = await pushOnce(store, request(edited('CT-9'), 1, 'p3')).catch((e: unknown) => e);
    expect(moved).toBeInstanceOf(PushConflict);
    expect(moved).toMatchObject({ reason: 'head-moved', base: 1, head: { revision: 2, updatedBy: 'ana', pushId: 'p2' } });
    await expect(pushOnce(store, request(edited('CT-9'), null, 'p4'))).rejects.toMatchObject({ reason: 'twin-exists' });
    const other = { ...sampleTwin(), id: 'other-twin' };
    await expect(pushOnce(store, request(other, 3, 'p5'))).rejects.toMatchObject({ reason: 'twin-gone', head: null });
    expect(db.collection('twin_revisions').docs).toHaveLength(2);
    expectConsistent(db);
  });

  it('skips a revision number an abandoned push left behind, and keeps it out of the chain', async () => {
    const db = await tenantAtRevision1();
    // A push died after writing revision 2 and before moving the head.
    db.failAt(6, 'before'); // sensors.bulkWrite: the revision is written, the head never moves
    await expect(pushOnce(new TwinStore(db.twinCollections()), request(edited('CT-8'), 1, 'dead'))).rejects.toThrow(/closed/);
    expect(db.collection('twin_revisions').docs.map((r) => r.revision)).toEqual([1, 2]);
    const result = await pushOnce(new TwinStore(db.twinCollections()), request(edited(), 1, 'p2'));
    expect(result).toEqual({ outcome: 'pushed', revision: 3 });
    expect(db.collection('twin_revisions').docs.find((r) => r.revision === 3)).toMatchObject({ baseRevision: 1 });
    expectConsistent(db);
    // The dead push, retried now, learns that someone else's revision became the head.
    await expect(pushOnce(new TwinStore(db.twinCollections()), request(edited('CT-8'), 1, 'dead'))).rejects.toMatchObject({
      reason: 'head-moved',
      head: { revision: 3 },
    });
    expectConsistent(db);
  });

  it('refuses a push id that was used for other content', async () => {
    const db = await tenantAtRevision1();
    await expect(pushOnce(new TwinStore(db.twinCollections()), request(edited(), 1, 'push-first'))).rejects.toMatchObject({ kind: 'invalid-input' });
  });
});

/** The calls a clean push makes, to fail each in turn. */
async function callsOfCleanPush(setup: () => Promise<StubDatabase>, req: () => PushRequest): Promise<string[]> {
  const db = await setup();
  const start = db.calls.length;
  await pushOnce(new TwinStore(db.twinCollections()), req());
  return db.calls.slice(start).map((c) => `${c.collection}.${c.op}${c.write ? ' (write)' : ''}`);
}

const scenarios = [
  { name: 'the first push of a twin', setup: async () => new StubDatabase(), req: () => request(sampleTwin(), null, 'mine'), revision: 1 },
  { name: 'a push on top of revision 1', setup: tenantAtRevision1, req: () => request(edited(), 1, 'mine'), revision: 2 },
];

describe.each(scenarios)('$name, failing at every call in turn', ({ setup, req, revision }) => {
  it('makes the calls the design says, in order', async () => {
    const calls = await callsOfCleanPush(setup, req);
    expect(calls).toEqual([
      'twins.createIndexes (write)',
      'twin_revisions.createIndexes (write)',
      'sensors.createIndexes (write)',
      'twin_revisions.findOne',
      'twins.findOne',
      'twin_revisions.insertOne (write)',
      'sensors.bulkWrite (write)',
      revision === 1 ? 'twins.insertOne (write)' : 'twins.updateOne (write)',
      'twins.findOne',
    ]);
  });

  for (const mode of ['before', 'after'] as const) {
    it(`fault ${mode} each call (${mode === 'after' ? 'the write happens, its reply is lost' : 'nothing happens'}): consistent at once, and a retry completes exactly once`, async () => {
      const n = (await callsOfCleanPush(setup, req)).length;
      for (let i = 0; i < n; i++) {
        const db = await setup();
        db.failAt(i, mode);
        const first = await pushTwin(new TwinStore(db.twinCollections()), req(), noRetry).catch((e: unknown) => e);
        // A fault on any call fails this attempt (the reply is lost even when the write happened) ...
        expect(isTransientMongoError(first), `call ${i} ${mode}`).toBe(true);
        // ... and leaves the tenant consistent: the head only ever points at a complete revision.
        expect(tenantProblems(data(db), 'b7-plant'), `after a fault at call ${i} ${mode}`).toEqual([]);
        const committedBefore = head(db)?.pushId === 'mine';
        expect(head(db)?.revision ?? null, `head after a fault at call ${i}`).toBe(committedBefore ? revision : revision === 1 ? null : 1);

        const retried: PushResult = await pushOnce(new TwinStore(db.twinCollections()), req());
        expect(retried, `retry after call ${i} ${mode}`).toEqual({ outcome: committedBefore ? 'already-pushed' : 'pushed', revision });
        expectConsistent(db);
        expect(head(db)).toMatchObject({ revision, pushId: 'mine' });
        expect(db.collection('twin_revisions').docs.filter((r) => r.pushId === 'mine')).toHaveLength(1);
        expect(db.collection('twin_revisions').docs).toHaveLength(revision);
        // A third run writes nothing.
        const writes = () => db.calls.filter((c) => c.write && c.op !== 'createIndexes').length;
        const before = writes();
        expect(await pushOnce(new TwinStore(db.twinCollections()), req())).toEqual({ outcome: 'already-pushed', revision });
        expect(writes()).toBe(before);
      }
    });
  }

  it('with retries on, one call finishes the push despite a fault at any call', async () => {
    const n = (await callsOfCleanPush(setup, req)).length;
    for (let i = 0; i < n; i++) {
      for (const mode of ['before', 'after'] as const) {
        const db = await setup();
        db.failAt(i, mode);
        const slept: number[] = [];
        const result = await pushTwin(new TwinStore(db.twinCollections()), req(), {
          attempts: 3,
          delayMs: 100,
          isTransient: isTransientMongoError,
          sleep: async (ms) => void slept.push(ms),
        });
        expect(result.revision).toBe(revision);
        expect(['pushed', 'already-pushed']).toContain(result.outcome);
        expect(slept).toEqual([100]);
        expectConsistent(db);
      }
    }
  });
});

describe('a push on top of revision 1 that fails, then a colleague pushes from the same base', () => {
  const { setup, req, revision } = scenarios[1]!;
  for (const mode of ['before', 'after'] as const) {
    it(`fault ${mode} each call, then a colleague pushes from the same base: the retry reports its success or the conflict, never both`, async () => {
      const n = (await callsOfCleanPush(setup, req)).length;
      for (let i = 0; i < n; i++) {
        const db = await setup();
        db.failAt(i, mode);
        await pushTwin(new TwinStore(db.twinCollections()), req(), noRetry).catch(() => undefined);
        const committed = head(db)?.pushId === 'mine';
        const colleague = await pushOnce(new TwinStore(db.twinCollections()), request(edited('CT-7'), 1, 'colleague', 'bo')).catch((e: unknown) => e);
        expect(colleague instanceof PushConflict, `colleague after call ${i}`).toBe(committed);
        const retried = await pushOnce(new TwinStore(db.twinCollections()), req()).catch((e: unknown) => e);
        if (committed) expect(retried).toEqual({ outcome: 'already-pushed', revision });
        else {
          expect(retried, `retry after call ${i} ${mode}`).toBeInstanceOf(PushConflict);
          expect(retried).toMatchObject({ reason: 'head-moved', head: { pushId: 'colleague', updatedBy: 'bo' } });
        }
        expectConsistent(db);
        expect(db.collection('twins').docs[0]!.pushId).toBe(committed ? 'mine' : 'colleague');
      }
    });
  }
});

describe('two pushes from the same base at the same time', () => {
  it('exactly one wins and the other gets the conflict with who pushed what, over 60 interleavings', async () => {
    const winners = new Set<string>();
    for (let seed = 1; seed <= 60; seed++) {
      const db = await tenantAtRevision1();
      db.shuffle(seed);
      const a = edited('CT-2');
      const b = edited('CT-3');
      const results = await Promise.allSettled([
        pushOnce(new TwinStore(db.twinCollections()), request(a, 1, 'ana-push', 'ana')),
        pushOnce(new TwinStore(db.twinCollections()), request(b, 1, 'bo-push', 'bo')),
      ]);
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(won, `seed ${seed}`).toHaveLength(1);
      expect(lost).toHaveLength(1);
      const conflict = lost[0]!.reason as PushConflict;
      expect(conflict).toBeInstanceOf(PushConflict);
      const winner = head(db)!;
      winners.add(String(winner.pushId));
      expect(conflict.head).toMatchObject({ pushId: winner.pushId, updatedBy: winner.updatedBy });
      expect(['ana-push', 'bo-push']).toContain(winner.pushId);
      expect((won[0] as PromiseFulfilledResult<PushResult>).value.outcome).toBe('pushed');
      expectConsistent(db);
      // The loser's summary: what the winner changed since their common base.
      const theirs = summarizeChanges(sampleTwin(), winner.pushId === 'ana-push' ? a : b);
      expect(theirs.assets.added.map((x) => x.label)).toEqual([winner.pushId === 'ana-push' ? 'CT-2' : 'CT-3']);
    }
    // Both orders happen across the interleavings.
    expect(winners.size).toBe(2);
  });

  it('two pushes of the same content: one writes, the other finds it unchanged', async () => {
    for (let seed = 1; seed <= 20; seed++) {
      const db = await tenantAtRevision1();
      db.shuffle(seed);
      const results = await Promise.all([
        pushOnce(new TwinStore(db.twinCollections()), request(edited(), 1, 'a')).catch((e: unknown) => e),
        pushOnce(new TwinStore(db.twinCollections()), request(edited(), 1, 'b')).catch((e: unknown) => e),
      ]);
      const outcomes = results.map((r) => (r instanceof PushConflict ? 'conflict' : (r as PushResult).outcome)).sort();
      expect(outcomes, `seed ${seed}`).toEqual(['pushed', 'unchanged']);
      expectConsistent(db);
    }
  });
});

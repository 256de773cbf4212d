import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MongoClient } from 'mongodb';
import { asset, sampleTwin, sensor } from '../../../shared/tenant/testing/sample-twin';
import { mongoWhere, parseMongoUri } from '../../../shared/tenant/mongo-uri';
import type { TwinDocument } from '../../../shared/twin/schema';
import { mongoSteps } from '../connection-test/mongo-steps';
import type { ResolvedTenant } from '../resolve-tenant';
import { compareWithHead, listRevisions, listTwins, pullTwin, pushToTenant } from '../tenant-operations';
import type { Doc, DriverCollection, TwinCollections } from './driver-port';
import { MongoConnections, twinCollections, type MongoTarget } from './mongo-connections';
import { newMongoClient } from './mongo-driver';
import { isTransientMongoError } from './mongo-errors';
import { PushConflict, pushOnce, pushTwin } from './push-twin';
import { hashOf, tenantProblems } from './testing/tenant-invariants';
import { TwinStore } from './twin-store';
import { MongoNetworkError } from 'mongodb';

/**
 * The tenant store against a real MongoDB (a replica set or a standalone server), when MONGODB_URI is set:
 *   MONGODB_URI=mongodb://127.0.0.1:27017/?directConnection=true npx vitest run electron/tenant/mongo/mongo-integration.test.ts
 * Each run works in its own database (twin_it_<random>) and drops it afterwards. No MongoDB can be
 * installed on the build machines, so without the variable the suite says so and does not run.
 */

const URI = process.env.MONGODB_URI;
if (!URI) {
  console.log(
    '[mongodb integration] NOT RUN: MONGODB_URI is not set. Start a MongoDB (see README, "Testing against MongoDB") and set MONGODB_URI to run push, conflict, pull, index and sensor-document tests against it.',
  );
}

const DB = `twin_it_${randomBytes(4).toString('hex')}`;
let client: MongoClient;
let mongo: MongoConnections;
let target: MongoTarget;
let tenant: ResolvedTenant;

function edited(tag: string): TwinDocument {
  const t = sampleTwin();
  return {
    ...t,
    assets: [...t.assets, asset(tag.toLowerCase(), tag, 'cooling-tower', 600)],
    sensors: [...t.sensors, sensor(`s-${tag}`, `${tag}_FAN#value`, tag.toLowerCase())],
  };
}

async function raw() {
  const db = client.db(DB);
  const all = async (name: string) => (await db.collection(name).find({}).toArray()) as unknown as Doc[];
  return { heads: await all('twins'), revisions: await all('twin_revisions'), sensors: await all('sensors') };
}

/** The real driver's collections, with the reply of one write lost after the server applied it. */
function losingReplyOf(collections: TwinCollections, which: keyof TwinCollections, op: keyof DriverCollection): TwinCollections {
  let armed = true;
  const wrapped: DriverCollection = { ...collections[which] };
  const real = collections[which][op] as (...a: unknown[]) => Promise<unknown>;
  (wrapped as unknown as Record<string, unknown>)[op] = async (...a: unknown[]) => {
    const result = await real.apply(collections[which], a);
    if (armed) {
      armed = false;
      throw new MongoNetworkError(`connection closed before the reply to ${which}.${op} arrived (test)`);
    }
    return result;
  };
  return { ...collections, [which]: wrapped };
}

describe.runIf(URI)('the tenant store against a real MongoDB', () => {
  beforeAll(async () => {
    const uri = parseMongoUri(URI as string);
    client = await newMongoClient(URI as string, { serverSelectionTimeoutMS: 10_000 });
    await client.connect();
    target = { tenant: 'it', uri: URI as string, database: DB, where: mongoWhere(uri), secrets: [uri.password] };
    mongo = new MongoConnections();
    tenant = { id: 'it', name: 'integration', key: `it/${DB}`, author: 'ana', influx: null, mongo: target, secretProblems: {} };
  });

  afterAll(async () => {
    await mongo?.closeAll();
    await client?.db(DB).dropDatabase();
    await client?.close();
  });

  it('the connection test passes every step and tells a replica set from a standalone server', async () => {
    const report = await mongoSteps(target);
    const failed = report.steps.filter((s) => s.status === 'failed');
    expect(failed).toEqual([]);
    const deployment = report.steps.find((s) => s.id === 'deployment');
    const hello = await client.db('admin').command({ hello: 1 });
    expect(deployment?.detail).toMatch(typeof hello.setName === 'string' ? /^Replica set/ : /^Standalone server/);
    expect(report.steps.find((s) => s.id === 'version')?.detail).toMatch(/^MongoDB \d+\.\d+/);
  });

  it('pushes a new twin: indexes, revision 1, its head and its sensor documents', async () => {
    const r = await pushToTenant(mongo, tenant, sampleTwin(), { message: 'First', pushId: 'it-push-0001', otherTenantConfirmed: false, overwrite: null });
    expect(r).toMatchObject({ outcome: 'pushed', revision: 1, link: { key: tenant.key, revision: 1 } });
    const indexes = (await client.db(DB).collection('twin_revisions').indexes()).map((i) => [i.name, i.unique ?? false]);
    expect(indexes).toEqual(
      expect.arrayContaining([
        ['twinId_revision_unique', true],
        ['pushId_unique', true],
      ]),
    );
    const sensorIndexes = (await client.db(DB).collection('sensors').indexes()).map((i) => i.name);
    expect(sensorIndexes).toEqual(expect.arrayContaining(['twinId_revision_sensorId_unique', 'seriesKey']));
    const data = await raw();
    expect(tenantProblems(data, 'b7-plant')).toEqual([]);
    expect(data.sensors.map((s) => [s.sensorId, s.seriesKey, s.source, s.sourceName, s.assetTag, s.role, s.unit, s.trusted, s.twinId, s.revision])).toEqual([
      ['s1', 'B7_CH1_KW#value', 'historian', 'Plant historian', 'CH-1', 'power', 'kW', true, 'b7-plant', 1],
      ['s2', 'LCHWT_1#value', 'local', 'Local store', 'CH-1', 'chws-temperature', '°C', true, 'b7-plant', 1],
    ]);
    expect(data.heads[0]).toMatchObject({ _id: 'b7-plant', revision: 1, updatedBy: 'ana', message: 'First' });
    expect(data.heads[0]!.updatedAt).toBeInstanceOf(Date);
  });

  it('pushes unchanged content without a new revision', async () => {
    const r = await pushToTenant(mongo, tenant, sampleTwin(), { message: 'Again', pushId: 'it-push-0002', otherTenantConfirmed: false, overwrite: null });
    expect(r.outcome).toBe('unchanged');
    expect((await raw()).revisions).toHaveLength(1);
  });

  it('two pushes from the same base at once: exactly one wins, the other gets the conflict with who, what and when', async () => {
    const linked = (doc: TwinDocument) => ({ ...doc, tenant: { key: tenant.key, name: tenant.name, revision: 1 } });
    const results = await Promise.allSettled([
      pushToTenant(mongo, { ...tenant, author: 'ana' }, linked(edited('CT-2')), {
        message: 'Add CT-2',
        pushId: 'it-push-ana',
        otherTenantConfirmed: false,
        overwrite: null,
      }),
      pushToTenant(mongo, { ...tenant, author: 'bo' }, linked(edited('CT-3')), {
        message: 'Add CT-3',
        pushId: 'it-push-bo',
        otherTenantConfirmed: false,
        overwrite: null,
      }),
    ]);
    const won = results.filter((x) => x.status === 'fulfilled');
    const lost = results.filter((x): x is PromiseRejectedResult => x.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const conflict = lost[0]!.reason as {
      kind: string;
      details: { pushConflict: { head: { by: string; revision: number }; theirs: { assets: { added: { label: string }[] } } } };
    };
    expect(conflict.kind).toBe('conflict');
    const data = await raw();
    const head = data.heads[0]!;
    expect(conflict.details.pushConflict.head).toMatchObject({ by: head.updatedBy, revision: head.revision });
    expect(conflict.details.pushConflict.theirs.assets.added.map((a) => a.label)).toEqual([head.updatedBy === 'ana' ? 'CT-2' : 'CT-3']);
    expect(tenantProblems(data, 'b7-plant')).toEqual([]);
  });

  it('a lost reply after a successful write is finished by the retry with the same push id, never written twice', async () => {
    const before = await listRevisions(mongo, tenant, 'b7-plant');
    const base = before.head!.revision;
    const content = edited('CT-9');
    const req = {
      twinId: 'b7-plant',
      content,
      contentHash: hashOf(content),
      base,
      pushId: 'it-push-lost',
      author: 'ana',
      message: 'lost reply',
      now: () => new Date(),
    };
    const real = twinCollections(client.db(DB));
    for (const [which, op] of [
      ['revisions', 'insertOne'],
      ['heads', 'updateOne'],
    ] as const) {
      const failing = new TwinStore(losingReplyOf(real, which, op));
      if (which === 'revisions') {
        await expect(pushOnce(failing, req)).rejects.toSatisfy(isTransientMongoError);
        expect(tenantProblems(await raw(), 'b7-plant')).toEqual([]);
        expect(await pushTwin(new TwinStore(real), req, { attempts: 1, isTransient: isTransientMongoError })).toEqual({
          outcome: 'pushed',
          revision: base + 1,
        });
      } else {
        const again = { ...req, pushId: 'it-push-lost-2', content: edited('CT-10'), contentHash: hashOf(edited('CT-10')), base: base + 1 };
        await expect(pushOnce(failing, again)).rejects.toSatisfy(isTransientMongoError);
        expect(await pushOnce(new TwinStore(real), again)).toEqual({ outcome: 'already-pushed', revision: base + 2 });
      }
    }
    const data = await raw();
    expect(tenantProblems(data, 'b7-plant')).toEqual([]);
    expect(data.revisions.filter((r) => r.pushId === 'it-push-lost')).toHaveLength(1);
    await expect(pushOnce(new TwinStore(real), { ...req, pushId: 'it-push-stale' })).rejects.toBeInstanceOf(PushConflict);
  });

  it('pulls the head and any committed revision as a project linked to the tenant, and lists them', async () => {
    const { head, revisions } = await listRevisions(mongo, tenant, 'b7-plant');
    expect(revisions[0]!.revision).toBe(head!.revision);
    expect(revisions.at(-1)).toMatchObject({ revision: 1, baseRevision: null, author: 'ana', message: 'First' });
    const pulled = await pullTwin(mongo, tenant, 'b7-plant');
    expect(pulled.isHead).toBe(true);
    expect(pulled.document.tenant).toEqual({ key: tenant.key, name: tenant.name, revision: head!.revision });
    const first = await pullTwin(mongo, tenant, 'b7-plant', 1);
    expect(first.document.assets.map((a) => a.tag)).toEqual(['CH-1', 'P-1', 'CT-1']);
    expect((await listTwins(mongo, tenant)).map((t) => t.twinId)).toEqual(['b7-plant']);
    const diff = await compareWithHead(mongo, tenant, first.document);
    expect(diff.base).toBe(1);
    expect(diff.summary?.assets.removed.length).toBeGreaterThan(0);
    await expect(pullTwin(mongo, tenant, 'b7-plant', 999)).rejects.toMatchObject({ kind: 'not-found' });
  });
});

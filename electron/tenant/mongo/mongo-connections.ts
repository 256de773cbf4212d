import { createHash } from 'node:crypto';
import type { Collection, Db, Document, MongoClient, MongoClientOptions } from 'mongodb';
import { newMongoClient, type ClientFactory } from './mongo-driver';
import { deploymentOf, type Deployment } from '../../../shared/tenant/mongo-deployment';
import { COLLECTIONS } from '../../../shared/tenant/twin-documents';
import type { DriverCollection, TwinCollections } from './driver-port';
import { isDriverError, isTransientMongoError, mongoFailure } from './mongo-errors';
import { pushTwin, type PushRequest, type PushResult } from './push-twin';
import { TwinStore } from './twin-store';
import { twinError } from '../../../shared/api/errors';
import { parseMongoUri } from '../../../shared/tenant/mongo-uri';
import { networkProblem, tcpConnect } from '../connection-test/network-probe';

/**
 * The one owner of MongoDB clients (DESIGN.md: services own their connections). A tenant's client is made
 * on first use and kept for the session, remade when its settings change, and closed with the app.
 * Writes are acknowledged by a majority and reads see only majority-committed data, so a push confirmed
 * here survives a failover. Every failure leaves as a TwinError naming the hosts, never the password.
 */

export interface MongoTarget {
  /** The tenant profile (or file) this is for: one client per tenant. */
  tenant: string;
  /** The connection string with the password in it; never shown. */
  uri: string;
  database: string;
  /** The hosts, for messages. */
  where: string;
  secrets: readonly (string | undefined)[];
  /** How long to wait for a server (default 10 s). */
  serverSelectionTimeoutMS?: number;
}

export interface MongoSession {
  db: Db;
  store: TwinStore;
  deployment: Deployment;
}

const CONCERNS = { writeConcern: { w: 'majority' as const }, readConcern: { level: 'majority' as const } };

/** The driver's collection as the narrow port the twin store uses. */
export function driverCollection(c: Collection<Document>): DriverCollection {
  return {
    findOne: (filter, options) => c.findOne(filter, options ?? {}),
    find: (filter, options) => c.find(filter, options ?? {}).toArray(),
    insertOne: async (doc) => {
      await c.insertOne(doc);
    },
    updateOne: async (filter, update, options) => {
      const r = await c.updateOne(filter, update, options ?? {});
      return { matchedCount: r.matchedCount, modifiedCount: r.modifiedCount, upsertedCount: r.upsertedCount };
    },
    bulkWrite: async (ops) => {
      await c.bulkWrite(ops, { ordered: false });
    },
    createIndexes: async (specs) => {
      await c.createIndexes(specs);
    },
  };
}

/** The twin collections of a database, with majority read and write concerns. */
export function twinCollections(db: Db): TwinCollections {
  return {
    heads: driverCollection(db.collection(COLLECTIONS.heads, CONCERNS)),
    revisions: driverCollection(db.collection(COLLECTIONS.revisions, CONCERNS)),
    sensors: driverCollection(db.collection(COLLECTIONS.sensors, CONCERNS)),
  };
}

/** What the server says about itself: `hello` (4.4.2+), else the older `isMaster` (4.2). */
export async function helloOf(db: Db): Promise<Record<string, unknown>> {
  const admin = db.admin();
  try {
    return (await admin.command({ hello: 1 })) as Record<string, unknown>;
  } catch (e) {
    if ((e as { code?: unknown }).code !== 59) throw e; // CommandNotFound
    return (await admin.command({ isMaster: 1 })) as Record<string, unknown>;
  }
}

/** Client options: a short server selection so an unreachable tenant is reported in seconds, not minutes. */
export function clientOptions(target: Pick<MongoTarget, 'serverSelectionTimeoutMS'>): MongoClientOptions {
  const timeout = target.serverSelectionTimeoutMS ?? 10_000;
  return {
    appName: 'Twin Studio',
    serverSelectionTimeoutMS: timeout,
    connectTimeoutMS: timeout,
    socketTimeoutMS: 120_000,
    maxPoolSize: 4,
    retryWrites: true,
    retryReads: true,
    // An undefined field is left out, as JSON does, rather than stored as null.
    ignoreUndefined: true,
  };
}

/**
 * Before handing a plain mongodb:// address to the driver, see whether anything listens: the driver waits
 * out its whole server-selection timeout even when every host refuses, and then says less than this.
 */
async function preflight(target: MongoTarget): Promise<void> {
  const uri = parseMongoUri(target.uri);
  if (uri.scheme !== 'mongodb') return;
  const probes = await Promise.all(uri.hosts.map(async (h) => ({ h, r: await tcpConnect(h.host, h.port ?? 27017, 3_000) })));
  const failed = probes.filter((p) => !p.r.ok);
  if (failed.length < probes.length) return;
  const first = failed[0]!;
  const code = first.r.ok ? '' : first.r.code;
  const message = networkProblem(code, first.h.host, first.h.port ?? 27017);
  throw twinError(
    code === 'ETIMEDOUT' ? 'timeout' : 'unreachable',
    `MongoDB: ${message}${failed.length > 1 ? ` The other ${failed.length - 1} host${failed.length > 2 ? 's do' : ' does'} not answer either.` : ''}`,
    {
      where: target.where,
    },
  );
}

interface Entry {
  fingerprint: string;
  client: MongoClient;
  session: Promise<MongoSession>;
}

export class MongoConnections {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly createClient: ClientFactory = newMongoClient) {}

  private fingerprint(t: MongoTarget): string {
    return createHash('sha256')
      .update(`${t.uri}\n${t.database}\n${t.serverSelectionTimeoutMS ?? ''}`)
      .digest('hex');
  }

  /** A connected session for a tenant: made on first use, kept while its settings stay the same. */
  async session(target: MongoTarget, action = 'connect'): Promise<MongoSession> {
    const fingerprint = this.fingerprint(target);
    const existing = this.entries.get(target.tenant);
    if (existing && existing.fingerprint === fingerprint) return existing.session;
    if (existing) await this.close(target.tenant);
    const fail = (e: unknown) =>
      mongoFailure(e, {
        where: target.where,
        database: target.database,
        action,
        secrets: target.secrets,
        timeoutMs: target.serverSelectionTimeoutMS ?? 10_000,
      });
    let client: MongoClient;
    try {
      // The constructor parses the connection string and throws on a bad one.
      client = await this.createClient(target.uri, clientOptions(target));
    } catch (e) {
      throw fail(e);
    }
    const entry: Entry = { fingerprint, client, session: Promise.resolve(null as never) };
    entry.session = (async (): Promise<MongoSession> => {
      await preflight(target);
      await client.connect();
      const db = client.db(target.database);
      return { db, store: new TwinStore(twinCollections(db)), deployment: deploymentOf(await helloOf(db)) };
    })().catch(async (e: unknown) => {
      // A failed connection is not kept: the next call tries again from scratch. Callers waiting on the
      // same attempt all get the same typed error.
      if (this.entries.get(target.tenant) === entry) this.entries.delete(target.tenant);
      await client.close().catch(() => undefined);
      throw fail(e);
    });
    this.entries.set(target.tenant, entry);
    return entry.session;
  }

  /** Run reads or writes on a tenant's database; failures become TwinErrors. */
  async run<T>(target: MongoTarget, action: string, work: (s: MongoSession) => Promise<T>): Promise<T> {
    const s = await this.session(target, action);
    try {
      return await work(s);
    } catch (e) {
      if (!isDriverError(e)) throw e;
      throw mongoFailure(e, {
        where: target.where,
        database: target.database,
        action,
        secrets: target.secrets,
        timeoutMs: target.serverSelectionTimeoutMS ?? 10_000,
      });
    }
  }

  /** Push with retries on transient failures (same push id each time, so nothing is written twice). */
  async push(target: MongoTarget, req: PushRequest): Promise<{ result: PushResult; deployment: Deployment }> {
    return this.run(target, 'push the twin', async (s) => ({
      result: await pushTwin(s.store, req, { attempts: 3, delayMs: 300, isTransient: isTransientMongoError }),
      deployment: s.deployment,
    }));
  }

  async close(tenant: string): Promise<void> {
    const e = this.entries.get(tenant);
    if (!e) return;
    this.entries.delete(tenant);
    await e.client.close().catch(() => undefined);
  }

  async closeAll(): Promise<void> {
    const all = [...this.entries.keys()];
    await Promise.all(all.map((t) => this.close(t)));
  }
}

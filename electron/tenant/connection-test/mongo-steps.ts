import { readFile } from 'node:fs/promises';
import { newMongoClient, type ClientFactory } from '../mongo/mongo-driver';
import type { ConnectionStep } from '../../../shared/api/tenant-schemas';
import { isTwinError } from '../../../shared/api/errors';
import { deploymentNote, deploymentOf, missingActions, serverVersionProblem, type Deployment, type Privilege } from '../../../shared/tenant/mongo-deployment';
import { mongoOption, mongoUsesTls, parseMongoUri, type MongoHost } from '../../../shared/tenant/mongo-uri';
import { COLLECTIONS } from '../../../shared/tenant/twin-documents';
import { clientOptions, helloOf, type MongoTarget } from '../mongo/mongo-connections';
import { mongoFailure } from '../mongo/mongo-errors';
import { isLoopback, networkProblem, resolveHost, resolveMongoSrv, tcpConnect, tlsHandshake, tlsProblem } from './network-probe';
import { StepLog } from './step-log';

const PLAN = [
  ['dns', 'Name resolution'],
  ['tcp', 'Connection'],
  ['tls', 'TLS'],
  ['auth', 'Authentication'],
  ['version', 'Server version'],
  ['deployment', 'Deployment'],
  ['database', 'Database'],
  ['rights', 'Rights'],
] as const;

const hostText = (h: { host: string; port: number }): string => `${h.host}:${h.port}`;

/**
 * Test a MongoDB connection step by step: DNS (with the SRV record of mongodb+srv://), TCP to each host,
 * TLS as the driver would do it, then with the driver: sign-in, server version, replica set or
 * standalone, the database and the user's rights on it.
 */
export async function mongoSteps(
  target: MongoTarget,
  createClient: ClientFactory = newMongoClient,
): Promise<{ target: string; steps: ConnectionStep[]; deployment?: Deployment }> {
  const log = new StepLog(PLAN);
  const uri = parseMongoUri(target.uri);
  const label = `MongoDB at ${target.where}, database "${target.database}"`;
  const done = () => ({ target: label, steps: log.steps });

  // 1. Names: a +srv name stands for the hosts of its SRV record.
  let hosts: { host: string; port: number }[];
  if (uri.scheme === 'mongodb+srv') {
    const srvHost = (uri.hosts[0] as MongoHost).host;
    const srv = await resolveMongoSrv(srvHost);
    if (!srv.ok) {
      log.fail('dns', `${networkProblem(srv.code, `_mongodb._tcp.${srvHost}`)} A mongodb+srv:// address needs that DNS SRV record.`);
      return done();
    }
    hosts = srv.targets;
    log.ok('dns', `${srvHost} lists ${hosts.length} server${hosts.length === 1 ? '' : 's'}: ${hosts.map(hostText).join(', ')}.`);
  } else {
    hosts = uri.hosts.map((h) => ({ host: h.host, port: h.port ?? 27017 }));
    const names = await Promise.all(hosts.map(async (h) => ({ h, r: await resolveHost(h.host) })));
    const bad = names.filter((n) => !n.r.ok);
    if (bad.length === names.length) {
      const first = bad[0]!;
      log.fail('dns', networkProblem(first.r.ok ? '' : first.r.code, first.h.host));
      return done();
    }
    const detail = names
      .map((n) => (n.r.ok ? (n.r.literal ? `${n.h.host} (an address)` : `${n.h.host} → ${n.r.addresses[0]}`) : `${n.h.host}: does not resolve`))
      .join('; ');
    (bad.length ? log.warn : log.ok).call(log, 'dns', `${detail}.`);
  }

  // 2. TCP to every server: a replica set can work with some down, and says which.
  const tcp = await Promise.all(hosts.map(async (h) => ({ h, r: await tcpConnect(h.host, h.port) })));
  const reachable = tcp.filter((t) => t.r.ok).map((t) => t.h);
  const unreachable = tcp.filter((t) => !t.r.ok);
  if (!reachable.length) {
    const first = unreachable[0]!;
    log.fail(
      'tcp',
      networkProblem(first.r.ok ? '' : first.r.code, first.h.host, first.h.port) +
        (unreachable.length > 1 ? ` (and the ${unreachable.length - 1} other host${unreachable.length > 2 ? 's' : ''})` : ''),
    );
    return done();
  }
  if (unreachable.length) {
    log.warn(
      'tcp',
      `${reachable.map(hostText).join(', ')} accept connections; ${unreachable.map((u) => networkProblem(u.r.ok ? '' : u.r.code, u.h.host, u.h.port)).join(' ')}`,
    );
  } else log.ok('tcp', `${reachable.map(hostText).join(', ')} accept${reachable.length === 1 ? 's' : ''} connections.`);

  // 3. TLS, with the options the driver would use.
  const first = reachable[0]!;
  if (mongoUsesTls(uri)) {
    const insecure = ['tlsAllowInvalidCertificates', 'tlsInsecure'].some((o) => mongoOption(uri, o)?.toLowerCase() === 'true');
    const caFile = mongoOption(uri, 'tlsCAFile');
    let ca: Buffer | undefined;
    if (caFile) {
      try {
        ca = await readFile(caFile);
      } catch {
        log.fail('tls', `The CA file named by tlsCAFile (${caFile}) cannot be read. Check the path.`);
        return done();
      }
    }
    const t = await tlsHandshake(first.host, first.port, { ...(ca ? { ca } : {}), rejectUnauthorized: !insecure });
    if (!t.ok) {
      log.fail('tls', tlsProblem(t.code, t.message, hostText(first)));
      return done();
    }
    const facts = `${t.protocol}, certificate for ${t.subject || first.host} from ${t.issuer || 'an unnamed issuer'}, valid until ${t.validTo}.`;
    if (insecure) log.warn('tls', `${facts} Certificates are not checked (tlsAllowInvalidCertificates): anyone on the way could read the password.`);
    else log.ok('tls', facts);
  } else if (hosts.every((h) => isLoopback(h.host))) log.skip('tls', 'Not used: the server is on this computer.');
  else log.warn('tls', 'Not used: the password and the twins travel unencrypted. Add tls=true to the connection string if the server offers TLS.');

  // 4–8 with the driver.
  let client;
  try {
    client = await createClient(target.uri, clientOptions(target));
  } catch (e) {
    log.fail(
      'auth',
      mongoFailure(e, {
        where: target.where,
        database: target.database,
        action: 'connect',
        secrets: target.secrets,
        timeoutMs: target.serverSelectionTimeoutMS ?? 10_000,
      }).message,
    );
    return done();
  }
  const timeoutMs = target.serverSelectionTimeoutMS ?? 10_000;
  const failure = (e: unknown, action: string): string =>
    (isTwinError(e) ? e : mongoFailure(e, { where: target.where, database: target.database, action, secrets: target.secrets, timeoutMs })).message;
  try {
    try {
      await client.connect();
      await client.db('admin').command({ ping: 1 });
    } catch (e) {
      const err = isTwinError(e)
        ? e
        : mongoFailure(e, { where: target.where, database: target.database, action: 'sign in', secrets: target.secrets, timeoutMs });
      // The network answered a moment ago: a server that never says hello is something else, or wants TLS.
      const silent = err.kind === 'unreachable' && /^No MongoDB server/.test(err.message);
      log.fail(
        'auth',
        silent
          ? `${hostText(first)} accepts connections, but no MongoDB answered within ${timeoutMs} ms: another service may listen on that port, or the server expects TLS (tls=true)${mongoUsesTls(uri) ? ' or not (tls=false)' : ''}.`
          : err.message,
      );
      return done();
    }
    const authSource = mongoOption(uri, 'authSource') ?? uri.defaultDb ?? 'admin';
    if (uri.username) log.ok('auth', `Signed in as "${uri.username}" (authSource ${authSource}).`);
    else log.warn('auth', 'No user in the connection string: the server lets anyone in, or every command will be refused.');

    const admin = client.db('admin');
    try {
      const info = (await admin.command({ buildInfo: 1 })) as { version?: unknown };
      const version = typeof info.version === 'string' ? info.version : '?';
      const problem = serverVersionProblem(version);
      if (problem) {
        log.fail('version', problem);
        return done();
      }
      log.ok('version', `MongoDB ${version}.`);
    } catch (e) {
      log.fail('version', failure(e, 'read the server version'));
      return done();
    }

    let deployment: Deployment;
    try {
      deployment = deploymentOf(await helloOf(client.db(target.database)));
      (deployment.kind === 'standalone' ? log.warn : log.ok).call(log, 'deployment', deploymentNote(deployment));
    } catch (e) {
      log.fail('deployment', failure(e, 'ask the server what it is'));
      return done();
    }

    const db = client.db(target.database);
    try {
      const names = (await db.listCollections({}, { nameOnly: true, authorizedCollections: true }).toArray()).map((c) => c.name);
      if (names.includes(COLLECTIONS.heads)) {
        const twins = await db.collection(COLLECTIONS.heads).estimatedDocumentCount();
        log.ok('database', `Database "${target.database}" holds ${twins} twin${twins === 1 ? '' : 's'}.`);
      } else if (names.length) log.ok('database', `Database "${target.database}" exists; the first push adds the twin collections and their indexes.`);
      else
        log.warn('database', `Database "${target.database}" does not exist yet (or is empty): the first push creates it, its collections and their indexes.`);
    } catch (e) {
      log.fail('database', failure(e, 'list the collections'));
      return { ...done(), deployment };
    }

    try {
      const status = (await admin.command({ connectionStatus: 1, showPrivileges: true })) as {
        authInfo?: { authenticatedUsers?: unknown[]; authenticatedUserPrivileges?: Privilege[] };
      };
      const users = status.authInfo?.authenticatedUsers ?? [];
      if (!users.length) log.warn('rights', 'The server does not check access (no user signed in): anyone who reaches it can change the twins.');
      else {
        const missing = missingActions(status.authInfo?.authenticatedUserPrivileges ?? [], target.database);
        if (missing.length) {
          log.fail(
            'rights',
            `The user may not ${missing.join(', ')} in "${target.database}": pushing needs them. Ask the administrator for the readWrite role on "${target.database}".`,
          );
        } else log.ok('rights', `The user may read and write twins in "${target.database}".`);
      }
    } catch (e) {
      log.fail('rights', failure(e, 'read the user’s rights'));
    }
    return { ...done(), deployment };
  } finally {
    await client.close().catch(() => undefined);
  }
}

import type { ConnectionStep } from '../../../shared/api/tenant-schemas';
import type { SourceProfile } from '../../../shared/api/source-schemas';
import { isTwinError } from '../../../shared/api/errors';
import { detectServer, requireDialect } from '../../sources/detect-server';
import { hostPort } from '../../sources/http-failure';
import { profileRedactor } from '../../sources/redactor';
import { checkInflux1 } from '../../sources/influx1/connection-check';
import { Influx1Http } from '../../sources/influx1/influx1-http';
import { connectInflux2 } from '../../sources/influx2/connection-check';
import { isLoopback, networkProblem, resolveHost, tcpConnect, tlsHandshake, tlsProblem } from './network-probe';
import { StepLog } from './step-log';

const PLAN = [
  ['dns', 'Name resolution'],
  ['tcp', 'Connection'],
  ['tls', 'TLS'],
  ['server', 'Server version'],
  ['auth', 'Authentication'],
  ['database', 'Database'],
  ['rights', 'Rights'],
] as const;

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Test an InfluxDB connection step by step: the network layers first (so "refused" and "bad certificate"
 * are told apart), then the app's own connection checks (detect-server, influx1/influx2 connection-check),
 * whose typed failures say which step failed.
 */
export async function influxSteps(profile: SourceProfile): Promise<{ target: string; steps: ConnectionStep[] }> {
  const url = new URL(profile.url);
  const where = hostPort(profile.url);
  const port = Number(where.slice(where.lastIndexOf(':') + 1));
  const log = new StepLog(
    PLAN.map(([id, label]) => (id === 'database' && profile.kind === 'influx2' ? ([id, 'Organization and bucket'] as const) : ([id, label] as const))),
  );
  const target = `InfluxDB ${profile.kind === 'influx1' ? '1.x' : '2.x'} at ${where}`;

  const name = await resolveHost(url.hostname);
  if (!name.ok) {
    log.fail('dns', networkProblem(name.code, url.hostname));
    return { target, steps: log.steps };
  }
  log.ok('dns', name.literal ? `${url.hostname} is an address; nothing to resolve.` : `${url.hostname} resolves to ${name.addresses.slice(0, 3).join(', ')}.`);

  const tcp = await tcpConnect(url.hostname, port);
  if (!tcp.ok) {
    log.fail('tcp', networkProblem(tcp.code, url.hostname, port));
    return { target, steps: log.steps };
  }
  log.ok('tcp', `${where} accepts connections.`);

  if (url.protocol === 'https:') {
    const t = await tlsHandshake(url.hostname, port);
    if (!t.ok) {
      log.fail('tls', tlsProblem(t.code, t.message, where));
      return { target, steps: log.steps };
    }
    const expiry = t.daysLeft < 30 ? ` It expires in ${t.daysLeft} days.` : '';
    (t.daysLeft < 30 ? log.warn : log.ok).call(
      log,
      'tls',
      `${t.protocol}, certificate for ${t.subject || url.hostname} from ${t.issuer || 'an unnamed issuer'}, valid until ${t.validTo}.${expiry}`,
    );
  } else if (isLoopback(url.hostname)) log.skip('tls', 'Not used: plain HTTP on this computer.');
  else log.warn('tls', 'Not used: the password and the data travel unencrypted (http://). Use https:// if the server offers it.');

  const timeoutMs = profile.timeoutMs ?? 30_000;
  try {
    const http1 = profile.kind === 'influx1' ? new Influx1Http(profile) : undefined;
    const server = await detectServer(profile.url, {
      timeoutMs: Math.min(timeoutMs, 10_000),
      ...(http1?.authorizationHeader() ? { authorization: http1.authorizationHeader() as string } : {}),
      redactor: profileRedactor(profile),
    });
    requireDialect(server, profile.kind === 'influx1' ? 'influxql' : 'flux', profile.url);
    const speaks = [server.dialects.influxql && 'InfluxQL', server.dialects.flux && 'Flux'].filter(Boolean).join(' and ');
    (server.warnings.length ? log.warn : log.ok).call(
      log,
      'server',
      `InfluxDB ${server.version} (${server.build ?? 'OSS'}), speaks ${speaks}.${server.warnings.length ? ` ${server.warnings.join(' ')}` : ''}`,
    );
  } catch (e) {
    log.fail('server', messageOf(e));
    return { target, steps: log.steps };
  }

  const who = profile.kind === 'influx1' ? (profile.token ? 'the token' : profile.username ? `user "${profile.username}"` : 'no user') : 'the API token';
  const container = profile.kind === 'influx1' ? `database "${profile.database}"` : `bucket "${profile.bucket}" of organization "${profile.org}"`;
  try {
    let warnings: string[];
    if (profile.kind === 'influx1') {
      warnings = (await checkInflux1(new Influx1Http(profile))).warnings;
    } else {
      const connected = await connectInflux2(profile);
      warnings = connected.warnings;
      await connected.source.close();
    }
    log.ok(
      'auth',
      profile.kind === 'influx1' && !profile.username && !profile.token ? 'No credentials needed: the server lets anyone in.' : `Accepted ${who}.`,
    );
    log.ok('database', `${container[0]!.toUpperCase()}${container.slice(1)} exists.`);
    const serious = warnings.filter((w) => !/CVE-/.test(w));
    if (serious.length) log.warn('rights', `Can read ${container}. ${serious.join(' ')}`);
    else log.ok('rights', `Can read ${container}.`);
  } catch (e) {
    const kind = isTwinError(e) ? e.kind : 'internal';
    const message = messageOf(e);
    if (kind === 'unauthorized') {
      const none = profile.kind === 'influx1' && !profile.username && !profile.token;
      log.fail('auth', none ? `The server requires a user and password, and none is set. ${message}` : message);
    } else if (kind === 'unknown-database' || kind === 'not-found') {
      log.ok('auth', `Accepted ${who}.`);
      log.fail('database', message);
    } else if (kind === 'forbidden') {
      log.ok('auth', `Accepted ${who}.`);
      log.fail('rights', message);
    } else {
      log.fail('auth', message);
    }
  }
  return { target, steps: log.steps };
}

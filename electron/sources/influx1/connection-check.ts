import { isTwinError } from '../../../shared/api/errors';
import { detectServer, requireDialect, type DetectedServer } from '../detect-server';
import { statusFailure, unknownDatabase } from '../http-failure';
import { Influx1Http, type RequestOptions } from './influx1-http';

export interface Influx1Check {
  server: DetectedServer;
  version: string;
  /** What the user should know: old versions, authentication off, credentials that can write or administer. */
  warnings: string[];
}

/** Whether a call succeeds; false when it is forbidden, any other failure is thrown. */
async function succeeds(call: () => Promise<unknown>): Promise<boolean> {
  try {
    await call();
    return true;
  } catch (e) {
    if (isTwinError(e) && e.kind === 'forbidden') return false;
    throw e;
  }
}

/** Whether a request without credentials may read: then authentication is off. */
async function anonymousCanRead(http: Influx1Http, options: RequestOptions): Promise<boolean> {
  const anonymous = new Influx1Http({ url: http.base.href, database: http.database, timeoutMs: http.timeoutMs });
  try {
    await anonymous.queryOne('SHOW DATABASES', options, undefined);
    return true;
  } catch (e) {
    if (isTwinError(e) && (e.kind === 'unauthorized' || e.kind === 'forbidden')) return false;
    throw e;
  }
}

/**
 * Check a 1.x connection: the server answers /ping and speaks InfluxQL, the credentials are accepted,
 * the database exists; then warn when the credentials can do more than read (least privilege is the
 * backstop against any injection). The write probe is an empty /write: it checks the privilege, writes nothing.
 */
export async function checkInflux1(http: Influx1Http, options: RequestOptions = {}): Promise<Influx1Check> {
  const auth = http.authorizationHeader();
  const detectOptions: Parameters<typeof detectServer>[1] = { timeoutMs: http.timeoutMs, redactor: http.redactor };
  if (options.signal) detectOptions.signal = options.signal;
  if (auth) detectOptions.authorization = auth;
  const server = await detectServer(http.base.href, detectOptions);
  requireDialect(server, 'influxql', http.base.href);
  const warnings = [...server.warnings];
  const ctx = http.responseContext();

  const dbs = await http.queryOne('SHOW DATABASES', options, undefined);
  const names = dbs.series.flatMap((s) => (s.values ?? []).map((row) => row[0]));
  if (!names.includes(http.database)) throw unknownDatabase(ctx);

  if (await anonymousCanRead(http, options)) {
    warnings.push(
      `Authentication is off on InfluxDB at ${http.where}: anyone who can reach it can read, write and administer every database. Ask its administrator to enable auth-enabled and give this app a read-only user.`,
    );
    return { server, version: server.version, warnings };
  }

  // Only an administrator may list users; 1.x refuses anyone else with 403.
  if (await succeeds(() => http.queryOne('SHOW USERS', options, undefined))) {
    warnings.push(
      `The credentials for InfluxDB at ${http.where} are an administrator's: they can create and drop databases and users. Use a user with READ on "${http.database}" only for browsing.`,
    );
  }

  const probe = await http.write('', 'ms', options);
  if (probe.status === 204) {
    warnings.push(
      `The credentials for InfluxDB at ${http.where} can write to "${http.database}". Browsing needs only READ; keep write access for the credentials that store analysis results.`,
    );
  } else if (probe.status !== 403) {
    throw statusFailure(probe.status, probe.body, { ...ctx, timeoutMs: http.timeoutMs, action: 'write check' });
  }
  return { server, version: server.version, warnings };
}

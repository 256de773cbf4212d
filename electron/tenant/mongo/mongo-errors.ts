import { isTwinError, twinError, type TwinError } from '../../../shared/api/errors';
import { errorCodes } from '../../sources/http-failure';
import { Redactor } from '../../sources/redactor';

/**
 * What went wrong talking to MongoDB, as a TwinError the UI can act on. The driver wraps the cause of a
 * failed connection inside a server-selection error (per server), so the whole chain is searched.
 * Messages name host:port and the database, never the connection string or its password.
 */

export interface MongoContext {
  /** host:port (or the list of hosts). */
  where: string;
  database: string;
  /** What was being done, for messages: "push", "read the revisions". */
  action: string;
  secrets: readonly (string | undefined)[];
  /** The server-selection timeout that applied. */
  timeoutMs: number;
}

const AUTH_FAILED = [18];
const UNAUTHORIZED = [13];
// Failures that pass on their own: elections, a primary stepping down, a dropped connection.
const TRANSIENT_CODES = [6, 7, 89, 91, 189, 262, 9001, 10107, 11600, 11602, 13435, 13436];

interface Chained {
  name?: unknown;
  code?: unknown;
  codeName?: unknown;
  message?: unknown;
  errorLabels?: unknown;
  cause?: unknown;
  reason?: { servers?: Map<string, { error?: unknown }> };
}

/** Every error in the chain: causes, and the per-server errors of a server-selection failure. */
function chain(e: unknown): Chained[] {
  const out: Chained[] = [];
  const seen = new Set<unknown>();
  const walk = (x: unknown): void => {
    if (!x || typeof x !== 'object' || seen.has(x)) return;
    seen.add(x);
    const c = x as Chained;
    out.push(c);
    walk(c.cause);
    const servers = c.reason?.servers;
    if (servers instanceof Map) for (const s of servers.values()) walk(s?.error);
  };
  walk(e);
  return out;
}

const named = (c: Chained, ...names: string[]): boolean => typeof c.name === 'string' && names.includes(c.name);
const hasCode = (c: Chained, codes: readonly number[]): boolean => typeof c.code === 'number' && codes.includes(c.code);
const labelled = (c: Chained, label: string): boolean => Array.isArray(c.errorLabels) && c.errorLabels.includes(label);

/** Whether an error came from the driver (anything else — a conflict, a bad document — is the caller's). */
export function isDriverError(e: unknown): boolean {
  return chain(e).some((c) => typeof c.name === 'string' && c.name.startsWith('Mongo'));
}

/** Whether running the operation again may succeed (same push id, so it cannot write twice). */
export function isTransientMongoError(e: unknown): boolean {
  if (isTwinError(e)) return false;
  return chain(e).some(
    (c) =>
      named(c, 'MongoNetworkError', 'MongoNetworkTimeoutError', 'MongoPoolClearedError') ||
      labelled(c, 'RetryableWriteError') ||
      labelled(c, 'TransientTransactionError') ||
      labelled(c, 'ResetPool') ||
      hasCode(c, TRANSIENT_CODES),
  );
}

function messageOf(c: Chained | undefined): string {
  return typeof c?.message === 'string' ? c.message : '';
}

/** The TwinError for a failure of a MongoDB call. */
export function mongoFailure(e: unknown, ctx: MongoContext): TwinError {
  if (isTwinError(e)) return e;
  const all = chain(e);
  const codes = errorCodes(e);
  const has = (list: readonly string[]): boolean => codes.some((c) => list.includes(c));
  const { where, database } = ctx;
  // Secrets out before the cut, so no part of one survives it.
  const redactor = new Redactor(ctx.secrets);
  const clean = (s: string): string => redactor.quote(s, 300);

  if (all.some((c) => hasCode(c, AUTH_FAILED) || /authentication failed/i.test(messageOf(c)))) {
    return twinError(
      'unauthorized',
      `MongoDB at ${where} refused the user name or password (authentication failed). Check the user in the connection string, the password, and authSource (the database the user was created in).`,
      { where },
    );
  }
  const denied = all.find((c) => hasCode(c, UNAUTHORIZED));
  if (denied) {
    return twinError(
      'forbidden',
      `The MongoDB user may not ${ctx.action} in database "${database}" at ${where} (${clean(messageOf(denied))}). Ask the administrator for readWrite on "${database}".`,
      { where },
    );
  }
  if (has(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL']) || all.some((c) => /querySrv|ENOTFOUND/.test(messageOf(c)))) {
    return twinError('unreachable', `The host name of MongoDB (${where}) could not be resolved (DNS). Check the connection string and your network or VPN.`, {
      where,
    });
  }
  if (has(['ECONNREFUSED'])) {
    return twinError(
      'unreachable',
      `Nothing accepts connections at ${where} (connection refused). Check the host and port in the connection string and that MongoDB is running.`,
      {
        where,
      },
    );
  }
  const tls = codes.find((c) => c.includes('CERT') || c.startsWith('ERR_TLS') || c.startsWith('ERR_SSL') || c === 'EPROTO');
  if (tls || all.some((c) => /certificate|SSL routines|TLS/i.test(messageOf(c)))) {
    return twinError(
      'unreachable',
      `The TLS connection to MongoDB at ${where} failed (${tls ?? 'handshake'}). Check that the server's certificate is valid for this host name (or give its CA with tlsCAFile), and whether the server expects TLS (tls=true or false).`,
      { where },
    );
  }
  if (has(['EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN'])) {
    return twinError('unreachable', `There is no route to MongoDB at ${where} (${codes[0]}). Check your network connection, VPN or firewall.`, { where });
  }
  if (all.some((c) => named(c, 'MongoServerSelectionError'))) {
    return twinError(
      'unreachable',
      `No MongoDB server at ${where} answered within ${ctx.timeoutMs} ms. Check the connection string, that the server runs and is reachable from this computer (firewall, VPN), and for a replica set that its members' names resolve from here.`,
      { where },
    );
  }
  if (all.some((c) => named(c, 'MongoNetworkTimeoutError', 'MongoOperationTimeoutError'))) {
    return twinError('timeout', `MongoDB at ${where} did not answer in time while trying to ${ctx.action}. Try again; nothing is half-written.`, { where });
  }
  if (all.some((c) => named(c, 'MongoNetworkError', 'MongoPoolClearedError', 'MongoTopologyClosedError'))) {
    return twinError(
      'unreachable',
      `The connection to MongoDB at ${where} was lost while trying to ${ctx.action}. Try again; a retry finishes the push or finds it done.`,
      {
        where,
      },
    );
  }
  if (all.some((c) => named(c, 'MongoParseError', 'MongoInvalidArgumentError', 'MongoMissingCredentialsError', 'MongoAPIError'))) {
    return twinError('invalid-input', `The MongoDB connection settings are not valid: ${clean(messageOf(all[0]))}.`, { where });
  }
  const first = all[0];
  const code = typeof first?.codeName === 'string' ? ` (${first.codeName})` : '';
  return twinError('source-error', `MongoDB at ${where} failed to ${ctx.action}${code}: ${clean(messageOf(first) || String(e))}.`, { where });
}

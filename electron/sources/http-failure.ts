import { URL } from 'node:url';
import { twinError, type TwinError } from '../../shared/api/errors';
import type { Redactor } from './redactor';

/**
 * Turns what can go wrong on an HTTP call to a time-series server into a TwinError the UI can act on:
 * unreachable, timeout, unauthorized, forbidden, unknown-database, malformed-response, source-error.
 * `where` is always host:port, never a URL that could carry credentials.
 */

/** host:port of a URL, with the scheme's default port spelled out and no credentials. */
export function hostPort(url: string | URL): string {
  const u = typeof url === 'string' ? new URL(url) : url;
  const port = u.port || (u.protocol === 'https:' ? '443' : '80');
  return `${u.hostname}:${port}`;
}

/** A DOMException named AbortError, as callers of an aborted source call expect. */
export function abortError(): Error {
  return new DOMException('The request was cancelled.', 'AbortError');
}

/** Error codes anywhere in a fetch failure's cause chain (undici wraps them, sometimes in an AggregateError). */
export function errorCodes(e: unknown): string[] {
  const codes: string[] = [];
  const seen = new Set<unknown>();
  const walk = (x: unknown): void => {
    if (!x || typeof x !== 'object' || seen.has(x)) return;
    seen.add(x);
    const code = (x as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    walk((x as { cause?: unknown }).cause);
    const errors = (x as { errors?: unknown }).errors;
    if (Array.isArray(errors)) errors.forEach(walk);
  };
  walk(e);
  return codes;
}

const REFUSED = ['ECONNREFUSED'];
const DNS = ['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL'];
const NO_ROUTE = ['EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN', 'EADDRNOTAVAIL'];
const CLOSED = ['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED'];
const SLOW = ['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT'];

export interface FailureContext {
  /** host:port */
  where: string;
  /** What the server is, for messages: "InfluxDB". */
  server: string;
  /** The timeout that applied, for the timeout message. */
  timeoutMs: number;
  /** Knows the request's secrets; server text is quoted only through it. */
  redactor: Redactor;
}

/** The TwinError for a request that got no HTTP response (fetch threw, not a user cancellation). */
export function transportFailure(e: unknown, ctx: FailureContext, timedOut: boolean): TwinError {
  const { where, server } = ctx;
  const codes = errorCodes(e);
  const has = (list: readonly string[]): boolean => codes.some((c) => list.includes(c));
  if (timedOut || has(SLOW)) {
    return twinError(
      'timeout',
      `${server} at ${where} did not answer within ${ctx.timeoutMs} ms. The server may be overloaded or the range too large; try again, narrow the range, or raise the timeout in the source settings.`,
      { where },
    );
  }
  if (has(REFUSED)) {
    return twinError(
      'unreachable',
      `Nothing accepts connections at ${where} (connection refused). Check the URL and port in the source settings and that ${server} is running.`,
      { where },
    );
  }
  if (has(DNS)) {
    return twinError(
      'unreachable',
      `The host name in ${where} could not be resolved (DNS). Check the URL in the source settings and your network connection.`,
      { where },
    );
  }
  if (has(NO_ROUTE)) {
    return twinError('unreachable', `There is no route to ${where} (${codes[0]}). Check your network connection, VPN or firewall.`, { where });
  }
  if (has(CLOSED)) {
    return twinError(
      'unreachable',
      `${where} closed the connection before answering. Check that the URL points to ${server} (and http vs https), then try again.`,
      { where },
    );
  }
  const tls = codes.find((c) => c.includes('CERT') || c.startsWith('ERR_TLS') || c.startsWith('ERR_SSL'));
  if (tls) {
    return twinError(
      'unreachable',
      `The TLS connection to ${where} failed (${tls}). Check the certificate of the server or use the right scheme (http/https).`,
      { where },
    );
  }
  // A library's message may hold the URL it was given, user info and all: quoted like server text.
  const detail = codes[0] ?? ctx.redactor.quote(e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e));
  return twinError('unreachable', `Could not reach ${server} at ${where} (${detail}). Check the URL in the source settings and your network connection.`, {
    where,
  });
}

/** The server's own message from an error body: InfluxDB's `{"error": "..."}`, else the text (quote it through a Redactor). */
export function serverMessage(body: string): string {
  let msg = body.trim();
  try {
    const json = JSON.parse(msg) as unknown;
    if (json && typeof json === 'object') {
      const e = (json as { error?: unknown; message?: unknown }).error ?? (json as { message?: unknown }).message;
      if (typeof e === 'string') msg = e;
    }
  } catch {
    // Not JSON: the text itself is the message.
  }
  return msg;
}

export interface StatusContext extends FailureContext {
  /** What was being done: "query", "write". */
  action: string;
  /** The database the call addressed, when there is one. */
  database?: string;
}

/** The TwinError for a non-2xx HTTP status. */
export function statusFailure(status: number, body: string, ctx: StatusContext): TwinError {
  const { where, server, action } = ctx;
  const msg = ctx.redactor.quote(serverMessage(body));
  const said = msg ? `: ${msg}` : '';
  const db = ctx.database !== undefined ? ` database "${ctx.database}"` : '';
  if (status === 401) {
    return twinError(
      'unauthorized',
      `${server} at ${where} refused the credentials (401)${said}. Check the user name and password or token in the source settings.`,
      { where },
    );
  }
  if (status === 403) {
    return twinError(
      'forbidden',
      `The credentials are not allowed to ${action}${db ? ` on${db}` : ''} at ${where} (403)${said}. Ask the server's administrator for the privilege, or use other credentials.`,
      { where },
    );
  }
  if (/database not found/i.test(msg)) return unknownDatabase(ctx);
  if (status === 404) {
    return twinError('source-error', `${where} has no ${action} endpoint (404)${said}. Check that the URL points to ${server} (without a path).`, { where });
  }
  if (status === 408 || status === 504) {
    return twinError('timeout', `${server} at ${where} gave up on the ${action} (${status})${said}. Try a narrower range or try again later.`, { where });
  }
  if (status === 413) {
    return twinError('source-error', `${server} at ${where} refused the ${action} as too large (413)${said}.`, { where });
  }
  if (status >= 500) {
    return twinError('source-error', `${server} at ${where} failed on the ${action} (${status})${said}. Try again; if it persists, check the server's log.`, {
      where,
    });
  }
  return twinError('source-error', `${server} at ${where} refused the ${action} (${status})${said}.`, { where });
}

/** The error for a database the server does not have (or does not show to these credentials). */
export function unknownDatabase(ctx: Pick<StatusContext, 'where' | 'server' | 'database'>): TwinError {
  const name = ctx.database !== undefined ? `"${ctx.database}"` : 'the database';
  return twinError(
    'unknown-database',
    `${ctx.server} at ${ctx.where} has no database ${name}, or these credentials cannot see it. Check the database name in the source settings.`,
    { where: ctx.where },
  );
}

/** The error for a response body that is not what the server should send. */
export function malformedResponse(ctx: Pick<FailureContext, 'where' | 'server'> & { redactor: Redactor }, what: string, body: string): TwinError {
  return twinError(
    'malformed-response',
    `${ctx.where} answered the ${what} with something that is not ${ctx.server}'s JSON ("${ctx.redactor.quote(body)}"). Check that the URL points to ${ctx.server} and not to a proxy or another service.`,
    { where: ctx.where },
  );
}

export interface TimedRequest extends FailureContext {
  /** The caller's cancellation; when it fires the call rejects with an AbortError. */
  signal?: AbortSignal | undefined;
}

/**
 * fetch with a timeout and the caller's cancellation passed down to the socket; reads the whole body.
 * Transport failures become TwinErrors, cancellation an AbortError; HTTP statuses are left to the caller.
 */
export async function fetchText(url: string | URL, init: RequestInit, req: TimedRequest): Promise<{ status: number; headers: Headers; body: string }> {
  if (req.signal?.aborted) throw abortError();
  const timer = new AbortController();
  const timeout = setTimeout(() => timer.abort(), req.timeoutMs);
  const signal = req.signal ? AbortSignal.any([req.signal, timer.signal]) : timer.signal;
  try {
    const res = await fetch(url, { ...init, signal });
    const body = await res.text();
    return { status: res.status, headers: res.headers, body };
  } catch (e) {
    if (req.signal?.aborted) throw abortError();
    throw transportFailure(e, req, timer.signal.aborted);
  } finally {
    clearTimeout(timeout);
  }
}

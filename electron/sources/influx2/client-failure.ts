import { isTwinError, twinError, type TwinError } from '../../../shared/api/errors';
import type { Redactor } from '../redactor';
import { FluxResultError } from './flux-rows';

/**
 * Turning what `@influxdata/influxdb-client` throws (HttpError, RequestTimedOutError, Node socket
 * errors) into TwinErrors that say what failed, where and what to do. Kept here rather than in
 * ../http-failure.ts because the client speaks node:http, not fetch, and its errors differ.
 */

export interface FailureContext {
  /** host:port of the server. */
  where: string;
  org: string;
  bucket: string;
  /** What was being done, e.g. "reading windows of chiller#kw"; starts the message. */
  doing: string;
  /** Knows the token (and any user info in the URL): server text is quoted only through it. */
  redactor: Redactor;
}

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ECONNABORTED',
  'EADDRNOTAVAIL',
]);

interface HttpLike {
  statusCode: number;
  statusMessage?: string;
  body?: string;
  json?: unknown;
  message: string;
}

function isHttpError(e: unknown): e is HttpLike {
  return e instanceof Error && e.name === 'HttpError' && typeof (e as Partial<HttpLike>).statusCode === 'number';
}

/** The server's own words: the `message` (2.x) or `error` (1.8) of a JSON body, else the body text. */
export function serverMessage(e: HttpLike): string {
  const json = e.json as { message?: unknown; error?: unknown } | undefined;
  if (json && typeof json.message === 'string') return json.message;
  if (json && typeof json.error === 'string') return json.error;
  if (typeof e.body === 'string' && e.body.trim() !== '') {
    try {
      const parsed = JSON.parse(e.body) as { message?: unknown; error?: unknown };
      if (typeof parsed.message === 'string') return parsed.message;
      if (typeof parsed.error === 'string') return parsed.error;
    } catch {
      // not JSON: the text itself is the message
    }
    return e.body;
  }
  return `${e.statusCode} ${e.statusMessage ?? ''}`.trim();
}

function fromHttp(e: HttpLike, ctx: FailureContext): TwinError {
  const said = ctx.redactor.quote(serverMessage(e));
  const status = `HTTP ${e.statusCode}`;
  const where = ctx.where;
  const lower = said.toLowerCase();
  if (e.statusCode === 401) {
    return twinError(
      'unauthorized',
      `${ctx.doing} failed: InfluxDB at ${where} did not accept the API token (${status}: ${said}). Check the token in the source settings; it needs read access to bucket "${ctx.bucket}".`,
      { where },
    );
  }
  if (e.statusCode === 403 && lower.includes('flux')) {
    return twinError(
      'unsupported',
      `${ctx.doing} failed: InfluxDB at ${where} does not run Flux queries (${said}). Enable Flux (flux-enabled = true in [http] on 1.8) or connect it as an InfluxDB 1.x source.`,
      { where },
    );
  }
  if (e.statusCode === 403) {
    return twinError(
      'forbidden',
      `${ctx.doing} failed: the API token may not do this on bucket "${ctx.bucket}" at ${where} (${status}: ${said}). Ask an administrator for a token with the needed access.`,
      { where },
    );
  }
  // 2.x says `organization name "x" not found` or `could not find bucket "x"`; 1.8 says `database not found`.
  if (e.statusCode === 404 && /organization/.test(lower)) {
    return twinError(
      'unknown-database',
      `${ctx.doing} failed: organization "${ctx.org}" was not found at ${where} (${said}). Check the organization name (or ID) in the source settings.`,
      { where },
    );
  }
  if (e.statusCode === 404 && /bucket|database/.test(lower)) {
    return twinError(
      'unknown-database',
      `${ctx.doing} failed: bucket "${ctx.bucket}" was not found in organization "${ctx.org}" at ${where} (${said}). Check the bucket name, or that the token may read it.`,
      { where },
    );
  }
  if (e.statusCode === 404) {
    return twinError(
      'unsupported',
      `${ctx.doing} failed: ${where} has no InfluxDB 2.x API here (${status}: ${said}). Check the URL, or connect the server as InfluxDB 1.x.`,
      { where },
    );
  }
  if (e.statusCode === 413) {
    return twinError(
      'source-error',
      `${ctx.doing} failed: InfluxDB at ${where} found the request too large (${status}). Ask for fewer series or a shorter range.`,
      { where },
    );
  }
  if (e.statusCode === 429 || e.statusCode === 503) {
    return twinError('source-error', `${ctx.doing} failed: InfluxDB at ${where} is busy or over its limits (${status}: ${said}). Try again in a moment.`, {
      where,
    });
  }
  if (e.statusCode >= 400 && e.statusCode < 500) {
    return twinError('source-error', `${ctx.doing} failed: InfluxDB at ${where} refused the request (${status}: ${said}).`, { where });
  }
  return twinError(
    'source-error',
    `${ctx.doing} failed: InfluxDB at ${where} had an internal error (${status}: ${said}). Try again; if it persists, check the server's log.`,
    { where },
  );
}

/** Map anything the client or the network threw to a TwinError. AbortErrors are the caller's business and are not passed here. */
export function clientFailure(e: unknown, ctx: FailureContext): TwinError {
  if (isTwinError(e)) return e;
  const where = ctx.where;
  if (e instanceof FluxResultError) {
    const said = ctx.redactor.quote(e.message, 200);
    return e.kind === 'query-failed'
      ? twinError('source-error', `${ctx.doing} failed: InfluxDB at ${where} reported an error while sending results: ${said}`, { where })
      : twinError(
          'malformed-response',
          `${ctx.doing} failed: InfluxDB at ${where} answered with something that is not Flux annotated CSV (${said}). Check that the URL points at InfluxDB and not at a proxy page.`,
          { where },
        );
  }
  if (isHttpError(e)) return fromHttp(e, ctx);
  const err = e instanceof Error ? e : new Error(String(e));
  if (err.name === 'RequestTimedOutError') {
    return twinError(
      'timeout',
      `${ctx.doing} failed: InfluxDB at ${where} did not answer in time. Try a shorter range, or raise the timeout in the source settings.`,
      { where },
    );
  }
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && UNREACHABLE_CODES.has(code)) {
    return twinError(
      'unreachable',
      `${ctx.doing} failed: InfluxDB at ${where} cannot be reached (${code}). Check the URL and that the server is running and reachable from this computer.`,
      { where },
    );
  }
  if (
    typeof code === 'string' &&
    (code.startsWith('ERR_TLS') || code.includes('CERT') || code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' || code.startsWith('ERR_SSL'))
  ) {
    return twinError(
      'unreachable',
      `${ctx.doing} failed: the TLS connection to ${where} failed (${code}). Check the server's certificate, or the http/https scheme of the URL.`,
      { where },
    );
  }
  if (err instanceof SyntaxError) {
    return twinError(
      'malformed-response',
      `${ctx.doing} failed: InfluxDB at ${where} sent a response that could not be read (${ctx.redactor.quote(err.message)}).`,
      { where },
    );
  }
  return twinError('source-error', `${ctx.doing} failed talking to InfluxDB at ${where}: ${ctx.redactor.quote(err.message)}`, { where });
}

import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { HttpError, InfluxDB, chunksToLinesIterable, linesToRowsIterable, type ParameterizedQuery, type Transport } from '@influxdata/influxdb-client';
import type { TwinError } from '../../../shared/api/errors';
import { Redactor } from '../redactor';
import { clientFailure, type FailureContext } from './client-failure';
import { FluxResultError, decodeRow, type FluxPoint } from './flux-rows';

/**
 * Owns the connection to one InfluxDB 2.x / Cloud / 1.8+ server: the client's node:http transport with its
 * own keep-alive agent, per-call cancellation and an idle timeout, Flux queries decoded row by row.
 * The client's QueryApi (1.35) takes no AbortSignal, so queries go through its transport with the same
 * request body and are parsed by its own annotated-CSV readers.
 */

export interface FluxEndpoint {
  url: string;
  org: string;
  bucket: string;
  token: string;
  timeoutMs: number;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

/** `host:port` of a URL, with the scheme's default port spelled out. */
export function hostPort(url: string): string {
  const u = new URL(url);
  const port = u.port || (u.protocol === 'https:' ? '443' : '80');
  return `${u.hostname.includes(':') ? `[${u.hostname}]` : u.hostname}:${port}`;
}

/** The error a cancelled call rejects with: the signal's own AbortError, or a new one. */
export function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  return new DOMException('The request was cancelled.', 'AbortError');
}

const QUERY_DIALECT = { header: true, delimiter: ',', quoteChar: '"', commentPrefix: '#', annotations: ['datatype', 'group', 'default'] };

/** Every table block of annotated CSV starts with an annotation row; anything else (an HTML proxy page, a JSON body) is not a Flux result. */
async function* requireAnnotations(lines: AsyncIterable<string>): AsyncGenerator<string> {
  let blockStart = true;
  for await (const line of lines) {
    if (line === '') {
      blockStart = true;
    } else {
      // The line is server text: the whole head goes into the message, which clientFailure quotes through the redactor
      // (redacting before any cut, so no part of an echoed secret survives a cut).
      if (blockStart && !line.startsWith('#')) throw new FluxResultError(`the response starts with "${line.slice(0, 4_096)}"`, 'malformed');
      blockStart = false;
    }
    yield line;
  }
}

async function* rearmEach(chunks: AsyncIterable<Uint8Array>, arm: () => void): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) {
    arm();
    yield chunk;
  }
}

export class FluxClient {
  readonly where: string;
  /** Knows the token and any user info in the URL; every error this client makes goes through it. */
  readonly redactor: Redactor;
  private readonly transport: Transport;
  private readonly agent: HttpAgent;

  constructor(private readonly endpoint: FluxEndpoint) {
    this.where = hostPort(endpoint.url);
    this.redactor = Redactor.of({ url: endpoint.url, token: endpoint.token });
    this.agent = endpoint.url.startsWith('https:') ? new HttpsAgent({ keepAlive: true, maxSockets: 8 }) : new HttpAgent({ keepAlive: true, maxSockets: 8 });
    this.transport = new InfluxDB({ url: endpoint.url, token: endpoint.token, timeout: endpoint.timeoutMs, transportOptions: { agent: this.agent } }).transport;
  }

  get org(): string {
    return this.endpoint.org;
  }

  get bucket(): string {
    return this.endpoint.bucket;
  }

  /**
   * Run one call with its own AbortController: the caller's signal aborts it, and so does `timeoutMs`
   * without any data (`arm` restarts that clock whenever data arrives). The HTTP request is destroyed
   * whenever the call ends early, so a hung server keeps no socket.
   */
  private async call<T>(doing: string, signal: AbortSignal | undefined, run: (callSignal: AbortSignal, arm: () => void) => Promise<T>): Promise<T> {
    if (signal?.aborted) throw abortError(signal);
    const controller = new AbortController();
    let timedOut = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, this.endpoint.timeoutMs);
    };
    const onAbort = (): void => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    let finished = false;
    arm();
    try {
      const out = await run(controller.signal, arm);
      finished = true;
      return out;
    } catch (e) {
      if (signal?.aborted) throw abortError(signal);
      const ctx = this.failureContext(doing);
      if (timedOut) throw clientFailure(Object.assign(new Error('timed out'), { name: 'RequestTimedOutError' }), ctx);
      throw clientFailure(e, ctx);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (!finished) controller.abort();
    }
  }

  /**
   * Run a Flux query and hand each decoded row to `onRow`, in the order the server sends them.
   * `onRow` returning false stops reading and closes the request (e.g. a catalog search that has enough).
   */
  query(query: ParameterizedQuery, doing: string, signal: AbortSignal | undefined, onRow: (p: FluxPoint) => boolean | void): Promise<void> {
    return this.call(doing, signal, async (callSignal, arm) => {
      const path = `/api/v2/query?org=${encodeURIComponent(this.endpoint.org)}`;
      const body = JSON.stringify({ query: query.toString(), dialect: QUERY_DIALECT, type: 'flux' });
      const headers = { 'content-type': 'application/json; encoding=utf-8', 'accept-encoding': 'gzip' };
      const chunks = this.transport.iterate(path, body, { method: 'POST', headers, signal: callSignal });
      const rows = linesToRowsIterable(requireAnnotations(chunksToLinesIterable(rearmEach(chunks, arm), this.transport.chunkCombiner)));
      for await (const row of rows) {
        if (onRow(decodeRow(row)) === false) break;
      }
    });
  }

  /**
   * One plain HTTP request (ping, health, write). Any HTTP status comes back as a response (see `failure`
   * for turning one into a TwinError); a network failure, timeout or bad body throws a TwinError.
   */
  request(method: 'GET' | 'POST', path: string, body: string, doing: string, signal?: AbortSignal, headers: Record<string, string> = {}): Promise<RawResponse> {
    return this.call(doing, signal, async (callSignal) => {
      let status = 0;
      let responseHeaders: RawResponse['headers'] = {};
      try {
        const data: unknown = await this.transport.request(path, body, { method, headers, signal: callSignal }, (h, s) => {
          responseHeaders = h;
          status = s ?? 0;
        });
        return { status, headers: responseHeaders, body: data };
      } catch (e) {
        if (e instanceof HttpError) return { status: e.statusCode, headers: e.headers ?? {}, body: e.json ?? e.body ?? '' };
        throw e;
      }
    });
  }

  /** The TwinError for an HTTP response that did not succeed. */
  failure(res: RawResponse, doing: string): TwinError {
    const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body ?? '');
    const err = Object.assign(new Error(text), {
      name: 'HttpError',
      statusCode: res.status,
      body: text,
      json: typeof res.body === 'object' ? res.body : undefined,
    });
    return clientFailure(err, this.failureContext(doing));
  }

  private failureContext(doing: string): FailureContext {
    return { where: this.where, org: this.endpoint.org, bucket: this.endpoint.bucket, doing, redactor: this.redactor };
  }

  /** Close idle keep-alive sockets; calls still running end with an error. */
  close(): void {
    this.agent.destroy();
  }
}

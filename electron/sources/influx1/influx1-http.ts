import { URL } from 'node:url';
import type { Influx1Profile } from '../../../shared/api/source-schemas';
import { abortError, fetchText, hostPort, statusFailure } from '../http-failure';
import { Redactor } from '../redactor';
import { parseQueryResponse, statementFailure, type ResponseContext, type StatementResult } from './query-response';

/** What a request to the server may carry beyond its body. */
export interface RequestOptions {
  signal?: AbortSignal | undefined;
}

/**
 * The HTTP side of an InfluxDB 1.x: /ping, /query and /write, with the profile's credentials in headers
 * (never in URLs, messages or logs), a timeout per call and the caller's cancellation down to fetch.
 */
export class Influx1Http {
  readonly base: URL;
  /** host:port, for messages. */
  readonly where: string;
  readonly database: string;
  readonly retentionPolicy: string | undefined;
  readonly timeoutMs: number;
  private readonly authorization: string | undefined;
  /** Knows this profile's secrets; every server text this client quotes goes through it. */
  readonly redactor: Redactor;
  /** Requests in flight, so close() can abort them. */
  private readonly inFlight = new Set<AbortController>();

  constructor(profile: Pick<Influx1Profile, 'url' | 'database' | 'retentionPolicy' | 'username' | 'password' | 'token' | 'timeoutMs'>) {
    const url = new URL(profile.url);
    // fetch refuses URLs with credentials; take them as the login when the profile has none.
    let username = profile.username;
    let password = profile.password;
    if (url.username || url.password) {
      username ??= decodeURIComponent(url.username);
      password ??= decodeURIComponent(url.password);
      url.username = '';
      url.password = '';
    }
    url.search = '';
    url.hash = '';
    if (!url.pathname.endsWith('/')) url.pathname += '/';
    this.base = url;
    this.where = hostPort(url);
    this.database = profile.database;
    this.retentionPolicy = profile.retentionPolicy || undefined;
    this.timeoutMs = profile.timeoutMs ?? 30_000;
    if (profile.token) this.authorization = `Token ${profile.token}`;
    else if (username !== undefined && username !== '') this.authorization = `Basic ${Buffer.from(`${username}:${password ?? ''}`).toString('base64')}`;
    this.redactor = Redactor.of({ url: profile.url, username, password, token: profile.token, authorization: this.authorization });
  }

  /** What messages about this server's answers need: where, which database, and the redactor. */
  responseContext(): ResponseContext {
    return { where: this.where, server: 'InfluxDB', database: this.database, redactor: this.redactor };
  }

  /** The Authorization header value, for probes made outside this client (detect-server). */
  authorizationHeader(): string | undefined {
    return this.authorization;
  }

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    return this.authorization ? { ...extra, Authorization: this.authorization } : extra;
  }

  private async call(
    path: string,
    params: Record<string, string>,
    init: RequestInit,
    options: RequestOptions,
  ): Promise<{ status: number; headers: Headers; body: string }> {
    const url = new URL(path, this.base);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    const own = new AbortController();
    this.inFlight.add(own);
    const signal = options.signal ? AbortSignal.any([options.signal, own.signal]) : own.signal;
    try {
      return await fetchText(url, init, { where: this.where, server: 'InfluxDB', timeoutMs: this.timeoutMs, signal, redactor: this.redactor });
    } finally {
      this.inFlight.delete(own);
    }
  }

  /**
   * Run InfluxQL statements (joined with ";") in one POST; one result per statement. A statement the
   * server refused has `error` set; HTTP failures throw.
   */
  async query(statements: readonly string[], options: RequestOptions = {}, database: string | undefined = this.database): Promise<StatementResult[]> {
    const form = new URLSearchParams({ q: statements.join(';\n') });
    if (database !== undefined) form.set('db', database);
    if (this.retentionPolicy) form.set('rp', this.retentionPolicy);
    const res = await this.call('query', { epoch: 'ms' }, { method: 'POST', body: form, headers: this.headers() }, options);
    const ctx = this.responseContext();
    if (res.status !== 200) throw statusFailure(res.status, res.body, { ...ctx, timeoutMs: this.timeoutMs, action: 'query' });
    return parseQueryResponse(res.body, statements.length, ctx);
  }

  /** Run one statement; a statement error throws its TwinError. */
  async queryOne(statement: string, options: RequestOptions = {}, database: string | undefined = this.database): Promise<StatementResult> {
    const [result] = await this.query([statement], options, database);
    if (!result) return { series: [], error: undefined };
    if (result.error !== undefined) throw statementFailure(result.error, this.responseContext());
    return result;
  }

  /** POST line protocol to /write; returns the status and body so the caller can read partial writes. */
  async write(body: string, precision: string, options: RequestOptions = {}): Promise<{ status: number; body: string }> {
    const params: Record<string, string> = { db: this.database, precision };
    if (this.retentionPolicy) params['rp'] = this.retentionPolicy;
    const res = await this.call('write', params, { method: 'POST', body, headers: this.headers({ 'Content-Type': 'text/plain; charset=utf-8' }) }, options);
    return { status: res.status, body: res.body };
  }

  /** Abort every request in flight (close()). */
  abortAll(): void {
    for (const c of this.inFlight) c.abort(abortError());
    this.inFlight.clear();
  }
}

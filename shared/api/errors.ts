/**
 * Errors that cross the API, without zod: the renderer loads this at start, so it stays free of schemas.
 */

/** Every error kind that may cross the API; the UI decides what to offer (retry, settings, re-authenticate) by kind. */
export const errorKinds = [
  'invalid-input',
  'not-found',
  'file-unreadable',
  'file-unwritable',
  'file-too-large',
  'file-invalid',
  'newer-format',
  'conflict',
  'unreachable',
  'timeout',
  'unauthorized',
  'forbidden',
  'unknown-database',
  'malformed-response',
  'partial-write',
  'source-error',
  'unsupported',
  'cancelled',
  'internal',
] as const;

export type TwinErrorKind = (typeof errorKinds)[number];

/** One problem inside a file or an input, located by a JSON path such as `$.assets[3].tag`. */
export interface Problem {
  path: string;
  message: string;
  severity: 'error' | 'warning';
}

/** What crosses the API for a failure (error-schemas.ts holds its runtime schema, checked to match this type). */
export interface TwinErrorData {
  kind: TwinErrorKind;
  message: string;
  /** Where it happened: a file, a host:port, a series key. */
  where?: string | undefined;
  problems?: Problem[] | undefined;
  /** Extra data the UI may use, e.g. the fingerprint on disk for a save conflict. */
  details?: Record<string, unknown> | undefined;
}

/** An error that knows its kind; thrown by services, serialized by hosts, rebuilt by clients. */
export class TwinError extends Error {
  readonly kind: TwinErrorKind;
  readonly where: string | undefined;
  readonly problems: Problem[] | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(data: TwinErrorData) {
    super(data.message);
    this.name = 'TwinError';
    this.kind = data.kind;
    this.where = data.where;
    this.problems = data.problems;
    this.details = data.details;
  }

  toData(): TwinErrorData {
    const data: TwinErrorData = { kind: this.kind, message: this.message };
    if (this.where !== undefined) data.where = this.where;
    if (this.problems !== undefined) data.problems = this.problems;
    if (this.details !== undefined) data.details = this.details;
    return data;
  }
}

/** Shorthand for `new TwinError({ kind, message, ... })`. */
export function twinError(kind: TwinErrorKind, message: string, extra: Omit<TwinErrorData, 'kind' | 'message'> = {}): TwinError {
  return new TwinError({ kind, message, ...extra });
}

/** Whether a value is a TwinError (also across realms, where instanceof fails). */
export function isTwinError(e: unknown): e is TwinError {
  return e instanceof TwinError || (e instanceof Error && e.name === 'TwinError' && 'kind' in e);
}

/** Turn anything thrown into error data fit to cross the API; unknown errors become `internal` without their stack. */
export function toErrorData(e: unknown): TwinErrorData {
  if (isTwinError(e)) return e.toData();
  if (e instanceof Error && e.name === 'AbortError') return { kind: 'cancelled', message: 'The request was cancelled.' };
  const message = e instanceof Error ? e.message : String(e);
  return { kind: 'internal', message: `Unexpected error: ${message}` };
}

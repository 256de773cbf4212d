import type { IncomingMessage } from 'node:http';
import type { TwinErrorData } from '../../shared/api/errors';
import { megabytes } from '../../shared/twin/document-policy';
import type { Slots } from './slots';

/**
 * Reading a JSON request body with bounded memory: the method's limit is checked against the declared
 * length and again while the body streams in (nothing past the limit is kept), only a few large bodies are
 * read and parsed at once (the others wait unread, held back by TCP), and a body holding more objects and
 * arrays than any real call needs is refused before JSON.parse builds them.
 */

/** A request refused before its method runs: the HTTP status and the typed error to answer with. */
export class RequestRefused extends Error {
  constructor(
    readonly status: number,
    readonly error: TwinErrorData,
  ) {
    super(error.message);
    this.name = 'RequestRefused';
  }
}

export interface BodyRules {
  /** The method, for messages. */
  method: string;
  /** Largest body in bytes. */
  limit: number;
  /** Bodies above this many bytes need one of `slots` to be read and parsed. */
  largeBytes: number;
  slots: Slots;
  /** Most objects and arrays the body may hold. */
  maxContainers: number;
}

/** Bytes read and dropped after a refusal before the connection is closed. */
const MAX_DISCARDED_BYTES = 256 * 1024 * 1024;

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? megabytes(bytes) : `${Math.ceil(bytes / 1024)} KB`;
}

function tooLarge(rules: BodyRules, seen: number, declared: boolean): RequestRefused {
  const amount = declared ? `is ${seen.toLocaleString('en-US')} bytes` : `passed ${seen.toLocaleString('en-US')} bytes`;
  return new RequestRefused(413, {
    kind: 'invalid-input',
    message: `The ${rules.method} request ${amount}, more than the ${size(rules.limit)} it may carry; it was not read further.`,
    details: { limit: rules.limit },
  });
}

/** Objects and arrays in JSON text, counted outside strings; stops counting past `max`. */
export function countContainers(bytes: Uint8Array, max: number): number {
  let n = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (inString) {
      if (b === 92)
        i++; // backslash: the next byte is escaped
      else if (b === 34) inString = false;
    } else if (b === 34) inString = true;
    else if (b === 123 || b === 91) {
      if (++n > max) return n;
    }
  }
  return n;
}

/** Collect the body, refusing past the limit; `onLarge` is awaited (with the stream paused) when it grows past largeBytes. */
function collect(req: IncomingMessage, rules: BodyRules, onLarge: () => Promise<void>): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let seen = 0;
    let large = false;
    const stop = (e: unknown) => {
      req.off('data', onData);
      // Whatever else arrives is read and dropped, never kept, so the client can finish sending and read the
      // refusal (closing at once would make it see a broken pipe instead); an upload that goes on and on is cut.
      let dropped = 0;
      req.on('data', (chunk: Buffer) => {
        dropped += chunk.length;
        if (dropped > MAX_DISCARDED_BYTES) req.socket.destroy();
      });
      req.resume();
      reject(e);
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > rules.limit) return stop(tooLarge(rules, seen, false));
      chunks.push(chunk);
      if (!large && seen > rules.largeBytes) {
        large = true;
        req.pause();
        onLarge().then(() => req.resume(), stop);
      }
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks, seen)));
    req.once('error', reject);
    req.once('close', () => {
      if (!req.complete) reject(new RequestRefused(400, { kind: 'cancelled', message: 'The request was aborted while it was being sent.' }));
    });
  });
}

/**
 * Read and parse a JSON body within its rules. Resolves to the value and `release`, which gives back the
 * large-body slot (if one was taken) once the caller is done with the value; call it exactly once.
 */
export async function readJsonBody(req: IncomingMessage, rules: BodyRules): Promise<{ value: unknown; release: () => void }> {
  const declared = Number(req.headers['content-length'] ?? Number.NaN);
  if (Number.isFinite(declared) && declared > rules.limit) throw tooLarge(rules, declared, true);
  let release: (() => void) | undefined;
  let failed = false;
  try {
    if (Number.isFinite(declared) && declared > rules.largeBytes) release = await rules.slots.acquire();
    const bytes = await collect(req, rules, async () => {
      if (release) return;
      const slot = await rules.slots.acquire();
      // The request may have failed while it waited: then the slot goes straight back.
      if (failed) slot();
      else release = slot;
    });
    const containers = countContainers(bytes, rules.maxContainers);
    if (containers > rules.maxContainers) {
      throw new RequestRefused(413, {
        kind: 'invalid-input',
        message: `The ${rules.method} request holds more than ${rules.maxContainers.toLocaleString('en-US')} objects and arrays, more than any project or call needs; it was not parsed.`,
      });
    }
    let value: unknown;
    try {
      value = bytes.length === 0 ? {} : JSON.parse(bytes.toString('utf8'));
    } catch {
      throw new RequestRefused(400, { kind: 'invalid-input', message: `The ${rules.method} request body is not valid JSON.` });
    }
    const done = release ?? (() => undefined);
    release = undefined;
    return { value, release: done };
  } catch (e) {
    failed = true;
    throw e;
  } finally {
    release?.();
  }
}

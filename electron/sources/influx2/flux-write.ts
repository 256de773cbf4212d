import { isTwinError, twinError, type TwinError } from '../../../shared/api/errors';
import { toLineProtocol } from '../../../shared/series/line-protocol';
import type { WritePoint, WriteResult } from '../../../shared/series/types';
import type { FluxClient, RawResponse } from './flux-client';
import { serverMessage } from './client-failure';

/** Lines per write request: well under the 2.x default body limit, few enough requests for a year of results. */
export const WRITE_BATCH_LINES = 5_000;

/** How many points a server said it dropped (`... dropped=3`), or undefined when it did not say. */
export function droppedCount(message: string): number | undefined {
  const m = /dropped=(\d+)/.exec(message);
  return m ? Number(m[1]) : undefined;
}

function bodyText(res: RawResponse): string {
  return serverMessage({
    statusCode: res.status,
    message: '',
    body: typeof res.body === 'string' ? res.body : JSON.stringify(res.body ?? ''),
    json: typeof res.body === 'object' ? res.body : undefined,
  });
}

/**
 * Write points through `/api/v2/write?precision=ms`, one batch after another, and report what landed.
 * A data problem in a batch (HTTP 400 or 422, which 2.x and 1.8 use for bad or partly written points) is
 * counted and the next batch still goes; a problem with the server or the token stops the write, as a
 * `partial-write` error when earlier batches already landed.
 */
export async function writeBatches(client: FluxClient, points: readonly WritePoint[], signal?: AbortSignal): Promise<WriteResult> {
  // A point line protocol cannot carry (a line break in a name...) refuses the whole write before anything
  // is sent, as the 1.x source does: a TwinError of kind invalid-input naming the series key.
  return writeLineBatches(client, toLineProtocol(points, 'ms'), signal);
}

/** Write lines of line protocol (ms precision) in batches, as `writeBatches` does for points. */
export async function writeLineBatches(client: FluxClient, lines: readonly string[], signal?: AbortSignal): Promise<WriteResult> {
  const errors: string[] = [];
  let written = 0;
  let dropped = 0;
  const path = `/api/v2/write?org=${encodeURIComponent(client.org)}&bucket=${encodeURIComponent(client.bucket)}&precision=ms`;
  const stopped = (failure: TwinError, start: number): TwinError => {
    if (written === 0) return failure;
    const lost = dropped + lines.length - start;
    return twinError(
      'partial-write',
      `${written} of ${lines.length} points landed in bucket "${client.bucket}" before the write stopped; ${lost} did not. ${failure.message}`,
      {
        where: failure.where,
        details: { written, dropped: lost, cause: failure.kind },
      },
    );
  };
  for (let start = 0; start < lines.length; start += WRITE_BATCH_LINES) {
    const batch = lines.slice(start, start + WRITE_BATCH_LINES);
    const doing = `Writing ${batch.length} points to bucket "${client.bucket}"`;
    let res: RawResponse;
    try {
      res = await client.request('POST', path, batch.join('\n'), doing, signal, { 'content-type': 'text/plain; charset=utf-8' });
    } catch (e) {
      throw isTwinError(e) ? stopped(e, start) : e;
    }
    if (res.status >= 200 && res.status < 300) {
      written += batch.length;
      continue;
    }
    if (res.status === 400 || res.status === 422) {
      const said = client.redactor.quote(bodyText(res), 300);
      // 2.x OSS rejects a whole batch with 400; 422 and 1.8's 400 carry `dropped=N` when only some points failed.
      const n = Math.min(batch.length, droppedCount(said) ?? batch.length);
      written += batch.length - n;
      dropped += n;
      errors.push(`${n} of ${batch.length} points in a batch were rejected (HTTP ${res.status}): ${said}`);
      continue;
    }
    throw stopped(client.failure(res, doing), start);
  }
  return { written, dropped, errors: errors.slice(0, 100) };
}

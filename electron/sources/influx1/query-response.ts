import { z } from 'zod';
import type { TwinError } from '../../../shared/api/errors';
import { twinError } from '../../../shared/api/errors';
import { malformedResponse, unknownDatabase } from '../http-failure';
import type { Redactor } from '../redactor';

/** One series of an InfluxQL result: `values` rows are parallel to `columns`. */
const ResultSeriesSchema = z.object({
  name: z.string().optional(),
  tags: z.record(z.string(), z.string()).optional(),
  columns: z.array(z.string()),
  values: z.array(z.array(z.unknown())).optional(),
});
export type ResultSeries = z.infer<typeof ResultSeriesSchema>;

const StatementResultSchema = z.object({
  statement_id: z.number().optional(),
  series: z.array(ResultSeriesSchema).optional(),
  error: z.string().optional(),
  partial: z.boolean().optional(),
});

const QueryResponseSchema = z.object({
  results: z.array(StatementResultSchema).optional(),
  error: z.string().optional(),
});

/** What one statement answered: its series, or the server's error for it. */
export interface StatementResult {
  series: ResultSeries[];
  error: string | undefined;
}

export interface ResponseContext {
  where: string;
  server: string;
  database: string;
  /** Statement errors are server text: quoted through it. */
  redactor: Redactor;
}

/** Parse a /query JSON body into one result per statement; throws malformed-response when it is not that. */
export function parseQueryResponse(body: string, statements: number, ctx: ResponseContext): StatementResult[] {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw malformedResponse(ctx, 'query', body);
  }
  const parsed = QueryResponseSchema.safeParse(json);
  if (!parsed.success || (parsed.data.results === undefined && parsed.data.error === undefined)) throw malformedResponse(ctx, 'query', body);
  if (parsed.data.error !== undefined) throw statementFailure(parsed.data.error, ctx);
  const out: StatementResult[] = Array.from({ length: statements }, () => ({ series: [], error: undefined }));
  const results = parsed.data.results ?? [];
  results.forEach((r, i) => {
    const id = r.statement_id ?? i;
    const slot = out[id];
    if (!slot) throw malformedResponse(ctx, 'query', body);
    slot.series = r.series ?? [];
    slot.error = r.error;
  });
  return out;
}

/** The TwinError for an error the server gave one statement. */
export function statementFailure(serverError: string, ctx: ResponseContext, series?: string): TwinError {
  const { where, server } = ctx;
  const error = `${ctx.redactor.quote(serverError, 300)}${series === undefined ? '' : ` (series ${series})`}`;
  if (/database not found/i.test(error)) return unknownDatabase(ctx);
  if (/retention policy not found/i.test(error)) {
    return twinError(
      'unknown-database',
      `${server} at ${where}: ${error}. Check the retention policy in the source settings (leave it empty for the default).`,
      { where },
    );
  }
  if (/not authorized|requires admin privilege|authorization failed/i.test(error)) {
    return twinError(
      'forbidden',
      `${server} at ${where} refused the query: ${error}. Ask the server's administrator for read access to database "${ctx.database}".`,
      { where },
    );
  }
  if (/timeout|query-timeout|killed/i.test(error)) {
    return twinError('timeout', `${server} at ${where} stopped the query: ${error}. Try a narrower range.`, { where });
  }
  return twinError('source-error', `${server} at ${where} could not run the query: ${error}.`, { where });
}

/** A number from a result cell; null stays null, anything else is malformed. */
export function cellNumber(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return Number.NaN;
}

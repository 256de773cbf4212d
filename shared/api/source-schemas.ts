import { z } from 'zod';

const Url = z
  .string()
  .max(2_048)
  .refine((u) => {
    try {
      const p = new URL(u);
      return p.protocol === 'http:' || p.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an http:// or https:// URL');
const Name = z.string().min(1).max(200);
const Secret = z.string().max(4_096);

/** How to reach an InfluxDB 1.x (InfluxQL over HTTP). */
export const Influx1ProfileSchema = z.object({
  kind: z.literal('influx1'),
  name: Name,
  url: Url,
  database: Name,
  retentionPolicy: z.string().max(200).optional(),
  username: z.string().max(200).optional(),
  password: Secret.optional(),
  /** 1.8+ token (`username:password` or an API token), sent as `Authorization: Token ...`. */
  token: Secret.optional(),
  timeoutMs: z.number().int().min(100).max(600_000).default(30_000),
});
export type Influx1Profile = z.infer<typeof Influx1ProfileSchema>;

/** How to reach an InfluxDB 2.x / Cloud / 1.8+ with Flux. */
export const Influx2ProfileSchema = z.object({
  kind: z.literal('influx2'),
  name: Name,
  url: Url,
  org: Name,
  bucket: Name,
  token: Secret,
  timeoutMs: z.number().int().min(100).max(600_000).default(30_000),
});
export type Influx2Profile = z.infer<typeof Influx2ProfileSchema>;

export const SourceProfileSchema = z.discriminatedUnion('kind', [Influx1ProfileSchema, Influx2ProfileSchema]);
export type SourceProfile = z.infer<typeof SourceProfileSchema>;

/** What the renderer may know of a source: never its secrets. */
export const SourceInfoSchema = z.object({
  id: z.string(),
  kind: z.enum(['local', 'influx1', 'influx2']),
  name: z.string(),
  /** Where it is: a URL without credentials, or the local folder. */
  location: z.string(),
  /** Server version from /ping, when known. */
  version: z.string().optional(),
  /** Connection-check findings: old versions with known auth bypasses, credentials that can write or administer. */
  warnings: z.array(z.string()),
  /** True while the server cannot be reached and the source answers from its cached history (the rollup cache). */
  offline: z.boolean().optional(),
});
export type SourceInfo = z.infer<typeof SourceInfoSchema>;

export const timestampFormats = ['auto', 'iso', 'epoch-s', 'epoch-ms', 'epoch-us', 'epoch-ns', 'MM/DD/YYYY', 'DD/MM/YYYY', 'YYYY/MM/DD'] as const;

/** How to read a historian export. */
export const ImportOptionsSchema = z.object({
  format: z.enum(['auto', 'csv-wide', 'csv-long', 'line-protocol']).default('auto'),
  /** Zone for timestamps without an offset; required when the file has naive timestamps. */
  timeZone: z.string().max(64).optional(),
  timestampFormat: z.enum(timestampFormats).default('auto'),
  /** A wall time that occurs twice (DST ends): which one; unset means such rows are errors. */
  ambiguousTime: z.enum(['earlier', 'later', 'reject']).default('reject'),
  /** A wall time that does not exist (DST starts): unset means such rows are errors. */
  nonexistentTime: z.enum(['shift-forward', 'reject']).default('reject'),
  delimiter: z.enum([',', ';', '\t', 'auto']).default('auto'),
  /** Field name given to CSV columns, which become measurements: `B7_CH1_KW#value`. */
  field: z.string().min(1).max(200).default('value'),
});
export type ImportOptions = z.infer<typeof ImportOptionsSchema>;

const LineProblemSchema = z.object({ line: z.number().int(), message: z.string() });
export type LineProblem = z.infer<typeof LineProblemSchema>;

export const ImportPreviewSchema = z.object({
  format: z.enum(['csv-wide', 'csv-long', 'line-protocol']),
  delimiter: z.string().optional(),
  /** The timestamp format found or declared, e.g. "epoch-ms" or "iso". */
  timestampFormat: z.string(),
  /** Whether timestamps lack a zone, so the import needs `timeZone`. */
  needsTimeZone: z.boolean(),
  columns: z.array(z.string()),
  /** Series keys the import would write. */
  series: z.array(z.string()),
  /** The first rows as they would land: line number, parsed instant (ISO, UTC), values. */
  sample: z.array(z.object({ line: z.number().int(), raw: z.string(), time: z.string().nullable(), values: z.array(z.number().nullable()) })),
  problems: z.array(LineProblemSchema),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

export const ImportResultSchema = z.object({
  series: z.array(z.string()),
  points: z.number().int(),
  /** Rows that failed to parse and were skipped (at most 1,000 listed). */
  skipped: z.array(LineProblemSchema),
  skippedCount: z.number().int(),
  /** Points whose series and time already existed (the newer value wins). */
  duplicates: z.number().int(),
});
export type ImportResult = z.infer<typeof ImportResultSchema>;

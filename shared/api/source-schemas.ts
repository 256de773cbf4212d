import { z } from 'zod';
import { LAYOUT_IDS, type LayoutId } from '../import/import-layouts';
import { TIMESTAMP_FORMATS } from '../time/timestamp-format';

/** An http:// or https:// URL. */
export const HttpUrlSchema = z
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
  url: HttpUrlSchema,
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
  url: HttpUrlSchema,
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
  /** Non-secret parts of the connection, so a project's sources can be matched to it (InfluxDB 1.x). */
  database: z.string().optional(),
  retentionPolicy: z.string().optional(),
  /** InfluxDB 2.x. */
  org: z.string().optional(),
  bucket: z.string().optional(),
  /** True while the server cannot be reached and the source answers from its cached history (the rollup cache). */
  offline: z.boolean().optional(),
});
export type SourceInfo = z.infer<typeof SourceInfoSchema>;

export const timestampFormats = ['auto', ...TIMESTAMP_FORMATS] as const;

/** How a file may be read: detected, a plain shape, or a historian's own layout. */
export const importFormats = ['auto', 'csv-wide', 'csv-long', 'line-protocol', 'pi-long', 'pi-wide', 'aveva', 'niagara', 'ignition', 'kepware'] as const;

/** How to read a historian export. */
export const ImportOptionsSchema = z.object({
  format: z.enum(importFormats).default('auto'),
  /** Zone for timestamps without an offset (or with an abbreviation such as EDT, which must agree with it). */
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

const LineProblemSchema = z.object({ line: z.number().int(), message: z.string(), file: z.string().optional() });
export type LineProblem = z.infer<typeof LineProblemSchema>;

/** Values that became gaps, per state: a digital state (`I/O Timeout`), a bad quality (`OPC 24 (Bad: comm failure)`, `{fault}`). */
const GapCountSchema = z.object({ state: z.string(), count: z.number().int() });
export type GapCount = z.infer<typeof GapCountSchema>;

const LayoutSchema = z.object({ id: z.enum(LAYOUT_IDS as [LayoutId, ...LayoutId[]]), name: z.string() });

export const ImportPreviewSchema = z.object({
  format: z.enum(['csv-wide', 'csv-long', 'line-protocol']),
  /** The layout recognised (a historian's export shape, or plain CSV), by id and name. */
  layout: LayoutSchema,
  delimiter: z.string().optional(),
  /** The timestamp format found or declared, e.g. "epoch-ms", "DD-MMM-YY", or "unknown". */
  timestampFormat: z.string(),
  /** The formats that read the first timestamps, most first, each with what it makes of the first one (ISO, UTC; null without a zone). */
  timestampChoices: z.array(z.object({ format: z.string(), readable: z.number().int(), first: z.string().nullable() })),
  /** The first timestamps as written, for the choices to be judged by. */
  timestampSamples: z.array(z.string()),
  /** Whether timestamps lack a zone (or carry an abbreviation), so the import needs `timeZone`. */
  needsTimeZone: z.boolean(),
  /** Zone abbreviations the timestamps carry (EDT, CET), which the chosen zone must use. */
  abbreviations: z.array(z.string()),
  columns: z.array(z.string()),
  /** Series keys the import would write. */
  series: z.array(z.string()),
  /** Units found in headers, units rows or columns, by series key. */
  units: z.record(z.string(), z.string()),
  /** The series the sample's values belong to, in order (wide files and line protocol; empty for long files, whose rows hold one value each). */
  sampleSeries: z.array(z.string()),
  /** The first rows (of the first file) as they would land: line number, parsed instant (ISO, UTC), values. */
  sample: z.array(
    z.object({
      line: z.number().int(),
      raw: z.string(),
      time: z.string().nullable(),
      values: z.array(z.number().nullable()),
      /** Long files: the series each value belongs to. */
      keys: z.array(z.string()),
      /** Values of the row that are gaps, by series and state. */
      gaps: z.array(z.object({ series: z.string(), state: z.string() })),
    }),
  ),
  /** Data rows read for the preview, and the gaps among them per state. */
  rowsRead: z.number().int(),
  gaps: z.array(GapCountSchema),
  problems: z.array(LineProblemSchema),
  /** Every file of the import (a folder is expanded), with what was found in its head. */
  files: z.array(z.object({ path: z.string(), bytes: z.number(), layout: z.string(), series: z.number().int(), problems: z.number().int() })),
  /** Files and bytes of the whole import (more files than listed are checked when imported). */
  fileCount: z.number().int(),
  totalBytes: z.number(),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

export const ImportResultSchema = z.object({
  series: z.array(z.string()),
  points: z.number().int(),
  /** Data rows read. */
  rows: z.number().int(),
  /** Rows that failed to parse and were skipped (at most 1,000 listed). */
  skipped: z.array(LineProblemSchema),
  skippedCount: z.number().int(),
  /** Points whose series and time already existed (the newer value wins). */
  duplicates: z.number().int(),
  /** Values that became gaps, per state, and how many in all. */
  gaps: z.array(GapCountSchema),
  gapCount: z.number().int(),
  /** Units stored in the catalog, by series key. */
  units: z.record(z.string(), z.string()),
  files: z.array(z.object({ path: z.string(), layout: z.string(), rows: z.number().int(), points: z.number().int() })),
});
export type ImportResult = z.infer<typeof ImportResultSchema>;

/** Progress of an import, sent as the `importProgress` event. */
export const ImportProgressSchema = z.object({
  channel: z.string(),
  file: z.string(),
  fileIndex: z.number().int(),
  files: z.number().int(),
  bytesRead: z.number(),
  totalBytes: z.number(),
  rows: z.number().int(),
  points: z.number().int(),
});
export type ImportProgressEvent = z.infer<typeof ImportProgressSchema>;

import { z } from 'zod';
import type { MethodNameList } from './method-names';
import { method, type MethodSpec, type SameType } from './define';
import { TwinErrorDataSchema } from './error-schemas';
import { TwinDocumentSchema } from '../twin/schema';
import { ProblemSchema } from './error-schemas';
import {
  CatalogEntrySchema,
  EpochMs,
  RawPointsSchema,
  SeriesWindowsSchema,
  SnappedLayoutSchema,
  ValueAtSchema,
  WindowLayoutSchema,
  WritePointSchema,
  WriteResultSchema,
} from '../series/types';
import { SourceProfileSchema, SourceInfoSchema, ImportOptionsSchema, ImportPreviewSchema, ImportProgressSchema, ImportResultSchema } from './source-schemas';
import {
  HeadComparisonSchema,
  PulledTwinSchema,
  PushInputSchema,
  PushResultSchema,
  RemoteHeadSchema,
  RevisionInfoSchema,
  TenantInfoSchema,
  TenantInputSchema,
  TenantListingSchema,
  TenantTestReportSchema,
} from './tenant-schemas';
import { SeriesStatsSchema, STATS_WINDOW_MS } from './binding-schemas';
import { CacheFillProgressSchema, CacheStatsSchema } from './cache-schemas';
import { ResidualProgressSchema, ResidualRunSchema } from './analysis-schemas';

/** Interface preferences kept between sessions; add fields with a default, so older preference files still read. */
export const UiPreferencesSchema = z.object({
  /** Whether the overview map is drawn in the canvas corner. */
  showMinimap: z.boolean(),
});
export type UiPreferences = z.infer<typeof UiPreferencesSchema>;

/** An absolute path to a project file; the host decides whether the renderer may touch it. */
const ProjectPath = z.string().min(1).max(4_096);

/** What identifies the bytes of a project file on disk, to detect changes made by someone else. */
export const FingerprintSchema = z.object({ mtimeMs: z.number(), size: z.number().int(), sha256: z.string() });
export type Fingerprint = z.infer<typeof FingerprintSchema>;

export const OpenedProjectSchema = z.object({
  document: TwinDocumentSchema,
  /** Null for a project that has never been saved (the demo opens as a copy). */
  path: z.string().nullable(),
  fingerprint: FingerprintSchema.nullable(),
  /** Warnings found when opening (the validator's non-fatal findings). */
  problems: z.array(ProblemSchema),
  /** The format version the file had before migration, when it was older. */
  migratedFrom: z.number().int().optional(),
});
export type OpenedProject = z.infer<typeof OpenedProjectSchema>;

const SourceId = z.string().min(1).max(200);
const TenantIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'is not a tenant id');
const SeriesKeys = z.array(z.string().min(1).max(2_000)).min(1).max(1_000);
/** Requests on the same channel cancel each other: a newer request aborts the older one. */
const Channel = z.string().min(1).max(200).optional();
/** The files and folders of an import. */
const ImportPaths = z.array(ProjectPath).min(1).max(1_000);

export const RecoveryEntrySchema = z.object({
  id: z.string(),
  /** The project file the recovery belongs to, or null for an unsaved project. */
  path: z.string().nullable(),
  name: z.string(),
  savedAt: z.number(),
});
export type RecoveryEntry = z.infer<typeof RecoveryEntrySchema>;

export const ProjectListingSchema = z.object({
  /** Folder the in-app dialog shows when there is no native one. */
  folder: z.string(),
  files: z.array(z.object({ path: z.string(), name: z.string(), mtimeMs: z.number(), size: z.number() })),
  recent: z.array(z.string()),
});

/**
 * The one API between the renderer and the main side. Every host (Electron IPC, the web host, the CLI)
 * exposes exactly these methods; main parses every input with these schemas.
 */
export const contract = {
  appInfo: method(
    'What host the renderer runs in and what it can do.',
    z.object({}),
    z.object({
      version: z.string(),
      host: z.enum(['electron', 'web']),
      platform: z.string(),
      /** Whether native open/save dialogs exist (otherwise the renderer shows its own). */
      nativeDialogs: z.boolean(),
      /** A project given on the command line or by a file association, opened at start. */
      startupProject: z.string().nullable(),
    }),
  ),
  openProject: method('Open a project file: read, migrate, validate.', z.object({ path: ProjectPath }), OpenedProjectSchema),
  openDemoProject: method('Open the built-in demo plant as an unsaved copy.', z.object({}), OpenedProjectSchema),
  saveProject: method(
    'Save atomically. Fails with "conflict" when the file changed on disk since it was opened, unless overwrite is set.',
    z.object({
      path: ProjectPath,
      document: TwinDocumentSchema,
      /** The fingerprint the renderer last saw; null for a file it never opened. */
      expected: FingerprintSchema.nullable(),
      overwrite: z.boolean().default(false),
    }),
    z.object({ path: z.string(), fingerprint: FingerprintSchema }),
  ),
  listProjects: method('Project files in the workspace folder and the recent list.', z.object({}), ProjectListingSchema),
  chooseOpenPath: method('Native "Open" dialog; null when cancelled.', z.object({}), z.object({ path: z.string().nullable() })),
  chooseSavePath: method(
    'Native "Save as" dialog; null when cancelled.',
    z.object({ suggestedName: z.string().max(200) }),
    z.object({ path: z.string().nullable() }),
  ),
  writeRecovery: method(
    'Autosave the unsaved state of a session to the recovery folder.',
    z.object({ session: z.string().min(1).max(64), path: z.string().nullable(), document: TwinDocumentSchema }),
    z.object({ savedAt: z.number() }),
  ),
  listRecovery: method(
    'Recovery files left by sessions that did not close cleanly.',
    z.object({ exceptSession: z.string().max(64).optional() }),
    z.array(RecoveryEntrySchema),
  ),
  readRecovery: method('Read one recovery file.', z.object({ id: z.string().min(1).max(200) }), OpenedProjectSchema),
  discardRecovery: method('Delete a recovery file (after a clean save or when declined).', z.object({ id: z.string().min(1).max(200) }), z.object({})),
  openExternal: method('Open an allowlisted web link in the system browser.', z.object({ url: z.string().max(2_048) }), z.object({ opened: z.boolean() })),

  listSources: method('Data sources known to this session.', z.object({}), z.array(SourceInfoSchema)),
  connectSource: method(
    'Check and add a source (InfluxDB 1.x/2.x); secrets stay in the main process.',
    z.object({ profile: SourceProfileSchema }),
    SourceInfoSchema,
  ),
  disconnectSource: method('Forget a source.', z.object({ source: SourceId }), z.object({})),
  catalog: method(
    'Sensors a source has, optionally filtered by a search text.',
    z.object({ source: SourceId, search: z.string().max(200).optional(), limit: z.number().int().min(1).max(100_000).optional() }),
    z.array(CatalogEntrySchema),
  ),
  queryWindows: method(
    'Per series at most n windows over a range, aggregated by the source.',
    z.object({
      source: SourceId,
      keys: SeriesKeys,
      from: EpochMs,
      to: EpochMs,
      n: z.number().int().min(1).max(20_000),
      /** Only these statistics (a trend line needs the mean alone); the others come back as empty arrays. Default: all. */
      stats: z
        .array(z.enum(['min', 'max', 'mean', 'first', 'last', 'count']))
        .min(1)
        .max(6)
        .optional(),
      channel: Channel,
    }),
    z.object({
      /** The layout asked for. */
      layout: WindowLayoutSchema,
      series: z.array(SeriesWindowsSchema),
      /**
       * Present when the rollup cache answered a long range: the windows follow this layout (edges on whole
       * buckets, see SnappedLayoutSchema) instead of `layout`. Draw them there and mark the chart "snapped".
       */
      snapped: SnappedLayoutSchema.optional(),
    }),
  ),
  valueAt: method(
    'The last value at or before an instant, per series.',
    z.object({ source: SourceId, keys: SeriesKeys, at: EpochMs, channel: Channel }),
    z.array(ValueAtSchema),
  ),
  raw: method(
    'Raw points of one series over a short range.',
    z.object({
      source: SourceId,
      key: z.string().min(1).max(2_000),
      from: EpochMs,
      to: EpochMs,
      limit: z.number().int().min(1).max(1_000_000),
      channel: Channel,
    }),
    RawPointsSchema,
  ),
  writePoints: method(
    'Write points (analysis results) to a source.',
    z.object({ source: SourceId, points: z.array(WritePointSchema).max(100_000) }),
    WriteResultSchema,
  ),
  cancel: method('Abort the request in flight on a channel.', z.object({ channel: z.string().min(1).max(200) }), z.object({ cancelled: z.boolean() })),
  chooseImportPath: method(
    'Native dialog to pick historian exports (files, or a folder of them) to import; no paths when cancelled.',
    z.object({ folder: z.boolean().default(false) }),
    z.object({ paths: z.array(z.string()) }),
  ),
  previewImport: method(
    'Read the heads of CSV or line-protocol files (folders are expanded) and show how they would be imported into the local store.',
    z.object({ paths: ImportPaths, options: ImportOptionsSchema }),
    ImportPreviewSchema,
  ),
  importFile: method(
    'Import CSV or line-protocol files (folders are expanded) into the local store, all or nothing; progress comes as importProgress events on the channel, which cancel aborts.',
    z.object({ paths: ImportPaths, options: ImportOptionsSchema, channel: Channel }),
    ImportResultSchema,
  ),
  demoDataStatus: method(
    'Whether the demo plant data is in the local store, or being written.',
    z.object({}),
    z.object({ state: z.enum(['missing', 'seeding', 'ready', 'failed']), fraction: z.number(), message: z.string() }),
  ),

  listTenants: method('Tenant profiles (secrets masked), the active one, and how this host keeps secrets.', z.object({}), TenantListingSchema),
  saveTenant: method(
    'Add or change a tenant profile; typed secrets go to the secret store and never come back.',
    z.object({ tenant: TenantInputSchema }),
    TenantInfoSchema,
  ),
  deleteTenant: method('Forget a tenant profile and its stored secrets.', z.object({ id: TenantIdSchema }), z.object({})),
  activateTenant: method(
    'Work for a tenant (its InfluxDB becomes a source, caches are scoped to it), or offline with null.',
    z.object({ id: TenantIdSchema.nullable() }),
    z.object({ active: z.string().nullable(), problem: z.string().nullable() }),
  ),
  testTenant: method('Test the connections of a tenant step by step (InfluxDB and MongoDB).', z.object({ id: TenantIdSchema }), TenantTestReportSchema),
  pushTwin: method('Push the project to a tenant as a new revision; a conflict says who pushed what and when.', PushInputSchema, PushResultSchema),
  pullTwin: method(
    'A revision of a twin from a tenant (its head by default), as a project linked to the tenant.',
    z.object({ tenant: TenantIdSchema, twinId: z.string().min(1).max(128), revision: z.number().int().min(1).optional() }),
    PulledTwinSchema,
  ),
  listRemoteTwins: method("The tenant's twins, latest first.", z.object({ tenant: TenantIdSchema }), z.array(RemoteHeadSchema)),
  listRevisions: method(
    "A twin's revisions on a tenant, newest first (who, when, message).",
    z.object({ tenant: TenantIdSchema, twinId: z.string().min(1).max(128), limit: z.number().int().min(1).max(1_000).optional() }),
    z.object({ head: RemoteHeadSchema.nullable(), revisions: z.array(RevisionInfoSchema) }),
  ),
  compareWithTenant: method(
    "The difference between the project and the tenant's head.",
    z.object({ tenant: TenantIdSchema, document: TwinDocumentSchema }),
    HeadComparisonSchema,
  ),
  seriesStats: method(
    'Per series: unit, last point, and min/max/mean and the share of 0/1 values over a recent window (for binding suggestions).',
    z.object({
      source: SourceId,
      keys: SeriesKeys,
      /** How far back from each series' last point to look. */
      windowMs: z
        .number()
        .int()
        .min(60_000)
        .max(366 * 86_400_000)
        .default(STATS_WINDOW_MS),
      channel: Channel,
    }),
    z.array(SeriesStatsSchema),
  ),
  cacheStats: method('The rollup cache of the current tenant: size, bound, per-source ages, and the fill in progress.', z.object({}), CacheStatsSchema),
  clearCache: method(
    "Drop the current tenant's rollup cache (of one source when given); charts then ask the sources again.",
    z.object({ source: SourceId.optional() }),
    z.object({ buckets: z.number().int() }),
  ),
  refreshCache: method(
    'Forget and fetch again what the caches hold of a source over a range (all time when absent), for some series or all.',
    z.object({ source: SourceId, from: EpochMs.optional(), to: EpochMs.optional(), keys: SeriesKeys.optional() }),
    z.object({ series: z.number().int() }),
  ),
  cancelCacheFill: method('Stop filling the rollup cache in the background; what is filled stays.', z.object({}), z.object({})),
  runResiduals: method(
    'Run a residual model of the twin over a range: align its inputs, fit, predict, find episodes, optionally write the results back. Progress comes as residualsProgress events on the channel; cancel({ channel }) stops it.',
    z.object({
      source: SourceId,
      document: TwinDocumentSchema,
      model: z.string().min(1).max(128),
      from: EpochMs,
      to: EpochMs,
      write: z.boolean().default(false),
      channel: z.string().min(1).max(200),
    }),
    ResidualRunSchema,
  ),
  uiPreferences: method('How the user left the interface (the minimap shown or hidden), kept between sessions.', z.object({}), UiPreferencesSchema),
  setUiPreferences: method('Change interface preferences; fields left out keep their value.', UiPreferencesSchema.partial(), UiPreferencesSchema),
} satisfies Record<string, MethodSpec>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<K extends MethodName> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends MethodName> = z.output<Contract[K]['input']>;
export type MethodOutput<K extends MethodName> = z.output<Contract[K]['output']>;

/** All method names, in declaration order. */
export { methodNames } from './method-names';
// Both ways: a method missing from method-names.ts, or a name there that the contract lacks, fails the build.
const namesMatch: SameType<MethodName, MethodNameList> = true;
void namesMatch;

/** Events the main side sends to the renderer. */
export const events = {
  /** A menu item or a global shortcut in the shell asks the renderer to run a command. */
  command: z.object({ command: z.string().max(100) }),
  /** The OS asked to open a project (file association, second instance). */
  openFile: z.object({ path: z.string() }),
  /** Progress of writing the demo data into the local store. */
  demoDataProgress: z.object({ state: z.enum(['missing', 'seeding', 'ready', 'failed']), fraction: z.number(), message: z.string() }),
  /** Progress of filling the rollup cache in the background. */
  cacheFillProgress: CacheFillProgressSchema,
  /** Progress of an import running on a channel. */
  importProgress: ImportProgressSchema,
  /** Progress of a residual run, by its channel. */
  residualsProgress: ResidualProgressSchema,
} satisfies Record<string, z.ZodType>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<K extends EventName> = z.output<Events[K]>;
export const eventNames = Object.keys(events) as EventName[];

/** What every call returns over the wire: a value or a typed error, never a thrown string. */
export const ResultEnvelopeSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: TwinErrorDataSchema }),
]);
export type ResultEnvelope = z.infer<typeof ResultEnvelopeSchema>;

/** The API as the renderer sees it: one async function per method. */
export type TwinApi = { [K in MethodName]: (input: MethodInput<K>) => Promise<MethodOutput<K>> };

/** How a host subscribes to events. Returns the unsubscribe function. */
export type TwinEvents = { on<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void): () => void };

import { z } from 'zod';
import { MaskedSecretSchema, secretNames, TenantInflux1Schema, TenantInflux2Schema, TenantMongoSchema } from '../tenant/tenant-schema';
import { TenantLinkSchema } from '../tenant/tenant-link';
import type { ChangeSummary } from '../tenant/change-summary';
import type { SameType } from './define';
import { TwinDocumentSchema } from '../twin/schema';

/** The tenant half of the API: profiles, connection tests, push, pull, revisions, differences. */

const TenantId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'is not a tenant id');
const EnvName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name');

/** A secret as the renderer sends it: typed (once), or where to find it, or cleared. Absent: keep as is. */
export const SecretInputSchema = z.union([
  z.strictObject({ value: z.string().min(1).max(4_096) }),
  z.strictObject({ env: EnvName.max(200) }),
  z.strictObject({ keyFile: z.string().min(1).max(4_096), key: z.string().min(1).max(200).optional() }),
  z.strictObject({ clear: z.literal(true) }),
]);
export type SecretInput = z.infer<typeof SecretInputSchema>;

export const TenantInputSchema = z.object({
  /** Absent for a new profile. */
  id: TenantId.optional(),
  name: z.string().trim().min(1, 'is empty').max(200),
  author: z.string().max(200).optional(),
  influx: z.discriminatedUnion('kind', [TenantInflux1Schema.omit({ password: true, token: true }), TenantInflux2Schema.omit({ token: true })]).nullable(),
  /** The connection string may carry a password: it is taken out and kept as the MongoDB password. */
  mongo: TenantMongoSchema.omit({ password: true }),
  secrets: z.partialRecord(z.enum(secretNames), SecretInputSchema).default({}),
});
export type TenantInput = z.infer<typeof TenantInputSchema>;

/** What the renderer may know of a tenant: everything but its secrets, which come masked. */
export const TenantInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The tenant's identity (MongoDB hosts and database), recorded in projects pushed to it. */
  key: z.string(),
  author: z.string(),
  influx: z.discriminatedUnion('kind', [TenantInflux1Schema.omit({ password: true, token: true }), TenantInflux2Schema.omit({ token: true })]).nullable(),
  mongo: z.object({ uri: z.string(), database: z.string(), where: z.string() }),
  secrets: z.partialRecord(z.enum(secretNames), MaskedSecretSchema),
});
export type TenantInfo = z.infer<typeof TenantInfoSchema>;

export const TenantListingSchema = z.object({
  tenants: z.array(TenantInfoSchema),
  /** The tenant the app works for; null is offline. */
  active: z.string().nullable(),
  /** How this host keeps typed secrets, in one sentence, and where. */
  secretStorage: z.object({ kind: z.enum(['keychain', 'key-file']), description: z.string(), file: z.string() }),
  /** Why profiles cannot be changed (a file from a newer version), or null. */
  readOnly: z.string().nullable(),
  notices: z.array(z.string()),
  /** Twins pushed or pulled lately with the active tenant. */
  recent: z.array(z.object({ twinId: z.string(), name: z.string(), revision: z.number(), at: z.number() })),
});
export type TenantListing = z.infer<typeof TenantListingSchema>;

export const ConnectionStepSchema = z.object({
  id: z.string(),
  label: z.string(),
  status: z.enum(['ok', 'warning', 'failed', 'skipped']),
  detail: z.string(),
});
export type ConnectionStep = z.infer<typeof ConnectionStepSchema>;

const StoreReportSchema = z.object({ target: z.string(), steps: z.array(ConnectionStepSchema) });
export const TenantTestReportSchema = z.object({
  influx: StoreReportSchema.nullable(),
  mongo: StoreReportSchema,
  ok: z.boolean(),
  testedAt: z.number(),
});
export type TenantTestReport = z.infer<typeof TenantTestReportSchema>;

const ChangedItemSchema = z.object({ id: z.string(), label: z.string(), fields: z.array(z.string()).optional() });
const ChangeGroupSchema = z.object({ added: z.array(ChangedItemSchema), removed: z.array(ChangedItemSchema), changed: z.array(ChangedItemSchema) });
export const ChangeSummarySchema = z.object({
  assets: ChangeGroupSchema.extend({ moved: z.array(ChangedItemSchema) }),
  connections: ChangeGroupSchema,
  bindings: ChangeGroupSchema,
  other: z.array(z.string()),
  identical: z.boolean(),
});
const summaryMatches: SameType<z.output<typeof ChangeSummarySchema>, ChangeSummary> = true;
void summaryMatches;

export const RemoteHeadSchema = z.object({
  twinId: z.string(),
  name: z.string(),
  revision: z.number().int(),
  updatedAt: z.number(),
  updatedBy: z.string(),
  message: z.string(),
});
export type RemoteHead = z.infer<typeof RemoteHeadSchema>;

export const RevisionInfoSchema = z.object({
  revision: z.number().int(),
  baseRevision: z.number().int().nullable(),
  name: z.string(),
  message: z.string(),
  author: z.string(),
  createdAt: z.number(),
  contentHash: z.string(),
  pushId: z.string(),
});
export type RevisionInfo = z.infer<typeof RevisionInfoSchema>;

/** The details of a push refused because the tenant moved on (kind "conflict"). */
export const PushConflictSchema = z.object({
  reason: z.enum(['head-moved', 'twin-exists', 'twin-gone', 'other-tenant']),
  twinId: z.string(),
  tenant: z.string(),
  base: z.number().int().nullable(),
  /** Who pushed what and when: the revision the tenant holds now. */
  head: z.object({ revision: z.number().int(), by: z.string(), at: z.number(), message: z.string() }).nullable(),
  /** What changed on the tenant since the local copy's base (null when there is no base to compare). */
  theirs: ChangeSummarySchema.nullable(),
  /** What pushing over the tenant's head would change there. */
  overwrite: ChangeSummarySchema.nullable(),
  /** For another tenant: the tenant the project records. */
  recorded: TenantLinkSchema.optional(),
});
export type PushConflictInfo = z.infer<typeof PushConflictSchema>;

export const PushInputSchema = z.object({
  tenant: TenantId,
  /** The project as it is in the editor (its `tenant` field says what it is based on). */
  document: TwinDocumentSchema,
  message: z.string().trim().min(1, 'is empty: say what changed').max(2_000),
  /** Made by the renderer once per push; a retry of the same push sends the same id. */
  pushId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'is not a push id'),
  /** The user confirmed pushing a project recorded for another tenant. */
  otherTenantConfirmed: z.boolean().default(false),
  /** The user confirmed pushing over the tenant's head at this revision (null: over a twin that is gone). */
  overwrite: z
    .object({ headRevision: z.number().int().min(1).nullable() })
    .nullable()
    .default(null),
});

export const PushResultSchema = z.object({
  outcome: z.enum(['pushed', 'already-pushed', 'unchanged']),
  revision: z.number().int(),
  /** The link the project should record now. */
  link: TenantLinkSchema,
  deployment: z.enum(['replica-set', 'sharded', 'standalone']),
  /** A sentence for the user: what happened, and on a standalone server how exactly-once is kept. */
  message: z.string(),
});
export type PushResult = z.infer<typeof PushResultSchema>;

export const PulledTwinSchema = z.object({
  /** The revision's twin, migrated and validated like a file, with its tenant link set. */
  document: TwinDocumentSchema,
  revision: RevisionInfoSchema,
  /** Whether it is the tenant's head. */
  isHead: z.boolean(),
  problems: z.array(z.object({ path: z.string(), message: z.string(), severity: z.enum(['error', 'warning']) })),
});

export const HeadComparisonSchema = z.object({
  head: RemoteHeadSchema.nullable(),
  /** From the tenant's head to the local project (what a push would change there). */
  summary: ChangeSummarySchema.nullable(),
  /** The local project's base revision on this tenant, or null. */
  base: z.number().int().nullable(),
  /** Whether the project records another tenant. */
  otherTenant: TenantLinkSchema.nullable(),
});
export type HeadComparison = z.infer<typeof HeadComparisonSchema>;

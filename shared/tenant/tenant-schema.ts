import { z } from 'zod';
import { HttpUrlSchema } from '../api/source-schemas';

/**
 * A tenant: where a plant's data (InfluxDB) and twins (MongoDB) live, without its secrets. Secrets are
 * named by reference: an environment variable, a key file, or the app's own secret store (Electron's
 * safeStorage on the desktop, a 0600 key file in the web host). The same shape serves the profiles the
 * app keeps and the tenant files a plant checks into its repository.
 */

const Name = z.string().trim().min(1, 'is empty').max(200, 'is longer than 200 characters');
/** A server URL, without a password in it (the password is a secret, named separately). */
const HttpUrl = HttpUrlSchema.refine((u) => {
  try {
    return new URL(u).password === '';
  } catch {
    return true;
  }
}, 'carries a password; give it as the password secret instead');
/** An environment variable name as POSIX shells accept it. */
const EnvName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name (letters, digits, _)')
  .max(200);

/** Where a secret comes from; never the secret itself. */
export const SecretRefSchema = z.union([
  z.strictObject({ env: EnvName }),
  z.strictObject({
    keyFile: z.string().min(1).max(4_096),
    /** The entry in a JSON key file; absent when the whole file is the secret. */
    key: z.string().min(1).max(200).optional(),
  }),
  z.strictObject({ stored: z.literal(true) }),
]);
export type SecretRef = z.infer<typeof SecretRefSchema>;

export const secretNames = ['influxPassword', 'influxToken', 'mongoPassword'] as const;
export type SecretName = (typeof secretNames)[number];

export const TenantInflux1Schema = z.strictObject({
  kind: z.literal('influx1'),
  url: HttpUrl,
  database: Name,
  retentionPolicy: z.string().max(200).optional(),
  username: z.string().max(200).optional(),
  password: SecretRefSchema.optional(),
  /** 1.8+ API token instead of user and password. */
  token: SecretRefSchema.optional(),
});

export const TenantInflux2Schema = z.strictObject({
  kind: z.literal('influx2'),
  url: HttpUrl,
  org: Name,
  bucket: Name,
  token: SecretRefSchema.optional(),
});

export const TenantInfluxSchema = z.discriminatedUnion('kind', [TenantInflux1Schema, TenantInflux2Schema]);
export type TenantInflux = z.infer<typeof TenantInfluxSchema>;

export const TenantMongoSchema = z.strictObject({
  /** The connection string without a password (the user name may be in it). */
  uri: z.string().min(1).max(4_096),
  /** The database holding `twins`, `twin_revisions` and `sensors`. */
  database: z
    .string()
    .min(1, 'is empty')
    .max(63, 'is longer than 63 characters (MongoDB’s limit)')
    .regex(/^[^/\\. "$*<>:|?\0]+$/, 'may not contain / \\ . space " $ * < > : | ? (MongoDB database names)'),
  password: SecretRefSchema.optional(),
});
export type TenantMongo = z.infer<typeof TenantMongoSchema>;

/** A tenant as the app keeps it (one profile) and as a tenant file holds it. */
export const TenantProfileSchema = z.strictObject({
  /** Stable id of the profile in this app; a tenant file has none. */
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,63}$/)
    .optional(),
  name: Name,
  /** Who pushes from here, recorded with each revision; the OS user when empty. */
  author: z.string().max(200).optional(),
  influx: TenantInfluxSchema.optional(),
  mongo: TenantMongoSchema,
});
export type TenantProfile = z.infer<typeof TenantProfileSchema>;

/** Where each secret of a profile is referenced in it. */
export function secretRefs(p: TenantProfile): Partial<Record<SecretName, SecretRef>> {
  const out: Partial<Record<SecretName, SecretRef>> = {};
  if (p.mongo.password) out.mongoPassword = p.mongo.password;
  if (p.influx?.kind === 'influx1' && p.influx.password) out.influxPassword = p.influx.password;
  if (p.influx?.token) out.influxToken = p.influx.token;
  return out;
}

/** The profile with one secret reference set (or removed with `undefined`). */
export function withSecretRef(p: TenantProfile, name: SecretName, ref: SecretRef | undefined): TenantProfile {
  const put = <T extends object>(o: T, key: string): T => {
    const next = { ...o } as Record<string, unknown>;
    if (ref) next[key] = ref;
    else delete next[key];
    return next as T;
  };
  if (name === 'mongoPassword') return { ...p, mongo: put(p.mongo, 'password') };
  if (!p.influx) return p;
  if (name === 'influxPassword') return p.influx.kind === 'influx1' ? { ...p, influx: put(p.influx, 'password') } : p;
  return { ...p, influx: put(p.influx, 'token') };
}

/** What the renderer learns of a secret: whether it is there and where it comes from, never its value. */
export const MaskedSecretSchema = z.object({
  state: z.enum(['set', 'missing', 'unreadable']),
  /** A fixed mask when set (it does not tell the length), empty otherwise. */
  masked: z.string(),
  from: z.enum(['keychain', 'key-file', 'env']),
  /** The environment variable or key file, for the user to act on. */
  where: z.string(),
  /** Why it could not be read (a key file others can read, no keychain). */
  problem: z.string().optional(),
});
export type MaskedSecret = z.infer<typeof MaskedSecretSchema>;

export const SECRET_MASK = '••••••••';

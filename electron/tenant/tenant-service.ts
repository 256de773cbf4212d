import path from 'node:path';
import { isTwinError, twinError } from '../../shared/api/errors';
import type { SourceProfile } from '../../shared/api/source-schemas';
import type { ConnectionStep, SecretInput, TenantInfo, TenantInput, TenantListing, TenantTestReport } from '../../shared/api/tenant-schemas';
import { MongoUriError, parseMongoUri, withoutPassword } from '../../shared/tenant/mongo-uri';
import { TenantProfileSchema, withSecretRef, secretRefs, type SecretName, type TenantProfile } from '../../shared/tenant/tenant-schema';
import type { TwinDocument } from '../../shared/twin/schema';
import { influxSteps } from './connection-test/influx-steps';
import { mongoSteps } from './connection-test/mongo-steps';
import type { MongoConnections } from './mongo/mongo-connections';
import { resolveTenant, type ResolvedTenant } from './resolve-tenant';
import { SECRET_LABEL, type SecretContext } from './secrets/resolve-secret';
import type { SecretVault } from './secrets/secret-vault';
import { tenantInfo } from './tenant-info';
import { compareWithHead, listRevisions, listTwins, pullTwin, pushToTenant, type PushOptions } from './tenant-operations';
import type { StoredTenant, TenantStore } from './tenant-store';

export interface TenantServiceOptions {
  store: TenantStore;
  vault: SecretVault;
  env: Readonly<Record<string, string | undefined>>;
  /** The web host and the CLI take secrets from TWIN_TENANT_<NAME>_… variables too; the desktop app does not. */
  envFallback: boolean;
  mongo: MongoConnections;
  /** Who pushes when a profile names nobody: the OS user. */
  defaultAuthor: string;
  /**
   * The active tenant changed (or its settings did): scope the caches to it and connect its InfluxDB.
   * Returns a problem to show, or null.
   */
  onActivate?(tenant: ResolvedTenant | null): Promise<string | null>;
}

/**
 * Tenant profiles and the work done with them, for the app's handlers. Secrets enter here from the
 * renderer once, go to the vault, and never leave: every answer carries them masked.
 */
export class TenantService {
  private activationProblem: string | null = null;

  constructor(private readonly o: TenantServiceOptions) {}

  private context(t: { id?: string | undefined; name: string }): SecretContext {
    return {
      tenantId: t.id,
      tenantName: t.name,
      vault: this.o.vault,
      env: this.o.env,
      envFallback: this.o.envFallback,
      baseDir: path.dirname(this.o.store.file),
    };
  }

  async resolve(id: string): Promise<ResolvedTenant> {
    const p = this.o.store.get(id);
    return resolveTenant(p, p.id, this.context(p), this.o.defaultAuthor);
  }

  private info(p: StoredTenant): Promise<TenantInfo> {
    return tenantInfo(p, this.context(p), this.o.defaultAuthor);
  }

  async listing(): Promise<TenantListing> {
    const active = this.o.store.active();
    const notices = [...this.o.store.notices];
    if (this.activationProblem) notices.push(this.activationProblem);
    return {
      tenants: await Promise.all(this.o.store.list().map((p) => this.info(p))),
      active,
      secretStorage: { kind: this.o.vault.kind, description: this.o.vault.describe(), file: this.o.vault.file },
      readOnly: this.o.store.readOnlyReason(),
      notices,
      recent: active ? this.o.store.recent(active) : [],
    };
  }

  /** Add or change a profile; typed secrets go to the vault, references are kept as given. */
  async save(input: TenantInput): Promise<TenantInfo> {
    const readOnly = this.o.store.readOnlyReason();
    if (readOnly) throw twinError('file-unwritable', readOnly);
    const existing = input.id ? this.o.store.get(input.id) : undefined;
    const id = existing?.id ?? this.o.store.newId(input.name);
    let uri;
    try {
      uri = parseMongoUri(input.mongo.uri);
    } catch (e) {
      if (!(e instanceof MongoUriError)) throw e;
      throw twinError('invalid-input', `The MongoDB connection string is not valid: ${e.message}.`, {
        problems: [{ path: '$.mongo.uri', message: e.message, severity: 'error' }],
      });
    }
    const secrets: Partial<Record<SecretName, SecretInput>> = { ...input.secrets };
    // A password pasted inside the connection string becomes the MongoDB password, unless one is given.
    if (uri.password !== undefined && !secrets.mongoPassword) secrets.mongoPassword = { value: uri.password };
    let profile: TenantProfile = {
      id,
      name: input.name,
      ...(input.author ? { author: input.author } : {}),
      ...(input.influx ? { influx: input.influx } : {}),
      mongo: { uri: withoutPassword(input.mongo.uri), database: input.mongo.database },
    };
    // Keep the references of secrets not mentioned, where they still apply.
    for (const [name, ref] of Object.entries(existing ? secretRefs(existing) : {}) as [SecretName, NonNullable<ReturnType<typeof secretRefs>[SecretName]>][]) {
      profile = withSecretRef(profile, name, ref);
    }
    const typed: [SecretName, string][] = [];
    for (const [name, s] of Object.entries(secrets) as [SecretName, SecretInput][]) {
      if ('value' in s) {
        typed.push([name, s.value]);
        profile = withSecretRef(profile, name, { stored: true });
      } else if ('env' in s) profile = withSecretRef(profile, name, { env: s.env });
      else if ('keyFile' in s) profile = withSecretRef(profile, name, s.key ? { keyFile: s.keyFile, key: s.key } : { keyFile: s.keyFile });
      else profile = withSecretRef(profile, name, undefined);
    }
    const parsed = TenantProfileSchema.safeParse(profile);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw twinError('invalid-input', `The tenant settings are not valid: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'unexpected shape'}.`);
    }
    // Secrets first: a profile never refers to a stored secret that is not there.
    for (const [name, value] of typed) {
      try {
        await this.o.vault.put(id, name, value);
      } catch (e) {
        if (isTwinError(e)) throw twinError(e.kind, `The ${SECRET_LABEL[name]} could not be kept: ${e.message}`);
        throw e;
      }
    }
    const stored = { ...parsed.data, id };
    const refs = secretRefs(stored);
    for (const name of ['influxPassword', 'influxToken', 'mongoPassword'] as const) if (!('stored' in (refs[name] ?? {}))) await this.o.vault.remove(id, name);
    await this.o.store.put(stored);
    await this.o.mongo.close(id);
    // The active tenant's InfluxDB reconnects with the new settings in the background: a slow server must
    // not hold up the save (a problem shows among the notices).
    if (this.o.store.active() === id) void this.activate(id).catch(() => undefined);
    return this.info(stored);
  }

  async remove(id: string): Promise<void> {
    this.o.store.get(id);
    const wasActive = this.o.store.active() === id;
    await this.o.store.remove(id);
    await this.o.vault.remove(id);
    await this.o.mongo.close(id);
    if (wasActive) await this.activate(null);
  }

  /** Work for a tenant (or offline with null): caches and sources follow. */
  async activate(id: string | null): Promise<{ active: string | null; problem: string | null }> {
    if (id !== null) this.o.store.get(id);
    if (this.o.store.active() !== id) await this.o.store.setActive(id);
    const resolved = id === null ? null : await this.resolve(id);
    this.activationProblem = (await this.o.onActivate?.(resolved)) ?? null;
    return { active: id, problem: this.activationProblem };
  }

  /** Reconnect the active tenant at start (its InfluxDB), without failing the start. */
  async resume(): Promise<void> {
    const id = this.o.store.active();
    if (!id) return;
    try {
      await this.activate(id);
    } catch (e) {
      this.activationProblem = `The active tenant could not be reconnected: ${e instanceof Error ? e.message : String(e)}`;
    }
  }

  /** Test both stores of a tenant step by step. */
  async test(id: string): Promise<TenantTestReport> {
    const t = await this.resolve(id);
    return testResolvedTenant(t);
  }

  async push(input: { tenant: string; document: TwinDocument } & PushOptions) {
    const t = await this.resolve(input.tenant);
    const result = await pushToTenant(this.o.mongo, t, input.document, input);
    await this.o.store
      .noteTwin(t.id, { twinId: input.document.id, name: input.document.name, revision: result.revision, at: Date.now() })
      .catch(() => undefined);
    return result;
  }

  async pull(tenant: string, twinId: string, revision?: number) {
    const t = await this.resolve(tenant);
    const pulled = await pullTwin(this.o.mongo, t, twinId, revision);
    await this.o.store.noteTwin(t.id, { twinId, name: pulled.document.name, revision: pulled.revision.revision, at: Date.now() }).catch(() => undefined);
    return pulled;
  }

  async twins(tenant: string) {
    return listTwins(this.o.mongo, await this.resolve(tenant));
  }

  async revisions(tenant: string, twinId: string, limit?: number) {
    return listRevisions(this.o.mongo, await this.resolve(tenant), twinId, limit);
  }

  async compare(tenant: string, document: TwinDocument) {
    return compareWithHead(this.o.mongo, await this.resolve(tenant), document);
  }
}

function secretStep(t: ResolvedTenant, names: readonly SecretName[]): ConnectionStep[] {
  const problems = names.map((n) => t.secretProblems[n]).filter((p): p is string => p !== undefined);
  return problems.length ? [{ id: 'secrets', label: 'Secrets', status: 'failed', detail: problems.join(' ') }] : [];
}

/** Test a resolved tenant: what the app's Test button and `twin` share. */
export async function testResolvedTenant(t: ResolvedTenant): Promise<TenantTestReport> {
  const influxSecretNames: SecretName[] = t.influx?.kind === 'influx1' ? ['influxPassword', 'influxToken'] : ['influxToken'];
  const influxProblem = t.influx ? secretStep(t, influxSecretNames) : [];
  const mongoProblem = secretStep(t, ['mongoPassword']);
  const [influx, mongo] = await Promise.all([
    t.influx
      ? influxProblem.length
        ? { target: `InfluxDB at ${new URL(t.influx.url).host}`, steps: influxProblem }
        : influxSteps(t.influx as SourceProfile)
      : null,
    mongoProblem.length ? { target: `MongoDB at ${t.mongo.where}`, steps: mongoProblem } : mongoSteps(t.mongo).then(({ target, steps }) => ({ target, steps })),
  ]);
  const failed = [...(influx?.steps ?? []), ...mongo.steps].some((s) => s.status === 'failed');
  return { influx, mongo, ok: !failed, testedAt: Date.now() };
}

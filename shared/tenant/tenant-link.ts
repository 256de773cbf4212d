import { z } from 'zod';
import type { TwinDocument } from '../twin/schema';

/**
 * What a project records of the tenant it was last pushed to or pulled from, in its top-level `tenant`
 * field: which tenant (by the identity of its MongoDB database, so two people who named their profiles
 * differently still agree), and the revision the local copy is based on. The next push names that
 * revision as its base; pushing to another tenant needs the user's explicit confirmation.
 */
export const TenantLinkSchema = z.looseObject({
  /** The tenant's identity: its MongoDB hosts and database (see tenantKey). */
  key: z.string().min(1).max(2_000),
  /** The profile name it had where it was recorded, for messages. */
  name: z.string().max(200),
  /** The revision this copy is based on. */
  revision: z.number().int().min(1),
});
export type TenantLink = z.infer<typeof TenantLinkSchema>;

/** The link a document carries, or undefined when it has none or one this build cannot read. */
export function tenantLinkOf(doc: TwinDocument | Record<string, unknown>): TenantLink | undefined {
  const parsed = TenantLinkSchema.safeParse((doc as Record<string, unknown>).tenant);
  return parsed.success ? parsed.data : undefined;
}

/** The twin's content: the document without its link, which is local bookkeeping and not part of the twin. */
export function twinContent<T extends Record<string, unknown>>(doc: T): Omit<T, 'tenant'> {
  const { tenant: _link, ...content } = doc;
  return content;
}

/** The document with a link set. */
export function withTenantLink<T extends Record<string, unknown>>(doc: T, link: TenantLink): T & { tenant: TenantLink } {
  return { ...doc, tenant: { key: link.key, name: link.name, revision: link.revision } };
}

export type TenantTarget =
  /** The project belongs to this tenant: push on top of the recorded revision. */
  | { kind: 'same'; base: number }
  /** Never pushed anywhere: a first push (it conflicts if the twin id is already there). */
  | { kind: 'new' }
  /** Recorded for another tenant: only with the user's confirmation, and then as new to this one. */
  | { kind: 'other'; recorded: TenantLink };

/** Where a push of this document to the tenant with `key` stands. */
export function tenantTarget(doc: TwinDocument | Record<string, unknown>, key: string): TenantTarget {
  const link = tenantLinkOf(doc);
  if (!link) return { kind: 'new' };
  if (link.key === key) return { kind: 'same', base: link.revision };
  return { kind: 'other', recorded: link };
}

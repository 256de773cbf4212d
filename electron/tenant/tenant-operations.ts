import { createHash } from 'node:crypto';
import { twinError, type TwinError } from '../../shared/api/errors';
import type { HeadComparison, PushConflictInfo, RemoteHead, RevisionInfo } from '../../shared/api/tenant-schemas';
import { canonicalJson } from '../../shared/tenant/canonical-json';
import { summarizeChanges, summaryLines } from '../../shared/tenant/change-summary';
import { deploymentNote } from '../../shared/tenant/mongo-deployment';
import { isCommitted } from '../../shared/tenant/push-decision';
import { tenantTarget, twinContent, withTenantLink, type TenantLink } from '../../shared/tenant/tenant-link';
import { decodeTwin, MAX_TWIN_JSON_BYTES, TwinDocError, type HeadDoc, type RevisionDoc } from '../../shared/tenant/twin-documents';
import type { Problem } from '../../shared/api/errors';
import type { TwinDocument } from '../../shared/twin/schema';
import { checkDocument, hasErrors, parseProjectText } from '../../shared/twin/validate';
import type { MongoConnections } from './mongo/mongo-connections';
import { PushConflict } from './mongo/push-twin';
import type { TwinStore } from './mongo/twin-store';
import { requireSecrets, type ResolvedTenant } from './resolve-tenant';

/**
 * Push, pull, list and compare against one tenant: what the app's handlers and the CLI both run. Takes a
 * tenant with its secrets resolved; every failure is a TwinError without secrets.
 */

export function contentHash(content: Record<string, unknown>): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

function when(d: Date): string {
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function asTwinError(e: unknown): unknown {
  if (e instanceof TwinDocError) return twinError(e.newer ? 'newer-format' : 'malformed-response', e.message);
  return e;
}

/** Work on a tenant's twin database: its password must be readable, and failures leave as TwinErrors. */
async function onTenant<T>(mongo: MongoConnections, t: ResolvedTenant, action: string, work: (store: TwinStore) => Promise<T>): Promise<T> {
  requireSecrets(t, ['mongoPassword']);
  try {
    return await mongo.run(t.mongo, action, (s) => work(s.store));
  } catch (e) {
    throw asTwinError(e);
  }
}

function headInfo(h: HeadDoc): RemoteHead {
  return { twinId: h._id, name: h.name, revision: h.revision, updatedAt: h.updatedAt.getTime(), updatedBy: h.updatedBy, message: h.message };
}

function revisionInfo(r: RevisionDoc): RevisionInfo {
  return {
    revision: r.revision,
    baseRevision: r.baseRevision,
    name: r.name,
    message: r.message,
    author: r.author,
    createdAt: r.createdAt.getTime(),
    contentHash: r.contentHash,
    pushId: r.pushId,
  };
}

/** A revision's twin, read like a file: migrated from the format it was pushed in, validated. */
function twinOf(r: RevisionDoc, tenant: string): { document: TwinDocument; problems: Problem[] } {
  const where = `revision ${r.revision} of twin "${r.twinId}" on tenant "${tenant}"`;
  const parsed = parseProjectText(JSON.stringify(decodeTwin(r)), where);
  return { document: parsed.document, problems: parsed.problems };
}

/** The committed revisions of a twin, newest first: the head's chain of bases (abandoned pushes left out). */
export async function committedRevisions(store: TwinStore, twinId: string, limit = 200): Promise<{ head: HeadDoc | null; revisions: RevisionDoc[] }> {
  const head = await store.head(twinId);
  if (!head) return { head: null, revisions: [] };
  const all = await store.revisionsBetween(twinId, 0, head.revision);
  const byNumber = new Map(all.map((r) => [r.revision, r]));
  const out: RevisionDoc[] = [];
  for (
    let r: RevisionDoc | undefined = byNumber.get(head.revision);
    r && out.length < limit;
    r = r.baseRevision === null ? undefined : byNumber.get(r.baseRevision)
  ) {
    out.push(r);
  }
  return { head, revisions: out };
}

export async function listTwins(mongo: MongoConnections, t: ResolvedTenant, limit = 200): Promise<RemoteHead[]> {
  return onTenant(mongo, t, 'list the twins', async (store) => (await store.heads(limit)).map(headInfo));
}

export async function listRevisions(
  mongo: MongoConnections,
  t: ResolvedTenant,
  twinId: string,
  limit = 200,
): Promise<{ head: RemoteHead | null; revisions: RevisionInfo[] }> {
  const { head, revisions } = await onTenant(mongo, t, 'list the revisions', (store) => committedRevisions(store, twinId, limit));
  if (!head) {
    throw twinError('not-found', `Tenant "${t.name}" has no twin "${twinId}". "twin revisions" needs the id of a pushed twin (the project's "id").`, {
      where: twinId,
    });
  }
  return { head: headInfo(head), revisions: revisions.map(revisionInfo) };
}

/** Open a revision (the head when none is given) as a project linked to the tenant. */
export async function pullTwin(
  mongo: MongoConnections,
  t: ResolvedTenant,
  twinId: string,
  revision?: number,
): Promise<{ document: TwinDocument; revision: RevisionInfo; isHead: boolean; problems: Problem[] }> {
  return onTenant(mongo, t, 'read the twin', async (store) => {
    const head = await store.head(twinId);
    if (!head) throw twinError('not-found', `Tenant "${t.name}" has no twin "${twinId}".`, { where: twinId });
    const n = revision ?? head.revision;
    const r = await store.revision(twinId, n);
    const chain = n < head.revision ? new Map((await store.revisionsBetween(twinId, n, head.revision)).map((x) => [x.revision, x.baseRevision])) : new Map();
    if (!r || !isCommitted({ revision: n, pushId: r.pushId }, { revision: head.revision, pushId: head.pushId, contentHash: head.contentHash }, chain)) {
      throw twinError(
        'not-found',
        `Twin "${twinId}" on tenant "${t.name}" has no revision ${n}${r ? ' (a push wrote it but never finished)' : ''}; its revisions go up to ${head.revision}. "twin revisions ${twinId}" lists them.`,
        { where: `${twinId}@${n}` },
      );
    }
    const { document, problems } = twinOf(r, t.name);
    const link: TenantLink = { key: t.key, name: t.name, revision: n };
    return { document: withTenantLink(twinContent(document) as TwinDocument, link), revision: revisionInfo(r), isHead: n === head.revision, problems };
  });
}

/** The difference between the local project and the tenant's head (what a push would change there). */
export async function compareWithHead(mongo: MongoConnections, t: ResolvedTenant, doc: TwinDocument): Promise<HeadComparison> {
  const target = tenantTarget(doc, t.key);
  return onTenant(mongo, t, 'read the twin', async (store) => {
    const head = await store.head(doc.id);
    const headRev = head ? await store.revision(doc.id, head.revision) : null;
    return {
      head: head ? headInfo(head) : null,
      summary: headRev ? summarizeChanges(twinOf(headRev, t.name).document, twinContent(doc) as TwinDocument) : null,
      base: target.kind === 'same' ? target.base : null,
      otherTenant: target.kind === 'other' ? target.recorded : null,
    };
  });
}

export interface PushOptions {
  message: string;
  pushId: string;
  otherTenantConfirmed: boolean;
  overwrite: { headRevision: number | null } | null;
  now?: () => Date;
}

export interface PushOutcome {
  outcome: 'pushed' | 'already-pushed' | 'unchanged';
  revision: number;
  link: TenantLink;
  deployment: 'replica-set' | 'sharded' | 'standalone';
  message: string;
}

function conflictMessage(c: PushConflictInfo, name: string): string {
  const who = c.head ? `${c.head.by} pushed revision ${c.head.revision} at ${when(new Date(c.head.at))}${c.head.message ? ` (“${c.head.message}”)` : ''}` : '';
  const theirs = c.theirs && !c.theirs.identical ? ` Their changes: ${summaryLines(c.theirs).join('; ')}.` : '';
  switch (c.reason) {
    case 'head-moved':
      return `Tenant "${c.tenant}" moved on: ${who}, after revision ${c.base ?? '?'} your copy of “${name}” is based on.${theirs} Open their revision, or push over it after checking what it would undo.`;
    case 'twin-exists':
      return `Tenant "${c.tenant}" already has a twin “${name}” (id ${c.twinId}) that this project was never pulled from: ${who}. Open it from the tenant, or push over it.`;
    case 'twin-gone':
      return `Tenant "${c.tenant}" no longer has twin ${c.twinId}, which your copy is based on (revision ${c.base ?? '?'}). Push it as a new twin, or check with whoever removed it.`;
    case 'other-tenant':
      return `This project was pushed to tenant "${c.recorded?.name ?? '?'}" (${c.recorded?.key ?? '?'}), not "${c.tenant}". Pushing it here makes a separate copy of the twin; confirm that this is what you want.`;
  }
}

async function describeConflict(mongo: MongoConnections, t: ResolvedTenant, pc: PushConflict, content: TwinDocument): Promise<PushConflictInfo> {
  const info: PushConflictInfo = {
    reason: pc.reason,
    twinId: content.id,
    tenant: t.name,
    base: pc.base,
    head: pc.head ? { revision: pc.head.revision, by: pc.head.updatedBy, at: pc.head.updatedAt.getTime(), message: pc.head.message } : null,
    theirs: null,
    overwrite: null,
  };
  // The summaries are a courtesy: if reading them fails, the conflict is still reported.
  try {
    await mongo.run(t.mongo, 'read the conflicting revision', async (s) => {
      const headRev = pc.head ? await s.store.revision(content.id, pc.head.revision) : null;
      const baseRev = pc.base !== null ? await s.store.revision(content.id, pc.base) : null;
      const headTwin = headRev ? twinOf(headRev, t.name).document : null;
      if (headTwin) info.overwrite = summarizeChanges(headTwin, content);
      if (headTwin && baseRev) info.theirs = summarizeChanges(twinOf(baseRev, t.name).document, headTwin);
    });
  } catch {
    // Leave the summaries out.
  }
  return info;
}

function conflictError(info: PushConflictInfo, name: string): TwinError {
  return twinError('conflict', conflictMessage(info, name), { where: `${info.tenant}: ${info.twinId}`, details: { pushConflict: info } });
}

/** Push the project as a new revision of its twin on the tenant. Conflicts are TwinErrors of kind "conflict". */
export async function pushToTenant(mongo: MongoConnections, t: ResolvedTenant, doc: TwinDocument, o: PushOptions): Promise<PushOutcome> {
  requireSecrets(t, ['mongoPassword']);
  const content = twinContent(doc) as TwinDocument;
  const checked = checkDocument(content);
  if (hasErrors(checked.problems)) {
    const errors = checked.problems.filter((p) => p.severity === 'error');
    throw twinError(
      'file-invalid',
      `The project has ${errors.length} error${errors.length === 1 ? '' : 's'} (${errors[0]?.path}: ${errors[0]?.message}); fix them before pushing.`,
      {
        problems: checked.problems,
      },
    );
  }
  const json = canonicalJson(content);
  if (json.length > MAX_TWIN_JSON_BYTES) {
    throw twinError(
      'file-too-large',
      `The twin is ${(json.length / 1048576).toFixed(1)} MB; MongoDB stores at most 16 MB per revision. Move data out of the twin (e.g. long property texts).`,
    );
  }
  const target = tenantTarget(doc, t.key);
  let base: number | null = target.kind === 'same' ? target.base : null;
  if (target.kind === 'other' && !o.otherTenantConfirmed) {
    throw conflictError(
      { reason: 'other-tenant', twinId: content.id, tenant: t.name, base: null, head: null, theirs: null, overwrite: null, recorded: target.recorded },
      content.name,
    );
  }
  if (o.overwrite) base = o.overwrite.headRevision;
  try {
    const { result, deployment } = await mongo.push(t.mongo, {
      twinId: content.id,
      content,
      contentHash: contentHash(content),
      base,
      pushId: o.pushId,
      author: t.author,
      message: o.message,
      now: o.now ?? (() => new Date()),
    });
    const link: TenantLink = { key: t.key, name: t.name, revision: result.revision };
    const what =
      result.outcome === 'unchanged'
        ? `Tenant "${t.name}" already holds this twin as revision ${result.revision}: nothing new to push.`
        : result.outcome === 'already-pushed'
          ? `Revision ${result.revision} is on tenant "${t.name}" (an earlier attempt of this push had already written it).`
          : `Pushed “${content.name}” to tenant "${t.name}" as revision ${result.revision}.`;
    const note = deployment.kind === 'standalone' ? ` ${deploymentNote(deployment)}` : '';
    return { outcome: result.outcome, revision: result.revision, link, deployment: deployment.kind, message: `${what}${note}` };
  } catch (e) {
    if (e instanceof PushConflict) throw conflictError(await describeConflict(mongo, t, e, content), content.name);
    throw asTwinError(e);
  }
}

import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../../shared/tenant/canonical-json';
import { decodeTwin } from '../../../../shared/tenant/twin-documents';
import type { TwinDocument } from '../../../../shared/twin/schema';
import type { Doc } from '../driver-port';

/** The content hash the service computes (sha-256 of the canonical JSON). */
export function hashOf(content: TwinDocument): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/**
 * What "consistent" means for a tenant's twin, checked on the raw documents: the head points at a
 * complete revision (same push, same content hash) whose sensors are all written; the chain of base
 * revisions from the head reaches the first revision; revision numbers and push ids are unique.
 * Returns the problems found (empty when consistent).
 */
export function tenantProblems(data: { heads: Doc[]; revisions: Doc[]; sensors: Doc[] }, twinId: string): string[] {
  const problems: string[] = [];
  const revisions = data.revisions.filter((r) => r.twinId === twinId);
  const numbers = revisions.map((r) => r.revision);
  if (new Set(numbers).size !== numbers.length) problems.push(`duplicate revision numbers: ${numbers.join(',')}`);
  const pushIds = data.revisions.map((r) => r.pushId);
  if (new Set(pushIds).size !== pushIds.length) problems.push('a push id appears on two revisions');
  const heads = data.heads.filter((h) => h._id === twinId);
  if (heads.length > 1) problems.push('two heads');
  const head = heads[0];
  if (!head) return problems;
  const rev = revisions.find((r) => r.revision === head.revision);
  if (!rev) return [...problems, `the head points at revision ${String(head.revision)}, which does not exist`];
  if (rev.pushId !== head.pushId) problems.push(`the head's push id ${String(head.pushId)} is not its revision's ${String(rev.pushId)}`);
  if (rev.contentHash !== head.contentHash) problems.push('the head and its revision disagree on the content hash');
  const content = decodeTwin(rev as never) as TwinDocument;
  if (hashOf(content) !== rev.contentHash) problems.push('the head revision does not hold the content its hash says');
  const bound = content.sensors
    .filter((s) => s.assetId)
    .map((s) => s.id)
    .sort();
  const written = data.sensors
    .filter((s) => s.twinId === twinId && s.revision === head.revision)
    .map((s) => String(s.sensorId))
    .sort();
  if (bound.join() !== written.join()) problems.push(`sensors of the head revision: expected [${bound}], found [${written}]`);
  let r: Doc | undefined = rev;
  const seen = new Set<unknown>();
  while (r && r.baseRevision !== null) {
    if (seen.has(r.revision)) return [...problems, 'the chain of base revisions loops'];
    seen.add(r.revision);
    const base: unknown = r.baseRevision;
    if (typeof base !== 'number' || base >= (r.revision as number)) return [...problems, `revision ${String(r.revision)} has base ${String(base)}`];
    r = revisions.find((x) => x.revision === base);
    if (!r) problems.push(`the chain from the head reaches revision ${base}, which does not exist`);
  }
  return problems;
}

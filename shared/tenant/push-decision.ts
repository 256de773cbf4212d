/**
 * The decisions of a push, apart from the database calls that carry them out (electron/tenant/push-twin.ts).
 *
 * A push writes its revision first (immutable, unique on twin id + revision), then its sensors, then moves
 * the head with a compare-and-set from the base revision. Moving the head is the commit: a revision is
 * part of the twin only when the head's chain of base revisions reaches it. A push that dies before the
 * head moves leaves an orphan revision nobody sees; a later push takes the next free number. Every push
 * carries its own id, so a retry finds what its earlier attempt wrote and finishes or reports it.
 */

export interface HeadState {
  revision: number;
  contentHash: string;
  pushId: string;
}

export interface OwnRevision {
  revision: number;
  baseRevision: number | null;
  pushId: string;
  contentHash: string;
}

export type PushDecision =
  /** The head already holds this content: no new revision. */
  | { kind: 'unchanged'; revision: number }
  /** The head is not where the push expects it. */
  | { kind: 'conflict'; reason: 'head-moved' | 'twin-exists' | 'twin-gone' }
  /** Write revision `head + 1` (or 1) on top of `base`. */
  | { kind: 'write'; revision: number; base: number | null };

/** What a fresh push (no earlier attempt found) does, given the head and the revision it is based on. */
export function decidePush(head: HeadState | null, base: number | null, contentHash: string): PushDecision {
  if (head && head.contentHash === contentHash) return { kind: 'unchanged', revision: head.revision };
  if (head === null) return base === null ? { kind: 'write', revision: 1, base: null } : { kind: 'conflict', reason: 'twin-gone' };
  if (base === null) return { kind: 'conflict', reason: 'twin-exists' };
  if (head.revision !== base) return { kind: 'conflict', reason: 'head-moved' };
  return { kind: 'write', revision: base + 1, base };
}

/**
 * Whether a revision is part of the twin: the head is it, or the head's chain of base revisions passes
 * through it. `baseOf` gives the base of each revision between the two (from the revision documents).
 */
export function isCommitted(own: Pick<OwnRevision, 'revision' | 'pushId'>, head: HeadState | null, baseOf: ReadonlyMap<number, number | null>): boolean {
  if (!head || head.revision < own.revision) return false;
  if (head.revision === own.revision) return head.pushId === own.pushId;
  let r: number | null | undefined = head.revision;
  // Each step goes strictly down (a base is older than its revision), so this ends.
  while (r !== null && r !== undefined && r > own.revision) {
    const next: number | null | undefined = baseOf.get(r);
    if (next !== null && next !== undefined && next >= r) return false;
    r = next;
  }
  return r === own.revision;
}

export type ResumeDecision =
  /** The earlier attempt committed: report its revision, write nothing. */
  | { kind: 'done'; revision: number }
  /** The earlier attempt wrote its revision but the head has not moved: finish it (sensors, head). */
  | { kind: 'finish'; revision: number; base: number | null }
  /** The earlier attempt's revision never became the head and the head moved on: a conflict. */
  | { kind: 'lost' };

/** What a retry does when it finds the revision its earlier attempt (same push id) wrote. */
export function decideResume(own: OwnRevision, head: HeadState | null, baseOf: ReadonlyMap<number, number | null>): ResumeDecision {
  if (isCommitted(own, head, baseOf)) return { kind: 'done', revision: own.revision };
  if ((head?.revision ?? null) === own.baseRevision) return { kind: 'finish', revision: own.revision, base: own.baseRevision };
  return { kind: 'lost' };
}

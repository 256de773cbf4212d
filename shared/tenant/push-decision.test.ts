import { describe, expect, it } from 'vitest';
import { decidePush, decideResume, isCommitted } from './push-decision';

const head = (revision: number, pushId = `push-${revision}`, contentHash = `hash-${revision}`) => ({ revision, pushId, contentHash });

describe('what a push decides', () => {
  it('writes the first revision of a new twin, and the next one on top of its base', () => {
    expect(decidePush(null, null, 'h')).toEqual({ kind: 'write', revision: 1, base: null });
    expect(decidePush(head(4), 4, 'h')).toEqual({ kind: 'write', revision: 5, base: 4 });
  });

  it('writes nothing when the head already holds the content, wherever the head is', () => {
    expect(decidePush(head(4, 'p', 'same'), 4, 'same')).toEqual({ kind: 'unchanged', revision: 4 });
    expect(decidePush(head(6, 'p', 'same'), 4, 'same')).toEqual({ kind: 'unchanged', revision: 6 });
  });

  it('is a conflict when the head moved, when the twin exists but the project never saw it, or when it is gone', () => {
    expect(decidePush(head(5), 4, 'h')).toEqual({ kind: 'conflict', reason: 'head-moved' });
    expect(decidePush(head(1), null, 'h')).toEqual({ kind: 'conflict', reason: 'twin-exists' });
    expect(decidePush(null, 3, 'h')).toEqual({ kind: 'conflict', reason: 'twin-gone' });
  });
});

describe('whether a revision is part of the twin', () => {
  const chain = new Map<number, number | null>([
    [1, null],
    [2, 1],
    // 3 is an orphan: its push died before moving the head; 4 was pushed on top of 2.
    [3, 2],
    [4, 2],
    [5, 4],
  ]);
  it('follows the head through base revisions, skipping orphans', () => {
    expect(isCommitted({ revision: 5, pushId: 'push-5' }, head(5), chain)).toBe(true);
    expect(isCommitted({ revision: 5, pushId: 'other' }, head(5), chain)).toBe(false);
    expect(isCommitted({ revision: 4, pushId: 'x' }, head(5), chain)).toBe(true);
    expect(isCommitted({ revision: 2, pushId: 'x' }, head(5), chain)).toBe(true);
    expect(isCommitted({ revision: 3, pushId: 'x' }, head(5), chain)).toBe(false);
    expect(isCommitted({ revision: 6, pushId: 'x' }, head(5), chain)).toBe(false);
    expect(isCommitted({ revision: 1, pushId: 'x' }, null, chain)).toBe(false);
  });

  it('stops on a broken chain instead of looping', () => {
    expect(isCommitted({ revision: 1, pushId: 'x' }, head(3), new Map([[3, 3]]))).toBe(false);
    expect(isCommitted({ revision: 1, pushId: 'x' }, head(3), new Map())).toBe(false);
  });
});

describe('what a retry does with its earlier attempt', () => {
  const own = { revision: 5, baseRevision: 4, pushId: 'mine', contentHash: 'h' };
  it('reports a committed attempt as done', () => {
    expect(decideResume(own, head(5, 'mine'), new Map())).toEqual({ kind: 'done', revision: 5 });
    expect(decideResume(own, head(6, 'theirs'), new Map([[6, 5]]))).toEqual({ kind: 'done', revision: 5 });
  });
  it('finishes an attempt whose head has not moved', () => {
    expect(decideResume(own, head(4), new Map())).toEqual({ kind: 'finish', revision: 5, base: 4 });
    expect(decideResume({ ...own, revision: 1, baseRevision: null }, null, new Map())).toEqual({ kind: 'finish', revision: 1, base: null });
  });
  it('gives up on an attempt someone else overtook', () => {
    expect(decideResume(own, head(5, 'theirs'), new Map())).toEqual({ kind: 'lost' });
    expect(decideResume(own, head(6, 'theirs'), new Map([[6, 4]]))).toEqual({ kind: 'lost' });
  });
});

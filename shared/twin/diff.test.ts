import { describe, expect, it } from 'vitest';
import { applyDiff, DiffBuilder, isEmptyDiff, reverseDiff, squashDiffs } from './diff';
import { documentFromState } from './state';
import { makeState } from './test-state';

const base = makeState([
  { id: 'a', kind: 'centrifugal-pump', tag: 'P-101' },
  { id: 'b', kind: 'chiller', tag: 'CH-1' },
]);

describe('state diffs', () => {
  it('applies and reverses to the same document', () => {
    const a = base.assets.a!;
    const d = new DiffBuilder(base)
      .put('assets', { ...a, tag: 'P-201' })
      .remove('assets', 'b')
      .add('assets', { ...a, id: 'c', tag: 'P-102' })
      .build();
    const next = applyDiff(base, d);
    expect(Object.keys(next.assets).sort()).toEqual(['a', 'c']);
    expect(next.assets.a!.tag).toBe('P-201');
    const back = applyDiff(next, reverseDiff(d));
    expect(
      documentFromState(back)
        .assets.map((x) => [x.id, x.tag])
        .sort(),
    ).toEqual([
      ['a', 'P-101'],
      ['b', 'CH-1'],
    ]);
  });

  it('keeps untouched collections identical so selectors do not re-run', () => {
    const next = applyDiff(base, new DiffBuilder(base).put('assets', { ...base.assets.a!, tag: 'X' }).build());
    expect(next.connections).toBe(base.connections);
    expect(next.assets).not.toBe(base.assets);
  });

  it('squashes add+update into add, add+remove into nothing, update+update into one update', () => {
    const a = base.assets.a!;
    const add = new DiffBuilder(base).add('assets', { ...a, id: 'n', tag: 'N' }).build();
    const s1 = applyDiff(base, add);
    const upd = new DiffBuilder(s1).put('assets', { ...s1.assets.n!, tag: 'N2' }).build();
    expect(squashDiffs(add, upd).assets!.added.n!.tag).toBe('N2');
    const rm = new DiffBuilder(s1).remove('assets', 'n').build();
    expect(isEmptyDiff(squashDiffs(add, rm))).toBe(true);

    const u1 = new DiffBuilder(base).put('assets', { ...a, tag: 'T1' }).build();
    const s2 = applyDiff(base, u1);
    const u2 = new DiffBuilder(s2).put('assets', { ...s2.assets.a!, tag: 'T2' }).build();
    const both = squashDiffs(u1, u2).assets!.updated.a!;
    expect(both[0].tag).toBe('P-101');
    expect(both[1].tag).toBe('T2');
  });

  it('squashes remove+add into an update and update+remove into a remove of the original', () => {
    const a = base.assets.a!;
    const rm = new DiffBuilder(base).remove('assets', 'a').build();
    const s1 = applyDiff(base, rm);
    const re = new DiffBuilder(s1).add('assets', { ...a, tag: 'again' }).build();
    const sq = squashDiffs(rm, re);
    expect(sq.assets!.updated.a![0].tag).toBe('P-101');
    expect(sq.assets!.updated.a![1].tag).toBe('again');

    const u = new DiffBuilder(base).put('assets', { ...a, tag: 'T' }).build();
    const s2 = applyDiff(base, u);
    const r2 = new DiffBuilder(s2).remove('assets', 'a').build();
    expect(squashDiffs(u, r2).assets!.removed.a!.tag).toBe('P-101');
  });
});

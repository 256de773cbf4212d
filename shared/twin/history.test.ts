import { describe, expect, it } from 'vitest';
import { applyDiff } from './diff';
import { FORMAT_VERSION } from './format-version';
import { History } from './history';
import { moveAssets, updateAsset } from './edits/asset-edits';
import type { TwinState } from './state';
import { makeState } from './test-state';

function harness() {
  let state: TwinState = makeState([
    { id: 'a', kind: 'centrifugal-pump', tag: 'P-101', position: { x: 0, y: 0 } },
    { id: 'b', kind: 'chiller', tag: 'CH-1', position: { x: 200, y: 0 } },
  ]);
  const history = new History();
  return {
    history,
    get state() {
      return state;
    },
    apply(diff: Parameters<typeof applyDiff>[1], capture: Parameters<History['record']>[1]) {
      state = applyDiff(state, diff);
      history.record(diff, capture);
    },
    undo() {
      const d = history.undo();
      if (d) state = applyDiff(state, d);
    },
    redo() {
      const d = history.redo();
      if (d) state = applyDiff(state, d);
    },
  };
}

describe('History', () => {
  it('records a whole drag as one undo step', () => {
    const h = harness();
    for (let i = 1; i <= 60; i++) h.apply(moveAssets(h.state, { a: { x: i * 5, y: i }, b: { x: 200 + i * 5, y: i } }), { kind: 'squash', key: 'drag' });
    h.history.seal();
    expect(h.history.undoDepth).toBe(1);
    expect(h.state.assets.a!.position).toEqual({ x: 300, y: 60 });
    h.undo();
    expect(h.state.assets.a!.position).toEqual({ x: 0, y: 0 });
    expect(h.state.assets.b!.position).toEqual({ x: 200, y: 0 });
    h.redo();
    expect(h.state.assets.b!.position).toEqual({ x: 500, y: 60 });
  });

  it('bails a drag in progress: the document as before it, no undo step, redo as before', () => {
    const h = harness();
    h.apply(updateAsset(h.state, 'b', { name: 'Chiller 1' }), { kind: 'record' });
    h.undo();
    expect(h.history.canRedo).toBe(true);
    const before = h.state;
    for (let i = 1; i <= 20; i++) h.apply(moveAssets(h.state, { a: { x: i * 10, y: 0 } }), { kind: 'squash', key: 'drag' });
    expect(h.history.openKey).toBe('drag');
    // Escape: another gesture's key does not cancel this one.
    expect(h.history.bail('nudge')).toBeNull();
    const revert = h.history.bail('drag');
    expect(revert).not.toBeNull();
    h.apply(revert as NonNullable<typeof revert>, { kind: 'never' });
    expect(h.state.assets).toEqual(before.assets);
    expect(h.history.undoDepth).toBe(0);
    expect(h.history.openKey).toBeNull();
    // What could be redone before the drag still can.
    h.redo();
    expect(h.state.assets.b!.name).toBe('Chiller 1');
    // Nothing open: nothing to bail, and a sealed step is never bailed.
    expect(h.history.bail()).toBeNull();
    h.apply(moveAssets(h.state, { a: { x: 5, y: 5 } }), { kind: 'squash', key: 'drag' });
    h.history.seal();
    expect(h.history.bail()).toBeNull();
    expect(h.history.undoDepth).toBe(2);
  });

  it('starts a new step after seal even with the same key', () => {
    const h = harness();
    h.apply(moveAssets(h.state, { a: { x: 10, y: 0 } }), { kind: 'squash', key: 'drag' });
    h.history.seal();
    h.apply(moveAssets(h.state, { a: { x: 20, y: 0 } }), { kind: 'squash', key: 'drag' });
    h.history.seal();
    expect(h.history.undoDepth).toBe(2);
  });

  it('does not record selection-like updates or empty diffs', () => {
    const h = harness();
    h.apply(updateAsset(h.state, 'a', { name: 'Primary pump 1' }), { kind: 'never' });
    h.apply(moveAssets(h.state, { a: { x: 0, y: 0 } }), { kind: 'record' });
    expect(h.history.canUndo).toBe(false);
  });

  it('undoes and redoes at least 100 steps in order', () => {
    const h = harness();
    for (let i = 1; i <= 150; i++) h.apply(updateAsset(h.state, 'a', { name: `name ${i}` }), { kind: 'record' });
    for (let i = 0; i < 150; i++) h.undo();
    expect(h.state.assets.a!.name).toBe('');
    expect(h.history.canUndo).toBe(false);
    for (let i = 0; i < 150; i++) h.redo();
    expect(h.state.assets.a!.name).toBe('name 150');
  });

  it('drops the redo stack when a new step is recorded', () => {
    const h = harness();
    h.apply(updateAsset(h.state, 'a', { tag: 'P-1' }), { kind: 'record' });
    h.undo();
    expect(h.history.canRedo).toBe(true);
    h.apply(updateAsset(h.state, 'a', { tag: 'P-2' }), { kind: 'record' });
    expect(h.history.canRedo).toBe(false);
  });

  it('gives back the same position after undo/redo, for the dirty mark', () => {
    const h = harness();
    h.apply(updateAsset(h.state, 'a', { tag: 'P-1' }), { kind: 'record' });
    const saved = h.history.position;
    h.apply(updateAsset(h.state, 'a', { tag: 'P-2' }), { kind: 'record' });
    expect(h.history.position).not.toBe(saved);
    h.undo();
    expect(h.history.position).toBe(saved);
  });

  it('caps its depth at the capacity, forgetting the oldest step', () => {
    const h = new History(3);
    for (let i = 0; i < 5; i++)
      h.record(
        {
          meta: [
            { formatVersion: FORMAT_VERSION, id: 'x', name: `${i}`, timeZone: 'UTC', rejectedSuggestions: [] },
            { formatVersion: FORMAT_VERSION, id: 'x', name: `${i + 1}`, timeZone: 'UTC', rejectedSuggestions: [] },
          ],
        },
        { kind: 'record' },
      );
    expect(h.undoDepth).toBe(3);
  });
});

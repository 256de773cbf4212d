import { describe, expect, it } from 'vitest';
import { declutter } from '../../../shared/geometry/declutter';
import { assetBox } from '../../../shared/twin/edits/placement';
import { makeState } from '../../../shared/twin/test-state';
import { TagLabelCache, tagLabels } from './tag-labels';
import { moveAssets } from '../../../shared/twin/edits/asset-edits';
import { applyDiff } from '../../../shared/twin/diff';

const state = makeState([
  { id: 'ch', kind: 'chiller', tag: 'CH-1', position: { x: 0, y: 0 } },
  { id: 'tt', kind: 'temperature-transmitter', tag: 'TT-101', position: { x: 10, y: 30 } },
  { id: 'j', kind: 'pipe-junction', tag: 'J-1', position: { x: 300, y: 0 } },
  { id: 'v', kind: 'gate-valve', tag: 'HV-1', position: { x: 600, y: 0 } },
]);

describe('tag labels', () => {
  it('centres each tag under its symbol, in screen pixels at the zoom', () => {
    const [ch] = tagLabels(state.assets, 0.5, new Set());
    const box = assetBox(state.assets.ch!);
    expect(ch!.text).toBe('CH-1');
    expect(ch!.box.x + ch!.box.width / 2).toBeCloseTo((box.x + box.width / 2) * 0.5);
    expect(ch!.box.y).toBeGreaterThan((box.y + box.height) * 0.5);
    expect(ch!.box.height).toBe(14);
  });

  it('ranks equipment before valves before instruments, and a selected tag before all', () => {
    const rank = (selected: string[]) =>
      tagLabels(state.assets, 1, new Set(selected))
        .sort((a, b) => b.priority - a.priority)
        .map((l) => l.text);
    expect(rank([])).toEqual(['CH-1', 'HV-1', 'TT-101', 'J-1']);
    expect(rank(['tt'])[0]).toBe('TT-101');
  });

  it('keeps the chiller’s tag where it and the instrument’s collide when zoomed out', () => {
    const kept = declutter(tagLabels(state.assets, 0.2, new Set())).map((l) => l.text);
    expect(kept).toContain('CH-1');
    expect(kept).not.toContain('TT-101');
  });

  it('leaves pipe fittings’ tags out when zoomed out, unless selected', () => {
    expect(tagLabels(state.assets, 0.3, new Set()).map((l) => l.text)).not.toContain('J-1');
    expect(tagLabels(state.assets, 0.3, new Set(['j'])).map((l) => l.text)).toContain('J-1');
    expect(tagLabels(state.assets, 1, new Set()).map((l) => l.text)).toContain('J-1');
  });
});

describe('TagLabelCache', () => {
  it('hands back the same label for an asset that did not change, a new one for one that moved', () => {
    const cache = new TagLabelCache();
    const before = cache.labels(state.assets, 1, new Set());
    const moved = applyDiff(state, moveAssets(state, { ch: { x: 50, y: 50 } }));
    const after = cache.labels(moved.assets, 1, new Set());
    const byId = (list: typeof before) => new Map(list.map((l) => [l.id, l]));
    expect(byId(after).get('tt')).toBe(byId(before).get('tt'));
    expect(byId(after).get('ch')).not.toBe(byId(before).get('ch'));
    expect(after).toEqual(tagLabels(moved.assets, 1, new Set()));
    // A zoom change lays every label out again.
    expect(byId(cache.labels(moved.assets, 0.5, new Set())).get('tt')).not.toBe(byId(after).get('tt'));
  });
});

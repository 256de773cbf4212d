import { describe, expect, it } from 'vitest';
import demo from '../../../assets/demo/b7-chilled-water.twin.json?raw';
import { overlaps } from '../../geometry/box';
import { applyDiff } from '../diff';
import { stateFromDocument, type TwinState } from '../state';
import { parseProjectText } from '../validate';
import { idSequence, makeState } from '../test-state';
import { addAsset } from './asset-edits';
import { copyAssets, pasteAssets } from './clipboard';
import { assetBox, freeOffset, PLACEMENT_GAP } from './placement';

/** Issue 7, finding 7: pasted and keyboard-placed assets landed 20–40 px from the last one, on top of it. */

function noOverlaps(s: TwinState): void {
  const boxes = Object.values(s.assets).map((a) => ({ tag: a.tag, box: assetBox(a) }));
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!.box, boxes[j]!.box), `${boxes[i]!.tag} and ${boxes[j]!.tag}`).toBe(false);
}

describe('placing into free space', () => {
  it('pasting the same assets five times puts every copy clear of everything else', () => {
    let s = makeState([
      { id: 'p1', kind: 'centrifugal-pump', tag: 'P-101', position: { x: 0, y: 0 } },
      { id: 'v1', kind: 'gate-valve', tag: 'HV-101', position: { x: 120, y: 10 } },
    ]);
    const ids = idSequence('n');
    const payload = copyAssets(s, ['p1', 'v1']);
    for (let k = 1; k <= 5; k++) {
      const offset = freeOffset(s, payload.assets, { x: 40, y: 40 });
      s = applyDiff(s, pasteAssets(s, payload, offset, ids).diff);
      noOverlaps(s);
    }
    expect(Object.keys(s.assets)).toHaveLength(12);
  });

  it('keeps the gap around existing assets, and does not move what is already free', () => {
    const s = makeState([{ id: 'p1', kind: 'centrifugal-pump', tag: 'P-101', position: { x: 0, y: 0 } }]);
    const payload = copyAssets(s, ['p1']);
    expect(freeOffset(s, payload.assets, { x: 1_000, y: 0 })).toEqual({ x: 1_000, y: 0 });
    const offset = freeOffset(s, payload.assets, { x: 20, y: 20 });
    const moved = { ...assetBox(payload.assets[0]!), x: offset.x, y: offset.y };
    expect(overlaps(moved, assetBox(s.assets.p1!), PLACEMENT_GAP)).toBe(false);
  });

  it('places new components from the keyboard into free space on the demo plant', () => {
    let s = stateFromDocument(parseProjectText(demo, 'demo').document);
    const centre = { x: 600, y: 400 };
    for (const kind of ['centrifugal-pump', 'chiller', 'temperature-transmitter', 'gate-valve']) {
      const probe = { kind, position: centre, rotation: 0 as const };
      const offset = freeOffset(s, [probe], { x: 0, y: 0 });
      const { diff } = addAsset(s, kind, { x: centre.x + offset.x, y: centre.y + offset.y }, idSequence(kind));
      s = applyDiff(s, diff);
    }
    noOverlaps(s);
  });
});

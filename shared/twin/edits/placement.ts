import { componentByKind } from '../../catalog/catalog';
import { placedSize } from '../../catalog/port-geometry';
import { boundsOf, type Box } from '../../geometry/box';
import { findFreeSpot } from '../../geometry/free-spot';
import type { Asset } from '../schema';
import type { TwinState } from '../state';

/** Room kept around a placed asset: its tag is drawn under it, and lines need a way past. */
export const PLACEMENT_GAP = 20;
/** Placement steps; a multiple of the canvas grid, so a placed asset stays on it. */
export const PLACEMENT_STEP = 20;

const UNKNOWN_SIZE = { width: 60, height: 60 };

/** An asset's box on the canvas: its position and its catalog symbol's size, as rotated. */
export function assetBox(asset: Pick<Asset, 'kind' | 'position' | 'rotation'>): Box {
  const def = componentByKind(asset.kind);
  const size = def ? placedSize(def, asset.rotation) : UNKNOWN_SIZE;
  return { x: asset.position.x, y: asset.position.y, ...size };
}

/**
 * The offset that puts a group of new assets into free space: the group (its boxes moved by `wanted`) is
 * moved, as one, to the nearest spot where it overlaps none of the twin's assets, keeping PLACEMENT_GAP
 * clear. Pasting, duplicating and placing from the keyboard all land through here.
 */
export function freeOffset(
  state: TwinState,
  group: readonly Pick<Asset, 'kind' | 'position' | 'rotation'>[],
  wanted: { x: number; y: number },
): { x: number; y: number } {
  const bounds = boundsOf(group.map(assetBox));
  if (!bounds) return wanted;
  const occupied = Object.values(state.assets).map(assetBox);
  const spot = findFreeSpot(bounds, { x: bounds.x + wanted.x, y: bounds.y + wanted.y }, occupied, { step: PLACEMENT_STEP, gap: PLACEMENT_GAP });
  return { x: spot.x - bounds.x, y: spot.y - bounds.y };
}

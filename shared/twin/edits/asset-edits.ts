import { componentByKind } from '../../catalog/catalog';
import type { PropertyValue } from '../schema';
import type { Asset } from '../schema';
import { DiffBuilder, type StateDiff } from '../diff';
import { nextTag } from '../auto-tag';
import type { TwinState } from '../state';

export type Rotation = Asset['rotation'];
export type NewId = () => string;

/** Place a new asset of a catalog kind with its default properties and the next free tag. */
export function addAsset(state: TwinState, kind: string, position: { x: number; y: number }, newId: NewId): { diff: StateDiff; id: string } {
  const def = componentByKind(kind);
  if (!def) throw new Error(`Unknown component kind "${kind}".`);
  const properties: Record<string, PropertyValue> = {};
  for (const p of def.properties) properties[p.key] = p.default;
  const id = newId();
  const asset: Asset = {
    id,
    kind,
    tag: nextTag(
      def.tagPrefix,
      def.tagNumbering,
      Object.values(state.assets).map((a) => a.tag),
    ),
    name: '',
    properties,
    position: { x: position.x, y: position.y },
    rotation: 0,
    flip: false,
  };
  return { diff: new DiffBuilder(state).add('assets', asset).build(), id };
}

/** Move assets to new positions (a drag frame; the caller squashes frames into one step). */
export function moveAssets(state: TwinState, positions: Readonly<Record<string, { x: number; y: number }>>): StateDiff {
  const b = new DiffBuilder(state);
  for (const [id, pos] of Object.entries(positions)) {
    const a = state.assets[id];
    if (!a || (a.position.x === pos.x && a.position.y === pos.y)) continue;
    b.put('assets', { ...a, position: { x: pos.x, y: pos.y } });
  }
  return b.build();
}

/** Change an asset's tag, name, properties, rotation or flip. */
export function updateAsset(
  state: TwinState,
  id: string,
  patch: Partial<Pick<Asset, 'tag' | 'name' | 'rotation' | 'flip'>> & { properties?: Readonly<Record<string, PropertyValue>> },
): StateDiff {
  const a = state.assets[id];
  if (!a) return {};
  const next: Asset = { ...a, ...patch, properties: patch.properties ? { ...a.properties, ...patch.properties } : a.properties };
  return new DiffBuilder(state).put('assets', next).build();
}

/** Rotate assets a quarter turn. */
export function rotateAssets(state: TwinState, ids: readonly string[], direction: 'cw' | 'ccw'): StateDiff {
  const b = new DiffBuilder(state);
  for (const id of ids) {
    const a = state.assets[id];
    if (!a) continue;
    const rotation = ((a.rotation + (direction === 'cw' ? 90 : 270)) % 360) as Rotation;
    b.put('assets', { ...a, rotation });
  }
  return b.build();
}

/** Mirror assets left-right. */
export function flipAssets(state: TwinState, ids: readonly string[]): StateDiff {
  const b = new DiffBuilder(state);
  for (const id of ids) {
    const a = state.assets[id];
    if (a) b.put('assets', { ...a, flip: !a.flip });
  }
  return b.build();
}

/**
 * Delete assets and connections. Connections touching a deleted asset go with it; sensors bound to it
 * stay in the project unbound (their history is still worth having); systems forget it.
 */
export function deleteItems(state: TwinState, assetIds: readonly string[], connectionIds: readonly string[] = []): StateDiff {
  const gone = new Set(assetIds.filter((id) => state.assets[id]));
  const b = new DiffBuilder(state);
  for (const id of gone) b.remove('assets', id);
  for (const c of Object.values(state.connections)) {
    if (gone.has(c.from.asset) || gone.has(c.to.asset) || connectionIds.includes(c.id)) b.remove('connections', c.id);
  }
  if (gone.size) {
    for (const s of Object.values(state.sensors)) if (s.assetId && gone.has(s.assetId)) b.put('sensors', { ...s, assetId: null });
    for (const sys of Object.values(state.systems)) {
      if (sys.assetIds.some((id) => gone.has(id))) b.put('systems', { ...sys, assetIds: sys.assetIds.filter((id) => !gone.has(id)) });
    }
  }
  return b.build();
}

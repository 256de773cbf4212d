import type { Asset, Connection, Sensor } from '../schema';
import { DiffBuilder, type StateDiff } from '../diff';
import { copyTag } from '../auto-tag';
import type { TwinState } from '../state';
import type { NewId } from './asset-edits';

import type { ClipboardPayload } from './clipboard-schema';

export type { ClipboardPayload } from './clipboard-schema';

/** Copy assets with the connections that run between them and the sensors bound to them. */
export function copyAssets(state: TwinState, assetIds: readonly string[]): ClipboardPayload {
  const ids = new Set(assetIds.filter((id) => state.assets[id]));
  return {
    twinClipboard: 1,
    assets: [...ids].map((id) => state.assets[id] as Asset),
    connections: Object.values(state.connections).filter((c) => ids.has(c.from.asset) && ids.has(c.to.asset)),
    sensors: Object.values(state.sensors).filter((s) => s.assetId !== null && ids.has(s.assetId)),
  };
}

/**
 * Paste a clipboard: new ids, new unique tags (P-101 → next free P-1xx), positions offset,
 * connections re-pointed at the copies, bindings and properties kept.
 */
export function pasteAssets(
  state: TwinState,
  payload: ClipboardPayload,
  offset: { x: number; y: number },
  newId: NewId,
): { diff: StateDiff; assetIds: string[] } {
  const b = new DiffBuilder(state);
  const taken = Object.values(state.assets).map((a) => a.tag);
  const idMap = new Map<string, string>();
  const assetIds: string[] = [];
  for (const a of payload.assets) {
    const id = newId();
    idMap.set(a.id, id);
    const tag = copyTag(a.tag, taken);
    taken.push(tag);
    const copy: Asset = { ...a, id, tag, position: { x: a.position.x + offset.x, y: a.position.y + offset.y }, properties: { ...a.properties } };
    b.add('assets', copy);
    assetIds.push(id);
  }
  for (const c of payload.connections) {
    const from = idMap.get(c.from.asset);
    const to = idMap.get(c.to.asset);
    if (!from || !to) continue;
    const copy: Connection = { ...c, id: newId(), from: { ...c.from, asset: from }, to: { ...c.to, asset: to } };
    b.add('connections', copy);
  }
  for (const s of payload.sensors) {
    const assetId = s.assetId ? idMap.get(s.assetId) : undefined;
    if (!assetId) continue;
    const copy: Sensor = { ...s, id: newId(), assetId };
    b.add('sensors', copy);
  }
  return { diff: b.build(), assetIds };
}

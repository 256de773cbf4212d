import { DiffBuilder, type StateDiff } from '../diff';
import type { TwinState } from '../state';
import type { NewId } from './asset-edits';

/** Group assets into a named system ("Chilled water loop"). */
export function createSystem(state: TwinState, name: string, assetIds: readonly string[], newId: NewId): { diff: StateDiff; id: string } {
  const id = newId();
  const members = assetIds.filter((a) => state.assets[a]);
  return { diff: new DiffBuilder(state).add('systems', { id, name: name.trim() || 'New system', assetIds: members }).build(), id };
}

/** Rename a system. */
export function renameSystem(state: TwinState, id: string, name: string): StateDiff {
  const s = state.systems[id];
  if (!s || !name.trim()) return {};
  return new DiffBuilder(state).put('systems', { ...s, name: name.trim() }).build();
}

/** Remove a system (its assets stay). */
export function deleteSystem(state: TwinState, id: string): StateDiff {
  return new DiffBuilder(state).remove('systems', id).build();
}

/** Add assets to a system or take them out. */
export function setSystemMembers(state: TwinState, id: string, assetIds: readonly string[], member: boolean): StateDiff {
  const s = state.systems[id];
  if (!s) return {};
  const set = new Set(s.assetIds);
  for (const a of assetIds) {
    if (member && state.assets[a]) set.add(a);
    else set.delete(a);
  }
  return new DiffBuilder(state).put('systems', { ...s, assetIds: [...set] }).build();
}

import { canConnect, orient } from '../connection-rules';
import { DiffBuilder, type StateDiff } from '../diff';
import type { PortRef } from '../schema';
import type { TwinState } from '../state';
import type { NewId } from './asset-edits';

/** Join two ports, or say why not. Process lines are oriented outlet → inlet. */
export function connectPorts(state: TwinState, from: PortRef, to: PortRef, newId: NewId): { diff: StateDiff; id: string } | { reason: string } {
  const check = canConnect(state, from, to);
  if (!check.ok) return { reason: check.reason };
  const [a, b] = check.kind === 'process' ? orient(state, from, to) : [from, to];
  const id = newId();
  return { diff: new DiffBuilder(state).add('connections', { id, kind: check.kind, from: { ...a }, to: { ...b } }).build(), id };
}

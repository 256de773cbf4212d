import { componentByKind } from '../../catalog/catalog';
import { placedSize } from '../../catalog/port-geometry';
import { roleById } from '../../catalog/roles';
import { splitTag } from '../auto-tag';
import { applyDiff, squashDiffs, type StateDiff } from '../diff';
import type { Asset } from '../schema';
import type { TwinState } from '../state';
import { addAsset, updateAsset, type NewId } from './asset-edits';
import { connectPorts } from './connection-edits';

const isInstrument = (a: Asset) => ['Instruments', 'Control'].includes(componentByKind(a.kind)?.category ?? '');

/** The bubble that measures a role and its ISA letters: TT for a temperature, JT for power, PDIC for a ΔP setpoint. */
export function instrumentForRole(roleId: string): { kind: string; letters: string } {
  const role = roleById(roleId);
  if (!role) return { kind: 'temperature-transmitter', letters: 'TT' };
  const kind = role.instrumentKind;
  const suffix = kind === 'controller' ? 'IC' : kind === 'status-indicator' ? 'I' : 'T';
  return { kind, letters: `${role.isa}${suffix}` };
}

/** The centre of an asset on the canvas. */
export function centreOf(a: Asset): { x: number; y: number } {
  const def = componentByKind(a.kind);
  const size = def ? placedSize(def, a.rotation) : { width: 0, height: 0 };
  return { x: a.position.x + size.width / 2, y: a.position.y + size.height / 2 };
}

/** The piece of equipment (not a bubble or a pipe junction) nearest a point, with a signal port to wire to. */
export function nearestEquipment(state: TwinState, at: { x: number; y: number }, except?: string): Asset | undefined {
  let best: Asset | undefined;
  let dist = Infinity;
  for (const a of Object.values(state.assets)) {
    if (a.id === except || isInstrument(a) || !componentByKind(a.kind)?.ports.some((p) => p.id === 'sig')) continue;
    const c = centreOf(a);
    const d = Math.hypot(c.x - at.x, c.y - at.y);
    if (d < dist) {
      dist = d;
      best = a;
    }
  }
  return best;
}

/**
 * The next free loop number for a new bubble: after the bubbles already on the equipment it goes
 * beside (TT-111…JT-115 on CH-1 give 116), else after the highest loop in use.
 */
export function nextLoopNumber(state: TwinState, near?: string): number {
  const loops = new Set<number>();
  for (const a of Object.values(state.assets)) {
    const n = splitTag(a.tag).number;
    if (n !== null && isInstrument(a)) loops.add(n);
  }
  let start = 101;
  if (near !== undefined) {
    const wired = Object.values(state.connections)
      .filter((c) => c.kind === 'signal' && (c.from.asset === near || c.to.asset === near))
      .map((c) => state.assets[c.from.asset === near ? c.to.asset : c.from.asset])
      .filter((a): a is Asset => !!a && isInstrument(a))
      .map((a) => splitTag(a.tag).number)
      .filter((n): n is number => n !== null && n >= 100);
    if (wired.length) start = Math.max(...wired) + 1;
    else if (loops.size) start = Math.max(...loops) + 1;
  } else if (loops.size) start = Math.max(...loops) + 1;
  let n = start;
  while (loops.has(n)) n++;
  return n;
}

/** Wire a bubble's process connection to a piece of equipment's signal port, or say why not. */
export function linkBubble(state: TwinState, bubbleId: string, equipmentId: string, newId: NewId): { diff: StateDiff } | { reason: string } {
  const r = connectPorts(state, { asset: equipmentId, port: 'sig' }, { asset: bubbleId, port: 'pv' }, newId);
  return 'reason' in r ? r : { diff: r.diff };
}

/**
 * Place the bubble that measures a role at a point, tagged with its ISA letters and the next free loop
 * number, and, when asked, wired by a signal line to the nearest equipment. One diff.
 */
export function placeInstrument(
  state: TwinState,
  req: { role: string; at: { x: number; y: number }; link: boolean },
  newId: NewId,
): { diff: StateDiff; assetId: string; linkedTo: string | null } {
  const { kind, letters } = instrumentForRole(req.role);
  const near = nearestEquipment(state, req.at);
  const loop = nextLoopNumber(state, req.link ? near?.id : undefined);
  const def = componentByKind(kind);
  const size = def ? placedSize(def, 0) : { width: 0, height: 0 };
  const placed = addAsset(state, kind, { x: Math.round((req.at.x - size.width / 2) / 10) * 10, y: Math.round((req.at.y - size.height / 2) / 10) * 10 }, newId);
  let diff = placed.diff;
  let s = applyDiff(state, diff);
  const retag = updateAsset(s, placed.id, { tag: `${letters}-${loop}` });
  diff = squashDiffs(diff, retag);
  s = applyDiff(s, retag);
  let linkedTo: string | null = null;
  if (req.link && near) {
    const link = linkBubble(s, placed.id, near.id, newId);
    if ('diff' in link) {
      diff = squashDiffs(diff, link.diff);
      linkedTo = near.id;
    }
  }
  return { diff, assetId: placed.id, linkedTo };
}

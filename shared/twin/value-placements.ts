/**
 * Which bound sensors the schematic draws a value for, and beside which asset. Each is drawn beside the asset
 * it is bound to (its instrument bubble, or the equipment itself). Redundant sensors (same role, telling about
 * the same asset) are drawn once: the trusted one; the others are listed with it for the inspector.
 */
import { measuredAssetOf } from './asset-sensors';
import type { Sensor } from './schema';
import type { TwinState } from './state';

export interface ValuePlacement {
  sensorId: string;
  /** The asset the value is drawn beside. */
  anchorId: string;
  /** Sensors of the same role on the same measured asset that are not drawn, because this one is trusted. */
  redundant: readonly string[];
}

/** The redundancy group of a sensor: same measured asset and same (non-empty) role. */
function groupKey(twin: TwinState, s: Sensor): string | null {
  if (!s.role) return null;
  const measured = measuredAssetOf(twin, s);
  return measured === null ? null : `${measured}\u0000${s.role}`;
}

/** Sensors that tell about the same thing as `sensor`, itself included, trusted first; file order otherwise. */
export function redundancyGroup(twin: TwinState, sensor: Sensor): Sensor[] {
  const key = groupKey(twin, sensor);
  if (key === null) return [sensor];
  const group = Object.values(twin.sensors).filter((s) => s.assetId !== null && twin.assets[s.assetId] && groupKey(twin, s) === key);
  return group.sort((a, b) => Number(b.trusted) - Number(a.trusted));
}

/** The values the schematic draws: one per bound sensor, except redundant sensors that defer to a trusted one. */
export function valuePlacements(twin: TwinState): ValuePlacement[] {
  const groups = new Map<string, Sensor[]>();
  const out: ValuePlacement[] = [];
  const bound = Object.values(twin.sensors).filter((s) => s.assetId !== null && twin.assets[s.assetId]);
  for (const s of bound) {
    const key = groupKey(twin, s);
    if (key === null) out.push({ sensorId: s.id, anchorId: s.assetId as string, redundant: [] });
    else groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  for (const members of groups.values()) {
    const trusted = members.filter((s) => s.trusted);
    const drawn = trusted.length > 0 ? trusted : members.slice(0, 1);
    const hidden = members.filter((s) => !drawn.includes(s)).map((s) => s.id);
    for (const s of drawn) out.push({ sensorId: s.id, anchorId: s.assetId as string, redundant: hidden });
  }
  // File order, so labels stack the same way every time.
  const order = new Map(bound.map((s, i) => [s.id, i]));
  return out.sort((a, b) => (order.get(a.sensorId) ?? 0) - (order.get(b.sensorId) ?? 0));
}

import type { Sensor } from './schema';
import type { TwinState } from './state';

/**
 * Which asset each instrument measures: a transmitter's process connection (`pv`) wired by a signal line
 * to a piece of equipment (the demo's JT-115 on CH-1). Built once per connections object.
 */
const measuredCache = new WeakMap<TwinState['connections'], ReadonlyMap<string, string>>();

function measuredBy(twin: Pick<TwinState, 'connections'>): ReadonlyMap<string, string> {
  let map = measuredCache.get(twin.connections);
  if (map) return map;
  const built = new Map<string, string>();
  for (const c of Object.values(twin.connections)) {
    if (c.kind !== 'signal') continue;
    // Either direction: people draw the line from the bubble or from the equipment.
    if (c.to.port === 'pv' && c.from.port !== 'pv' && !built.has(c.to.asset)) built.set(c.to.asset, c.from.asset);
    else if (c.from.port === 'pv' && c.to.port !== 'pv' && !built.has(c.from.asset)) built.set(c.from.asset, c.to.asset);
  }
  map = built;
  measuredCache.set(twin.connections, map);
  return map;
}

/** The asset a sensor tells about: the equipment its instrument is wired to, else the asset it is bound to. */
export function measuredAssetOf(twin: Pick<TwinState, 'assets' | 'connections'>, sensor: Pick<Sensor, 'assetId'>): string | null {
  if (sensor.assetId === null) return null;
  const equipment = measuredBy(twin).get(sensor.assetId);
  return equipment !== undefined && twin.assets[equipment] ? equipment : sensor.assetId;
}

/** The sensors that tell about an asset: bound to it, or bound to an instrument wired to it; file order. */
export function sensorsOfAsset(twin: Pick<TwinState, 'assets' | 'connections' | 'sensors'>, assetId: string): Sensor[] {
  const out: Sensor[] = [];
  for (const s of Object.values(twin.sensors)) {
    if (s.assetId === assetId || (s.assetId !== null && measuredAssetOf(twin, s) === assetId)) out.push(s);
  }
  return out;
}

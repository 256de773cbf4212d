/**
 * Where each drawn sensor is read in this session: its project source resolved to one of the session's
 * connections (the same tenant may be connected under another id, through another URL), or nothing when
 * that source is not connected. Time travel asks sources only through these.
 */
import type { SchematicPlan } from './schematic-plan';
import type { TwinState } from './state';
import { sessionSourceOfSensor, type SessionSource } from './source-resolution';

export interface SensorRead {
  /** Sensor id. */
  id: string;
  /** Series key. */
  key: string;
  /** The session's source id to read from (what `valueAt` and `queryWindows` take), or null when not connected. */
  source: string | null;
}

/** Every planned sensor with the connection it reads from, each resolved by `sessionSourceOfSensor`. */
export function sensorReads(
  twin: Pick<TwinState, 'sensors' | 'sources' | 'meta'>,
  plan: Pick<SchematicPlan, 'sensors'>,
  session: readonly SessionSource[],
  chosen: Readonly<Record<string, string>> = {},
): SensorRead[] {
  return plan.sensors.map((p) => {
    const sensor = twin.sensors[p.id];
    return { id: p.id, key: p.key, source: sensor ? sessionSourceOfSensor(twin, sensor, session, chosen) : null };
  });
}

/** The series keys to read per connected session source, each key once; unconnected sensors are left out. */
export function keysBySessionSource(reads: readonly SensorRead[]): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const r of reads) {
    if (r.source === null) continue;
    let keys = out.get(r.source);
    if (!keys) out.set(r.source, (keys = new Set()));
    keys.add(r.key);
  }
  return new Map([...out].map(([source, keys]) => [source, [...keys]]));
}

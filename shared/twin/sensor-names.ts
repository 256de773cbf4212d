/**
 * What a bound sensor is called where it is drawn: by its binding, the tag of the asset it tells about and
 * its role ("CH-1 power"), not by its historian name, which stays available as its series key.
 */
import { measuredAssetOf } from './asset-sensors';
import type { Sensor } from './schema';
import type { TwinState } from './state';

/** Abbreviations plant engineers read in capitals. */
const UPPER = new Set(['chws', 'chwr', 'cws', 'cwr', 'dp', 'chw', 'cw', 'lchwt', 'echwt', 'lcwt', 'ecwt', 'vfd', 'oat']);

/** A role id as words: `chws-temperature` → "CHWS temperature", `dp-setpoint` → "DP setpoint". */
export function roleWords(role: string): string {
  return role
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((w) => (UPPER.has(w.toLowerCase()) ? w.toUpperCase() : w))
    .join(' ');
}

/** "CH-1 power": the measured asset's tag and the role; falls back to the label, then the series key. */
export function sensorDisplayName(twin: TwinState, sensor: Sensor): string {
  const assetId = measuredAssetOf(twin, sensor);
  const tag = assetId ? twin.assets[assetId]?.tag.trim() : '';
  const role = sensor.role.trim();
  if (tag && role) return `${tag} ${roleWords(role)}`;
  if (sensor.label?.trim()) return sensor.label.trim();
  if (tag) return `${tag} ${sensor.series}`;
  return sensor.series;
}

/**
 * Names for several sensors at once, told apart: where two would read the same (redundant sensors of one
 * role), each gets the tag of the instrument it is bound to, else its series key, in parentheses.
 */
export function distinctSensorNames(twin: TwinState, sensors: readonly Sensor[]): string[] {
  const names = sensors.map((s) => sensorDisplayName(twin, s));
  const seen = new Map<string, number>();
  for (const n of names) seen.set(n, (seen.get(n) ?? 0) + 1);
  return names.map((n, i) => {
    if ((seen.get(n) ?? 0) < 2) return n;
    const s = sensors[i] as Sensor;
    const bound = s.assetId ? twin.assets[s.assetId]?.tag.trim() : '';
    return `${n} (${bound && !n.startsWith(`${bound} `) ? bound : s.series})`;
  });
}

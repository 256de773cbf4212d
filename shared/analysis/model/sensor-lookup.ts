import { canonicalSeriesKey } from '../../series/series-key';
import { sensorsOfAsset } from '../../twin/asset-sensors';
import type { Sensor } from '../../twin/schema';
import type { TwinState } from '../../twin/state';

/** How a model names the asset's sensor of a role: found, or why not. */
export type RoleLookup = { ok: true; sensor: Sensor } | { ok: false; why: 'none' | 'untrusted'; untrusted: Sensor[] };

/**
 * The sensor of a role that tells about an asset (bound to it, or to an instrument wired to it): the
 * trusted one, the first in file order when several are trusted. Untrusted sensors are never used.
 */
export function sensorOfRole(twin: TwinState, assetId: string, role: string): RoleLookup {
  const all = sensorsOfAsset(twin, assetId).filter((s) => s.role === role);
  const trusted = all.find((s) => s.trusted);
  if (trusted) return { ok: true, sensor: trusted };
  return { ok: false, why: all.length ? 'untrusted' : 'none', untrusted: all };
}

/** The roles of the sensors of an asset, for messages and the editor's pick list. */
export function rolesOfAsset(twin: TwinState, assetId: string): string[] {
  return [...new Set(sensorsOfAsset(twin, assetId).map((s) => s.role))].filter((r) => r !== '').sort();
}

/** The project's sensor with a series key (compared in canonical form), or undefined. */
export function sensorOfSeries(twin: TwinState, key: string): Sensor | undefined {
  let canonical: string;
  try {
    canonical = canonicalSeriesKey(key);
  } catch {
    return undefined;
  }
  return Object.values(twin.sensors).find((s) => s.series === key || safeCanonical(s.series) === canonical);
}

function safeCanonical(key: string): string | undefined {
  try {
    return canonicalSeriesKey(key);
  } catch {
    return undefined;
  }
}

/** How a message names an asset: its tag, else its id. */
export function assetName(twin: TwinState, assetId: string): string {
  const a = twin.assets[assetId];
  return a && a.tag.trim() !== '' ? a.tag : `asset "${assetId}"`;
}

import { sensorsOfAsset } from '../../../shared/twin/asset-sensors';
import { defaultSourceId, sourceOfSensor } from '../../../shared/twin/project-sources';
import type { ProjectSource, Sensor } from '../../../shared/twin/schema';
import { sessionSourceOfSensor, type SessionSource } from '../../../shared/twin/source-resolution';
import { distinctSensorNames } from '../../../shared/twin/sensor-names';
import type { TwinState } from '../../../shared/twin/state';
import { seriesColour, styleIndexOfKey } from '../../../shared/series/series-style';
import type { PinnedSeries } from './chart-store';

/** One line of the chart. */
export interface ChartSeries {
  /** `source|key`: what the chart keys hidden series and data by. */
  id: string;
  /** The session's connection the series is read from; null when its project source is not connected here. */
  source: string | null;
  /** For a sensor whose source is not connected: the name of the project source it names, so the legend can say which. */
  projectSource?: string | undefined;
  key: string;
  /** By binding: "CH-1 power"; the series key for a pinned series no sensor names. */
  name: string;
  /** '' when the sensor has none (a status). */
  unit: string;
  sensorId: string | null;
  pinned: boolean;
  colour: string;
}

export function seriesId(source: string, key: string): string {
  return `${source}|${key}`;
}

/**
 * Where a sensor is read from in this session, as the rest of the app resolves it (sessionSourceOfSensor):
 * the connection's id, or null with the project source it names when that is not connected.
 */
export type SensorSourceOf = (sensor: Sensor) => { session: string | null; project: string };

/** Resolve sensors' sources against this session's connections (and the user's choices), each project source once. */
export function sensorSourceOf(
  twin: { sources: Readonly<Record<string, ProjectSource>>; meta: { defaultSource?: string | undefined } },
  session: readonly SessionSource[],
  chosen: Readonly<Record<string, string>> = {},
): SensorSourceOf {
  const defaultId = defaultSourceId(twin.meta.defaultSource, Object.values(twin.sources));
  const resolved = new Map<string, string | null>();
  return (sensor) => {
    const project = sourceOfSensor(sensor, defaultId);
    let at = resolved.get(project);
    if (at === undefined) resolved.set(project, (at = sessionSourceOfSensor(twin, { source: project }, session, chosen)));
    return { session: at, project };
  };
}

/** The id of a series no connection serves: keyed by its project source, so it never collides with a read one. */
function unconnectedId(project: string, key: string): string {
  return `?${project}|${key}`;
}

/**
 * The series to chart: the sensors of the selected assets (bound to them or to instruments measuring
 * them), in selection then file order, then the pinned series; each once. Styles follow the sensor's place
 * in the twin, so a sensor looks the same whatever else is charted.
 */
export function chartedSeries(twin: TwinState, selected: Iterable<string>, pinned: readonly PinnedSeries[], sourceOf: SensorSourceOf): ChartSeries[] {
  const order = new Map<string, number>();
  const bySeries = new Map<string, Sensor>();
  let i = 0;
  for (const s of Object.values(twin.sensors)) {
    order.set(s.id, i++);
    const at = sourceOf(s).session;
    // Pins name a connection; a sensor whose source is not connected cannot be what a pin names.
    if (at !== null && !bySeries.has(seriesId(at, s.series))) bySeries.set(seriesId(at, s.series), s);
  }
  const picked: { id: string; sensor: Sensor | null; source: string | null; project?: string; key: string; pinned: boolean; unit: string }[] = [];
  const byId = new Map<string, (typeof picked)[number]>();
  const add = (p: (typeof picked)[number]) => {
    const had = byId.get(p.id);
    if (had) {
      if (p.pinned) had.pinned = true;
      return;
    }
    byId.set(p.id, p);
    picked.push(p);
  };
  for (const assetId of selected) {
    if (!twin.assets[assetId]) continue;
    for (const s of sensorsOfAsset(twin, assetId)) {
      const { session, project } = sourceOf(s);
      const id = session !== null ? seriesId(session, s.series) : unconnectedId(project, s.series);
      add({ id, sensor: s, source: session, project, key: s.series, pinned: false, unit: s.unit ?? '' });
    }
  }
  for (const p of pinned) {
    const sensor = bySeries.get(seriesId(p.source, p.key)) ?? null;
    add({ id: seriesId(p.source, p.key), sensor, source: p.source, key: p.key, pinned: true, unit: sensor ? (sensor.unit ?? '') : (p.unit ?? '') });
  }
  const sensors = picked.filter((p) => p.sensor).map((p) => p.sensor as Sensor);
  const distinct = distinctSensorNames(twin, sensors);
  const names = new Map(sensors.map((s, k) => [s.id, distinct[k] as string]));
  return picked.map((p) => {
    const index = p.sensor ? (order.get(p.sensor.id) as number) : styleIndexOfKey(p.key);
    return {
      id: p.id,
      source: p.source,
      ...(p.source === null ? { projectSource: (p.project !== undefined ? twin.sources[p.project]?.name : undefined) ?? p.project } : {}),
      key: p.key,
      name: p.sensor ? (names.get(p.sensor.id) as string) : p.key,
      unit: p.unit,
      sensorId: p.sensor?.id ?? null,
      pinned: p.pinned,
      colour: seriesColour(index),
    };
  });
}

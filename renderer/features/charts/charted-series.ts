import { sensorsOfAsset } from '../../../shared/twin/asset-sensors';
import { defaultSourceId, sourceOfSensor } from '../../../shared/twin/project-sources';
import type { Sensor } from '../../../shared/twin/schema';
import { distinctSensorNames } from '../../../shared/twin/sensor-names';
import type { TwinState } from '../../../shared/twin/state';
import { seriesColour, styleIndexOfKey } from '../../../shared/series/series-style';
import type { PinnedSeries } from './chart-store';

/** One line of the chart. */
export interface ChartSeries {
  /** `source|key`: what the chart keys hidden series and data by. */
  id: string;
  source: string;
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
 * The series to chart: the sensors of the selected assets (bound to them or to instruments measuring
 * them), in selection then file order, then the pinned series; each once. Styles follow the sensor's place
 * in the twin, so a sensor looks the same whatever else is charted.
 */
export function chartedSeries(twin: TwinState, selected: Iterable<string>, pinned: readonly PinnedSeries[]): ChartSeries[] {
  const defaultId = defaultSourceId(twin.meta.defaultSource, Object.values(twin.sources));
  const order = new Map<string, number>();
  const bySeries = new Map<string, Sensor>();
  let i = 0;
  for (const s of Object.values(twin.sensors)) {
    order.set(s.id, i++);
    const id = seriesId(sourceOfSensor(s, defaultId), s.series);
    if (!bySeries.has(id)) bySeries.set(id, s);
  }
  const picked: { sensor: Sensor | null; source: string; key: string; pinned: boolean; unit: string }[] = [];
  const seen = new Set<string>();
  const add = (sensor: Sensor | null, source: string, key: string, isPinned: boolean, unit: string) => {
    const id = seriesId(source, key);
    if (seen.has(id)) {
      if (isPinned) for (const p of picked) if (seriesId(p.source, p.key) === id) p.pinned = true;
      return;
    }
    seen.add(id);
    picked.push({ sensor, source, key, pinned: isPinned, unit });
  };
  for (const assetId of selected) {
    if (!twin.assets[assetId]) continue;
    for (const s of sensorsOfAsset(twin, assetId)) add(s, sourceOfSensor(s, defaultId), s.series, false, s.unit ?? '');
  }
  for (const p of pinned) {
    const sensor = bySeries.get(seriesId(p.source, p.key)) ?? null;
    add(sensor, p.source, p.key, true, sensor ? (sensor.unit ?? '') : (p.unit ?? ''));
  }
  const sensors = picked.filter((p) => p.sensor).map((p) => p.sensor as Sensor);
  const distinct = distinctSensorNames(twin, sensors);
  const names = new Map(sensors.map((s, k) => [s.id, distinct[k] as string]));
  return picked.map((p) => {
    const index = p.sensor ? (order.get(p.sensor.id) as number) : styleIndexOfKey(p.key);
    return {
      id: seriesId(p.source, p.key),
      source: p.source,
      key: p.key,
      name: p.sensor ? (names.get(p.sensor.id) as string) : p.key,
      unit: p.unit,
      sensorId: p.sensor?.id ?? null,
      pinned: p.pinned,
      colour: seriesColour(index),
    };
  });
}

import type { ProjectSource, Sensor } from './schema';

/** The id of the embedded store: every project may name it without listing it. */
export const LOCAL_SOURCE_ID = 'local';

/** The project source of sensors that name none: the declared default, else the first listed, else the local store. */
export function defaultSourceId(defaultSource: string | undefined, sources: readonly Pick<ProjectSource, 'id'>[]): string {
  return defaultSource ?? sources[0]?.id ?? LOCAL_SOURCE_ID;
}

/** The project source a sensor's series lives in. */
export function sourceOfSensor(sensor: Pick<Sensor, 'source'>, defaultId: string): string {
  return sensor.source ?? defaultId;
}

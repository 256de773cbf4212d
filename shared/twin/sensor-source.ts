import type { Sensor } from './schema';
import type { TwinState } from './state';

/** The source a sensor without one reads from: the local store, until the twin names a default. */
export const DEFAULT_SOURCE_ID = 'local';

/** The id of the source a sensor's series lives in. */
export function sourceOfSensor(_twin: TwinState, sensor: Pick<Sensor, 'source'>): string {
  return sensor.source ?? DEFAULT_SOURCE_ID;
}

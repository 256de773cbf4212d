import type { Reading } from '../../../shared/series/cursor-reading';
import { formatAge, formatValue, formatWithUnit } from '../../../shared/series/value-format';
import type { Sensor } from '../../../shared/twin/schema';

/** The text of a reading: the value to the sensor's precision with its unit, a status as on/off, and why it is stale or missing. */
export function readingText(reading: Reading, sensor: Pick<Sensor, 'unit' | 'role'>, decimals: number): { value: string; note: string | null } {
  // Without its source there is no data to speak of: say what is wrong instead (the inspector says what to do).
  if (reading.why === 'no-source') return { value: 'not connected', note: null };
  if (reading.why === 'source-error') return { value: 'source error', note: null };
  const value =
    reading.value === null
      ? 'no data'
      : sensor.role === 'status'
        ? reading.value >= 0.5
          ? 'on'
          : 'off'
        : formatWithUnit(reading.value, decimals, sensor.unit);
  let note: string | null = null;
  if (reading.why === 'late' && reading.age !== null) note = `${formatAge(reading.age)} old`;
  else if (reading.why === 'flatline' && reading.since !== null && reading.t !== null) note = `frozen ${formatAge(reading.t - reading.since)}`;
  else if (reading.why === 'gap' && reading.age !== null) note = `for ${formatAge(reading.age)}`;
  return { value, note };
}

/** The words and symbol for a valve position: closed, open, or part open. */
export function positionText(position: number): { symbol: string; text: string } {
  if (position <= 0.5) return { symbol: '■', text: 'Closed' };
  if (position >= 99.5) return { symbol: '□', text: 'Open' };
  return { symbol: '◧', text: `${formatValue(position, 0)} % open` };
}

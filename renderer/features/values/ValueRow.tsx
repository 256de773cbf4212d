import { memo } from 'react';
import type { Reading } from '../../../shared/series/cursor-reading';
import { formatAge, formatWithUnit } from '../../../shared/series/value-format';
import type { Sensor } from '../../../shared/twin/schema';
import { useReadings } from './readings-store';
import { roleAbbreviation } from './role-abbreviations';
import { STATE_SYMBOL } from './state-marks';

/** The text of a reading: the value to the sensor's precision with its unit, a status as on/off, and why it is stale or missing. */
export function readingText(reading: Reading, sensor: Pick<Sensor, 'unit' | 'role'>, decimals: number): { value: string; note: string | null } {
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
  else if (reading.why === 'no-source') note = 'source not connected';
  return { value, note };
}

/**
 * One value on the schematic (DESIGN.md): `data-sensor` (series key), `data-value` (unrounded; absent when
 * missing), `data-t` (epoch ms of the point shown) and `data-state`. Re-renders only when its reading changes.
 */
export const ValueRow = memo(function ValueRow({ sensor, showRole, redundant }: { sensor: Sensor; showRole: boolean; redundant: number }) {
  const reading = useReadings((s) => s.readings[sensor.id]);
  const decimals = useReadings((s) => s.decimals[sensor.id] ?? 1);
  if (!reading) {
    return (
      <div className="value value--loading" data-loading={sensor.series}>
        {showRole && <span className="value__role">{roleAbbreviation(sensor.role)}</span>}
        <span className="value__num">…</span>
      </div>
    );
  }
  const { value, note } = readingText(reading, sensor, decimals);
  return (
    <div
      className={`value value--${reading.state}`}
      data-sensor={sensor.series}
      data-value={reading.value ?? undefined}
      data-t={reading.t ?? undefined}
      data-state={reading.state}
      data-why={reading.why}
    >
      <span className="value__mark" aria-hidden="true">
        {STATE_SYMBOL[reading.state]}
      </span>
      {showRole && <span className="value__role">{roleAbbreviation(sensor.role)}</span>}
      <span className="value__num">{value}</span>
      {note && <span className="value__note">{note}</span>}
      {redundant > 0 && (
        <span className="value__redundant" title={`Trusted of ${redundant + 1} redundant sensors; the inspector shows the others`}>
          ⇄{redundant + 1}
        </span>
      )}
    </div>
  );
});

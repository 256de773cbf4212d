import { offsetLabel, wallTextInZone, weekdayInZone } from '../../../shared/time/zone-format';
import { useSeriesData } from '../series/series-store';
import { useReadings } from '../values/readings-store';
import { useTime } from './time-store';
import { usePlantZone } from './use-plant-zone';

/** The cursor's instant in the plant's zone, and whether the values drawn are exact yet. */
export function CursorReadout() {
  const cursor = useTime((s) => s.cursor);
  const zone = usePlantZone();
  const settled = useReadings((s) => s.settled);
  const pending = useSeriesData((s) => s.pending);
  const failures = useSeriesData((s) => s.failures);
  const failed = Object.entries(failures);
  if (cursor === null) return <output className="cursor-readout muted">No time range</output>;
  return (
    <div className="cursor-readout">
      <output className="cursor-readout__time" title={zone}>
        {weekdayInZone(cursor, zone)} {wallTextInZone(cursor, zone)} <span className="muted">{offsetLabel(cursor, zone)}</span>
      </output>
      <span className="cursor-readout__state" data-values={settled ? 'exact' : 'approximate'}>
        {pending > 0 ? `Loading ${pending} series…` : settled ? 'Exact values' : 'Approximate (moving)'}
      </span>
      {failed.length > 0 && (
        <span className="cursor-readout__error" role="alert">
          {failed.map(([source, message]) => `Source "${source}": ${message}`).join(' ')}
        </span>
      )}
    </div>
  );
}

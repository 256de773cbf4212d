import { useMemo } from 'react';
import { useShallow } from 'zustand/shallow';
import { formatAge, formatValue } from '../../../shared/series/value-format';
import { wallTextInZone } from '../../../shared/time/zone-format';
import { sensorsOfAsset } from '../../../shared/twin/asset-sensors';
import { redundancyGroup } from '../../../shared/twin/value-placements';
import type { Sensor } from '../../../shared/twin/schema';
import { useDocument } from '../../stores/document-store';
import { usePlantZone } from '../time/use-plant-zone';
import { positionText, readingText } from './reading-text';
import { useReadings } from './readings-store';
import { STATE_SYMBOL } from './state-marks';
import { NoSourceNote } from './NoSourceNote';
import './asset-readings.css';

const STATE_WORD = { exact: 'exact', approximate: 'approximate', stale: 'stale', missing: 'missing' } as const;

/**
 * The asset detail at the cursor: every sensor telling about the asset with its value, unit, the time of its
 * point, exact/approximate and stale marks; for redundant sensors, the trusted reading and each other one's
 * difference from it; and the equipment state with the sensor that decided it.
 */
export function AssetReadings({ assetId }: { assetId: string }) {
  const twin = useDocument((s) => s.twin);
  const zone = usePlantZone();
  const sensors = useMemo(() => sensorsOfAsset(twin, assetId), [twin, assetId]);
  // The trusted sensor each untrusted one is compared with.
  const trustedOf = useMemo(() => {
    const out = new Map<string, Sensor>();
    for (const s of sensors) {
      const group = redundancyGroup(twin, s);
      const trusted = group[0];
      if (group.length > 1 && trusted && trusted.id !== s.id) out.set(s.id, trusted);
    }
    return out;
  }, [twin, sensors]);
  const ids = useMemo(() => [...new Set([...sensors.map((s) => s.id), ...[...trustedOf.values()].map((s) => s.id)])], [sensors, trustedOf]);
  const readings = useReadings(useShallow((s) => ids.map((id) => s.readings[id])));
  const decimals = useReadings(useShallow((s) => ids.map((id) => s.decimals[id] ?? 1)));
  const equipment = useReadings((s) => s.equipment[assetId]);
  const at = useReadings((s) => s.at);
  if (sensors.length === 0) return null;
  const readingOf = (id: string) => readings[ids.indexOf(id)];
  const decimalsOf = (id: string) => decimals[ids.indexOf(id)] ?? 1;
  return (
    <fieldset className="inspector__group asset-readings">
      <legend>At the time cursor{at !== null ? ` (${wallTextInZone(at, zone)})` : ''}</legend>
      {equipment && (equipment.running !== null || equipment.position !== null) && (
        <p className="asset-readings__state">
          {equipment.running !== null && (
            <span>
              {equipment.running ? '▶ Running' : '■ Stopped'} <span className="muted">from its {equipment.runningBy}</span>
            </span>
          )}
          {equipment.position !== null && <span>{positionText(equipment.position).text}</span>}
        </p>
      )}
      <ul className="asset-readings__list" aria-label="Readings at the time cursor">
        {sensors.map((s) => {
          const r = readingOf(s.id);
          const text = r ? readingText(r, s, decimalsOf(s.id)) : null;
          const trusted = trustedOf.get(s.id);
          const ref = trusted ? readingOf(trusted.id) : undefined;
          const diff = r?.value != null && ref?.value != null ? r.value - ref.value : null;
          return (
            <li key={s.id} data-reading-of={s.series} data-reading-state={r?.state}>
              <div className="asset-readings__name" title={s.series}>
                {s.label || s.series}
                {!s.trusted && <span className="badge">untrusted</span>}
              </div>
              <div className={`asset-readings__value asset-readings__value--${r?.state ?? 'loading'}`}>
                <strong>{text ? text.value : '…'}</strong>{' '}
                {r && (
                  <span>
                    <span aria-hidden="true">{STATE_SYMBOL[r.state]}</span> {STATE_WORD[r.state]}
                    {r.why === 'late' && r.age !== null && `, ${formatAge(r.age)} old`}
                    {text?.note && r.why !== 'late' && `, ${text.note}`}
                  </span>
                )}
              </div>
              {(r?.why === 'no-source' || r?.why === 'source-error') && <NoSourceNote sensor={s} />}
              {trusted && (
                <div className="asset-readings__diff">
                  {diff === null
                    ? `No comparison with the trusted ${trusted.label || trusted.series}`
                    : `${diff >= 0 ? '+' : '−'}${formatValue(Math.abs(diff), decimalsOf(s.id))}${s.unit ? ` ${s.unit}` : ''} from the trusted ${trusted.label || trusted.series}`}
                </div>
              )}
              <div className="muted">
                {r?.t != null ? `Point at ${wallTextInZone(r.t, zone)}` : r?.since != null ? `Last point ${wallTextInZone(r.since, zone)}` : 'No point'} ·{' '}
                <code>{s.series}</code>
              </div>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

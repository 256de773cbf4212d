import { useMemo, useState } from 'react';
import { rolesOfKind } from '../../../shared/catalog/catalog';
import { roleById, unitFitsRole } from '../../../shared/catalog/roles';
import { dimensionOfUnit } from '../../../shared/catalog/units';
import { sensorsOfAsset } from '../../../shared/twin/asset-sensors';
import { trustGroup } from '../../../shared/twin/edits/binding-edits';
import { defaultSourceId, sourceOfSensor } from '../../../shared/twin/project-sources';
import type { Asset, Sensor } from '../../../shared/twin/schema';
import { runCommand } from '../../commands/registry';
import { documentStore, useDocument } from '../../stores/document-store';
import { useSources } from '../../stores/sources-store';
import { useProjectSources } from './use-project-sources';
import './bindings.css';

function SensorRow({ sensor, asset, waitsFor, missingFrom }: { sensor: Sensor; asset: Asset; waitsFor: string | null; missingFrom: string | null }) {
  const assets = useDocument((s) => s.twin.assets);
  const sensors = useDocument((s) => s.twin.sensors);
  const connections = useDocument((s) => s.twin.connections);
  const bound = sensor.assetId ? assets[sensor.assetId] : undefined;
  const roles = bound ? rolesOfKind(bound.kind) : [];
  const group = trustGroup({ assets, sensors, connections }, sensor);
  const role = roleById(sensor.role);
  const roleProblem = sensor.role && bound && !roles.some((r) => r.id === sensor.role) ? `${bound.tag} has no role ${sensor.role}` : null;
  const unitProblem = role && !unitFitsRole(role, sensor.unit) ? `${sensor.unit} is a ${dimensionOfUnit(sensor.unit)}, not a ${role.dimension}` : null;
  return (
    <li className="asset-sensor" aria-label={sensor.series} data-sensor={sensor.series} data-trusted={sensor.trusted}>
      <div className="asset-sensor__head">
        <code>{sensor.series}</code>
        {bound && bound.id !== asset.id && <span className="muted"> via {bound.tag}</span>}
      </div>
      <div className="asset-sensor__fields">
        <select
          aria-label={`Role of ${sensor.series}`}
          value={sensor.role}
          onChange={(e) => runCommand('bindings.setRole', { sensorId: sensor.id, role: e.target.value })}
        >
          {!roles.some((r) => r.id === sensor.role) && <option value={sensor.role}>{sensor.role || 'no role'}</option>}
          {roles.map((r) => (
            <option key={r.id} value={r.id} title={r.label}>
              {r.id}
            </option>
          ))}
        </select>
        <input
          type="text"
          className="asset-sensor__unit"
          aria-label={`Unit of ${sensor.series}`}
          placeholder="unit"
          value={sensor.unit ?? ''}
          spellCheck={false}
          onChange={(e) => runCommand('bindings.setUnit', { sensorId: sensor.id, unit: e.target.value })}
          onBlur={() => documentStore.getState().seal()}
        />
        {group.length > 1 ? (
          <label className="inline-check">
            <input
              type="radio"
              name={`trusted-${asset.id}-${sensor.role}`}
              checked={sensor.trusted}
              onChange={() => runCommand('bindings.trust', { sensorId: sensor.id })}
              aria-label={`Trust ${sensor.series}`}
            />{' '}
            Trusted
          </label>
        ) : null}
        <button type="button" onClick={() => runCommand('bindings.unbind', { sensorIds: [sensor.id] })} aria-label={`Unbind ${sensor.series}`}>
          Unbind
        </button>
      </div>
      {(roleProblem || unitProblem) && <p className="field__error">{[roleProblem, unitProblem].filter(Boolean).join('; ')}</p>}
      {waitsFor && <p className="muted">Waits for {waitsFor}, which is not connected.</p>}
      {missingFrom && <p className="field__error">Not in the catalog of {missingFrom}: misspelt, or no longer in the historian.</p>}
    </li>
  );
}

function AddSensor({ asset }: { asset: Asset }) {
  const { active, entries } = useSources();
  const [series, setSeries] = useState('');
  const [role, setRole] = useState('');
  const entry = entries.find((e) => e.key === series);
  const add = () => {
    if (!series.trim()) return;
    runCommand('bindings.bind', { series: series.trim(), sessionSource: active, unit: entry?.unit ?? null, assetId: asset.id, ...(role ? { role } : {}) });
    setSeries('');
    setRole('');
  };
  return (
    <form
      className="asset-sensor__add"
      aria-label="Add a sensor"
      onSubmit={(e) => {
        e.preventDefault();
        add();
      }}
    >
      <input list="asset-sensor-keys" aria-label="Series to bind" placeholder="series key…" value={series} onChange={(e) => setSeries(e.target.value)} />
      <datalist id="asset-sensor-keys">
        {entries.slice(0, 2_000).map((e) => (
          <option key={e.key} value={e.key} />
        ))}
      </datalist>
      <select aria-label="Role of the new sensor" value={role} onChange={(e) => setRole(e.target.value)}>
        <option value="">role from its name</option>
        {rolesOfKind(asset.kind).map((r) => (
          <option key={r.id} value={r.id}>
            {r.id}
          </option>
        ))}
      </select>
      <button type="submit" disabled={!series.trim()}>
        Add
      </button>
    </form>
  );
}

/** The inspector's Sensors section: the sensors of an asset (bound to it or to a bubble wired to it), with role, unit, trust and unbind, and a way to add one. */
export function AssetSensorsSection({ asset }: { asset: Asset }) {
  const sensors = useDocument((s) => s.twin.sensors);
  const assets = useDocument((s) => s.twin.assets);
  const connections = useDocument((s) => s.twin.connections);
  const sources = useDocument((s) => s.twin.sources);
  const defaultSource = useDocument((s) => s.twin.meta.defaultSource);
  const resolved = useProjectSources();
  const { active, entries, loading, error } = useSources();
  const catalog = useMemo(() => new Set(entries.map((e) => e.key)), [entries]);
  const list = useMemo(() => sensorsOfAsset({ sensors, assets, connections }, asset.id), [sensors, assets, connections, asset.id]);
  const defaultId = defaultSourceId(defaultSource, Object.values(sources));
  const waits = (s: Sensor) => {
    const r = resolved.find((x) => x.source.id === sourceOfSensor(s, defaultId));
    return r && r.resolution.sessionSourceId === null ? r.source.name : null;
  };
  // Only a catalog that is loaded, of the source the sensor reads from, can say a series is missing.
  const missing = (s: Sensor) => {
    const r = resolved.find((x) => x.source.id === sourceOfSensor(s, defaultId));
    const known = r?.resolution.sessionSourceId === active && !loading && !error && entries.length > 0;
    return known && !catalog.has(s.series) ? (r?.source.name ?? null) : null;
  };
  return (
    <fieldset className="inspector__group asset-sensors">
      <legend>Sensors</legend>
      {list.length === 0 && <p className="muted">No sensor bound. Drag one from the Sensors panel, or add it here.</p>}
      <ul className="inspector__sensors" aria-label={`Sensors of ${asset.tag}`}>
        {list.map((s) => (
          <SensorRow key={s.id} sensor={s} asset={asset} waitsFor={waits(s)} missingFrom={missing(s)} />
        ))}
      </ul>
      <AddSensor asset={asset} />
    </fieldset>
  );
}

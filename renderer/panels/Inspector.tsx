import { useEffect, useMemo, useState } from 'react';
import { componentByKind } from '../../shared/catalog/catalog';
import { DiffBuilder } from '../../shared/twin/diff';
import { deleteItems, flipAssets, rotateAssets, updateAsset, type Rotation } from '../../shared/twin/edits/asset-edits';
import { setSystemMembers } from '../../shared/twin/edits/system-edits';
import type { Asset } from '../../shared/twin/schema';
import { documentStore, useDocument } from '../stores/document-store';
import { useView } from '../stores/view-store';
import { runCommand } from '../commands/registry';
import { PropertyField, TextField } from './fields';
import { AssetSensorsSection } from '../features/bindings/AssetSensorsSection';
import { AssetReadings } from '../features/values/AssetReadings';
import { ModelsSection } from '../features/analysis/ModelsSection';

const doc = () => documentStore.getState();
const seal = () => doc().seal();

function duplicateTagOf(asset: Asset, assets: Readonly<Record<string, Asset>>): string | null {
  const t = asset.tag.trim().toLowerCase();
  if (!t) return 'Every asset needs a tag.';
  for (const other of Object.values(assets)) {
    if (other.id !== asset.id && other.tag.trim().toLowerCase() === t)
      return `Tag ${asset.tag} is also used by another ${componentByKind(other.kind)?.name.toLowerCase() ?? 'asset'}.`;
  }
  return null;
}

function AssetInspector({ asset }: { asset: Asset }) {
  const assets = useDocument((s) => s.twin.assets);
  const systems = useDocument((s) => s.twin.systems);
  const def = componentByKind(asset.kind);
  const edit = (field: string, patch: Parameters<typeof updateAsset>[2]) =>
    doc().apply(updateAsset(doc().twin, asset.id, patch), { kind: 'squash', key: `inspector:${asset.id}:${field}` });

  return (
    <>
      <p className="inspector__kind">{def?.name ?? `Unknown kind "${asset.kind}"`}</p>
      <TextField label="Tag" value={asset.tag} onChange={(tag) => edit('tag', { tag })} onCommit={seal} error={duplicateTagOf(asset, assets)} />
      <TextField label="Name" value={asset.name} placeholder="e.g. Primary CHW pump 1" onChange={(name) => edit('name', { name })} onCommit={seal} />
      <div className="field field--row">
        <label htmlFor="inspector-rotation">Rotation</label>
        <select
          id="inspector-rotation"
          value={asset.rotation}
          onChange={(e) => doc().apply(updateAsset(doc().twin, asset.id, { rotation: Number(e.target.value) as Rotation }), { kind: 'record' })}
        >
          {[0, 90, 180, 270].map((r) => (
            <option key={r} value={r}>
              {r}°
            </option>
          ))}
        </select>
        <label className="inline-check">
          <input type="checkbox" checked={asset.flip} onChange={() => doc().apply(flipAssets(doc().twin, [asset.id]), { kind: 'record' })} /> Flipped
        </label>
      </div>
      {def && def.properties.length > 0 && (
        <fieldset className="inspector__group">
          <legend>Properties</legend>
          {def.properties.map((p) => (
            <PropertyField
              key={p.key}
              def={p}
              value={asset.properties[p.key] ?? null}
              onChange={(v) => edit(`prop:${p.key}`, { properties: { [p.key]: v } })}
              onCommit={seal}
            />
          ))}
        </fieldset>
      )}
      {Object.keys(systems).length > 0 && (
        <fieldset className="inspector__group">
          <legend>Systems</legend>
          {Object.values(systems).map((s) => (
            <label key={s.id} className="inline-check">
              <input
                type="checkbox"
                checked={s.assetIds.includes(asset.id)}
                onChange={(e) => doc().apply(setSystemMembers(doc().twin, s.id, [asset.id], e.target.checked), { kind: 'record' })}
              />{' '}
              {s.name}
            </label>
          ))}
        </fieldset>
      )}
      <AssetSensorsSection asset={asset} />
      <AssetReadings assetId={asset.id} />
      <ModelsSection assetId={asset.id} />
    </>
  );
}

/** The IANA zones as suggestions; built only once the zone field is focused (400 options cost a start-up). */
function TimeZoneList({ id }: { id: string }) {
  const zones = useMemo(() => (typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []), []);
  return (
    <datalist id={id}>
      {zones.map((z) => (
        <option key={z} value={z} />
      ))}
    </datalist>
  );
}

function timeZoneError(zone: string): string | null {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return null;
  } catch {
    return `"${zone}" is not an IANA time zone (e.g. America/Chicago).`;
  }
}

function ProjectInspector() {
  const meta = useDocument((s) => s.twin.meta);
  const [zonesWanted, setZonesWanted] = useState(false);
  const assetCount = useDocument((s) => Object.keys(s.twin.assets).length);
  const connectionCount = useDocument((s) => Object.keys(s.twin.connections).length);
  const sensorCount = useDocument((s) => Object.keys(s.twin.sensors).length);
  const setMeta = (field: 'name' | 'timeZone', value: string) =>
    doc().apply(new DiffBuilder(doc().twin).setMeta({ ...doc().twin.meta, [field]: value }).build(), { kind: 'squash', key: `meta:${field}` });
  // Checking a zone loads the time-zone data (≈50 ms the first time): done after the first paint, not before it.
  const [zoneError, setZoneError] = useState<string | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setZoneError(timeZoneError(meta.timeZone)), 0);
    return () => clearTimeout(timer);
  }, [meta.timeZone]);
  return (
    <>
      <p className="inspector__kind">Project</p>
      <TextField label="Project name" value={meta.name} onChange={(v) => setMeta('name', v)} onCommit={seal} />
      <div onFocus={() => setZonesWanted(true)}>
        <TextField label="Plant time zone" value={meta.timeZone} list="time-zones" onChange={(v) => setMeta('timeZone', v)} onCommit={seal} error={zoneError} />
      </div>
      {zonesWanted && <TimeZoneList id="time-zones" />}
      <p className="muted">
        {assetCount} assets, {connectionCount} connections, {sensorCount} sensors. Select an asset to edit it.
      </p>
    </>
  );
}

/** The inspector: the selected asset's fields, a summary of a multiple selection, or the project's own fields. */
export function Inspector() {
  const selectedAssets = useView((s) => s.selectedAssets);
  const selectedConnections = useView((s) => s.selectedConnections);
  const assets = useDocument((s) => s.twin.assets);
  const connections = useDocument((s) => s.twin.connections);
  const single = selectedAssets.size === 1 && selectedConnections.size === 0 ? assets[[...selectedAssets][0] as string] : undefined;
  const connection = selectedAssets.size === 0 && selectedConnections.size === 1 ? connections[[...selectedConnections][0] as string] : undefined;

  let body;
  if (single) body = <AssetInspector key={single.id} asset={single} />;
  else if (connection) {
    const from = assets[connection.from.asset];
    const to = assets[connection.to.asset];
    body = (
      <>
        <p className="inspector__kind">{connection.kind === 'process' ? 'Process line' : 'Signal line'}</p>
        <p>
          From <strong>{from?.tag}</strong> {connection.from.port} to <strong>{to?.tag}</strong> {connection.to.port}
        </p>
        <button type="button" onClick={() => doc().apply(deleteItems(doc().twin, [], [connection.id]), { kind: 'record' })}>
          Delete line
        </button>
      </>
    );
  } else if (selectedAssets.size + selectedConnections.size > 1) {
    const ids = [...selectedAssets];
    body = (
      <>
        <p className="inspector__kind">
          {selectedAssets.size} assets, {selectedConnections.size} lines selected
        </p>
        <div className="button-row">
          <button type="button" onClick={() => doc().apply(rotateAssets(doc().twin, ids, 'cw'), { kind: 'record' })}>
            Rotate
          </button>
          <button type="button" onClick={() => doc().apply(flipAssets(doc().twin, ids), { kind: 'record' })}>
            Flip
          </button>
          <button type="button" onClick={() => runCommand('system.fromSelection')}>
            New system
          </button>
          <button type="button" onClick={() => runCommand('edit.delete')}>
            Delete
          </button>
        </div>
      </>
    );
  } else body = <ProjectInspector />;

  return (
    <section className="panel inspector" aria-label="Inspector">
      <h2 className="panel__title">Inspector</h2>
      {body}
    </section>
  );
}

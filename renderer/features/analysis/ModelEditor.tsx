import { useMemo, useState } from 'react';
import { readModel } from '../../../shared/analysis/model/read-model';
import { resolveModel } from '../../../shared/analysis/model/resolve-model';
import { rolesOfAsset } from '../../../shared/analysis/model/sensor-lookup';
import { sensorsOfAsset } from '../../../shared/twin/asset-sensors';
import type { ModelDefinition } from '../../../shared/analysis/model/model-schema';
import { TextField } from '../../panels/fields';
import { documentStore, useDocument } from '../../stores/document-store';
import { useAnalysis } from './analysis-store';
import { DetectionFields } from './DetectionFields';
import { FeaturesEditor } from './FeaturesEditor';
import { InputsEditor } from './InputsEditor';
import { applyChillerTemplate, deleteModel, editModel } from './model-actions';
import { RunPanel } from './RunPanel';
import { TrainingFields } from './TrainingFields';
import './analysis.css';

const doc = () => documentStore.getState();
const seal = () => doc().seal();

/** The model editor: define a residual model of an asset, run it, read its fit and episodes. Edits are undoable. */
export default function ModelEditor({ modelId }: { modelId: string }) {
  const stored = useDocument((s) => s.twin.models[modelId]);
  const twin = useDocument((s) => s.twin);
  const close = useAnalysis((s) => s.close);
  const [templateNote, setTemplateNote] = useState<string | null>(null);
  const read = useMemo(() => (stored ? readModel(stored) : null), [stored]);
  const model = read?.status === 'ok' ? read.model : null;
  const assetId = model?.assetId ?? null;
  const asset = assetId ? twin.assets[assetId] : undefined;
  const roles = useMemo(() => (assetId ? rolesOfAsset(twin, assetId) : []), [twin, assetId]);
  const sensors = useMemo(() => (assetId ? sensorsOfAsset(twin, assetId) : []), [twin, assetId]);
  const resolution = useMemo(() => (model ? resolveModel(twin, model) : null), [twin, model]);

  const change = (patch: Partial<ModelDefinition>, field: string | null) => {
    if (model) editModel(doc(), { ...model, ...patch }, field);
  };

  let body;
  if (!stored) body = <p className="muted">This model was deleted (Undo brings it back).</p>;
  else if (!read || read.status === 'newer')
    body = <p role="alert">This model was made by a newer Twin Studio; it is kept as written but cannot be edited here.</p>;
  else if (read.status === 'invalid')
    body = (
      <div role="alert">
        <p>The model's definition in the file is not valid:</p>
        <ul>
          {read.problems.map((p) => (
            <li key={p.path}>
              <code>{p.path}</code> {p.message}
            </li>
          ))}
        </ul>
      </div>
    );
  else if (model) {
    const problems = resolution?.problems ?? [];
    body = (
      <>
        <div className="analysis__columns">
          <RunPanel modelId={model.id} targetSeries={resolution?.resolved?.target.series ?? null} runnable={Boolean(resolution?.resolved)} />
          <div className="analysis__definition" role="group" aria-label="Definition">
            <TextField label="Model name" value={model.name} onChange={(name) => change({ name }, 'name')} onCommit={seal} />
            <div className="field field--row">
              <label htmlFor="analysis-type">Type</label>
              <select id="analysis-type" value={model.type} onChange={(e) => change({ type: e.target.value as ModelDefinition['type'] }, null)}>
                <option value="linear">Linear regression</option>
                <option value="chiller">Chiller: power from load and lift</option>
              </select>
            </div>
            <div className="button-row">
              <button
                type="button"
                onClick={() => {
                  const missing = applyChillerTemplate(doc(), model);
                  setTemplateNote(missing.length ? `${asset?.tag ?? 'The asset'} has no trusted sensor for ${missing.join(', ')}; bind one in Sensors.` : null);
                }}
              >
                Use chiller template
              </button>
            </div>
            {templateNote && <p className="field__error">{templateNote}</p>}
            <div className="field field--row">
              <label htmlFor="analysis-target">Predicts</label>
              <select
                id="analysis-target"
                value={model.target?.role ?? ''}
                onChange={(e) => change({ target: e.target.value ? { role: e.target.value } : null }, null)}
              >
                <option value="">(choose the target role)</option>
                {[...new Set([...(model.target?.role ? [model.target.role] : []), ...roles])].map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
              </select>
            </div>
            <InputsEditor model={model} roles={roles} sensors={sensors} onChange={(inputs, field) => change({ inputs }, field)} onCommit={seal} />
            {model.type === 'linear' ? (
              <FeaturesEditor model={model} onChange={change} onCommit={seal} />
            ) : (
              <p className="muted">Features: load, lift, load², load·lift.</p>
            )}
            <TextField
              label="Keep windows where"
              value={model.filter ?? ''}
              placeholder="status >= 1"
              onChange={(f) => change({ filter: f.trim() ? f : null }, 'filter')}
              onCommit={seal}
            />
            <TrainingFields model={model} onChange={change} />
            <DetectionFields model={model} onChange={change} onCommit={seal} />
            {problems.length > 0 && (
              <ul className="analysis__problems" aria-label="Model problems">
                {problems.map((p, i) => (
                  <li key={i} className={p.incomplete ? 'muted' : 'field__error'}>
                    {p.path.length ? <code>{p.path.join('.')}</code> : null} {p.message}
                  </li>
                ))}
              </ul>
            )}
            <button
              type="button"
              className="danger"
              onClick={() => {
                deleteModel(doc(), model.id);
                close();
              }}
            >
              Delete model
            </button>
          </div>
        </div>
      </>
    );
  }

  return (
    <section
      className="analysis"
      role="dialog"
      aria-modal="false"
      aria-label="Model editor"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          close();
        }
      }}
    >
      <header className="analysis__header">
        <h2 className="panel__title">
          {model?.name || modelId} {asset ? <span className="muted">· {asset.tag}</span> : null}
        </h2>
        <button type="button" className="icon-button" aria-label="Close the model editor" onClick={close}>
          ×
        </button>
      </header>
      <div className="analysis__body">{body}</div>
    </section>
  );
}

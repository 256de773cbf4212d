import type { ModelDefinition } from '../../../shared/analysis/model/model-schema';
import { NumberField } from './NumberField';

/** Resolution and the two detectors' settings. */
export function DetectionFields(props: { model: ModelDefinition; onChange(patch: Partial<ModelDefinition>, field: string | null): void; onCommit(): void }) {
  const { model, onCommit } = props;
  const { threshold, drift } = model.detection;
  const setThreshold = (p: Partial<typeof threshold>, field: string | null) =>
    props.onChange({ detection: { ...model.detection, threshold: { ...threshold, ...p } } }, field);
  const setDrift = (p: Partial<typeof drift>, field: string | null) => props.onChange({ detection: { ...model.detection, drift: { ...drift, ...p } } }, field);
  return (
    <fieldset className="analysis__group">
      <legend>Detection</legend>
      <div className="field field--row">
        <label htmlFor="analysis-resolution">Window</label>
        <select id="analysis-resolution" value={model.resolutionMs} onChange={(e) => props.onChange({ resolutionMs: Number(e.target.value) }, null)}>
          {[1, 5, 15, 60].map((m) => (
            <option key={m} value={m * 60_000}>
              {m} min means
            </option>
          ))}
          {![1, 5, 15, 60].includes(model.resolutionMs / 60_000) && <option value={model.resolutionMs}>{model.resolutionMs / 1000} s means</option>}
        </select>
      </div>
      <label className="inline-check">
        <input type="checkbox" checked={threshold.enabled} onChange={(e) => setThreshold({ enabled: e.target.checked }, null)} /> Threshold: k × spread, with
        persistence
      </label>
      {threshold.enabled && (
        <div className="analysis__row">
          <NumberField
            label="k"
            value={threshold.k}
            min={0.1}
            onChange={(k) => setThreshold({ k }, 'k')}
            onCommit={onCommit}
            hint="Residual beyond k × the robust spread (1.4826 × MAD) of the training residuals"
          />
          <NumberField
            label="Start after"
            value={threshold.over}
            min={1}
            integer
            onChange={(over) => setThreshold({ over }, 'over')}
            onCommit={onCommit}
            hint="Consecutive windows over the threshold"
          />
          <NumberField
            label="End after"
            value={threshold.under}
            min={1}
            integer
            onChange={(under) => setThreshold({ under }, 'under')}
            onCommit={onCommit}
            hint="Consecutive windows under it"
          />
        </div>
      )}
      <label className="inline-check">
        <input type="checkbox" checked={drift.enabled} onChange={(e) => setDrift({ enabled: e.target.checked }, null)} /> Drift: EWMA of the standardised
        residual
      </label>
      {drift.enabled && (
        <div className="analysis__row">
          <NumberField
            label="λ"
            value={drift.lambda}
            min={0.0001}
            max={1}
            onChange={(lambda) => setDrift({ lambda }, 'lambda')}
            onCommit={onCommit}
            hint="Weight of each new window"
          />
          <NumberField
            label="Limit"
            value={drift.limit}
            min={0.01}
            onChange={(limit) => setDrift({ limit }, 'limit')}
            onCommit={onCommit}
            hint="EWMA, in spreads, that raises an episode"
          />
          <NumberField
            label="Release"
            value={drift.release}
            min={0}
            onChange={(release) => setDrift({ release }, 'release')}
            onCommit={onCommit}
            hint="EWMA level under which it ends"
          />
        </div>
      )}
    </fieldset>
  );
}

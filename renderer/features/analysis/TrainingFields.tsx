import type { ModelDefinition } from '../../../shared/analysis/model/model-schema';
import { useDocument } from '../../stores/document-store';
import { dateInZone, midnightInZone } from './zone-format';

const DAY = 86_400_000;

/** Where the model learns: the run's own range (robust to a fault inside it), or a fixed healthy stretch. */
export function TrainingFields({ model, onChange }: { model: ModelDefinition; onChange(patch: Partial<ModelDefinition>, field: string | null): void }) {
  const zone = useDocument((s) => s.twin.meta.timeZone);
  const t = model.training;
  return (
    <fieldset className="analysis__group">
      <legend>Training</legend>
      <label className="inline-check">
        <input type="radio" name="analysis-training" checked={t === null} onChange={() => onChange({ training: null }, null)} /> The run's range (outliers set
        aside)
      </label>
      <label className="inline-check">
        <input
          type="radio"
          name="analysis-training"
          checked={t !== null}
          onChange={() => {
            const now = midnightInZone(dateInZone(Date.now(), zone), zone) ?? Date.now();
            onChange({ training: { from: now - 30 * DAY, to: now } }, null);
          }}
        />{' '}
        A healthy stretch:
      </label>
      {t && (
        <div className="analysis__row">
          <div className="field">
            <label htmlFor="analysis-train-from">Train from</label>
            <input
              id="analysis-train-from"
              type="date"
              value={dateInZone(t.from, zone)}
              onChange={(e) => {
                const ms = midnightInZone(e.target.value, zone);
                if (ms !== null) onChange({ training: { from: ms, to: Math.max(t.to, ms + DAY) } }, null);
              }}
            />
          </div>
          <div className="field">
            <label htmlFor="analysis-train-to">Train to (last day)</label>
            <input
              id="analysis-train-to"
              type="date"
              value={dateInZone(t.to - 1, zone)}
              onChange={(e) => {
                const ms = midnightInZone(e.target.value, zone);
                if (ms !== null) onChange({ training: { from: Math.min(t.from, ms), to: ms + DAY } }, null);
              }}
            />
          </div>
        </div>
      )}
    </fieldset>
  );
}

import { useMemo } from 'react';
import { documentStore, useDocument } from '../../stores/document-store';
import { useAnalysis } from './analysis-store';

/** The Inspector's list of an asset's residual models, with the way into the model editor. */
export function ModelsSection({ assetId }: { assetId: string }) {
  const models = useDocument((s) => s.twin.models);
  const mine = useMemo(() => Object.values(models).filter((m) => m.assetId === assetId), [models, assetId]);
  const open = useAnalysis((s) => s.open);
  return (
    <fieldset className="inspector__group">
      <legend>Models</legend>
      {mine.length > 0 && (
        <ul className="inspector__models">
          {mine.map((m) => (
            <li key={m.id}>
              <button type="button" className="link" onClick={() => open(m.id)} aria-label={`Edit model ${m.name || m.id}`}>
                {m.name || m.id}
              </button>
            </li>
          ))}
        </ul>
      )}
      <button
        type="button"
        onClick={() => {
          // The model code (and its schemas) loads on first use, not with the window.
          void import('./model-actions').then(({ createModelFor }) => open(createModelFor(documentStore.getState(), assetId)));
        }}
      >
        New model…
      </button>
    </fieldset>
  );
}

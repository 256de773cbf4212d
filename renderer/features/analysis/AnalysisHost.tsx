import { lazy, Suspense } from 'react';
import { useAnalysis } from './analysis-store';

// The editor, the model schemas and the regression load when a model is first opened, not with the window.
const ModelEditor = lazy(() => import('./ModelEditor'));

/** Where the model editor appears: over the canvas, beside the Inspector, without blocking the plant behind it. */
export function AnalysisHost() {
  const editing = useAnalysis((s) => s.editing);
  if (!editing) return null;
  return (
    <Suspense fallback={null}>
      <ModelEditor key={editing} modelId={editing} />
    </Suspense>
  );
}

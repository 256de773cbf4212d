import type { ImportResult } from '../../../shared/api/source-schemas';
import { GapList, problemText } from './ImportPreviewView';
import { formatCount } from './import-text';

const SHOWN_PROBLEMS = 20;

/** What the import did: points and series written, gaps per state, rows left out and why. */
export function ImportResultView({ result }: { result: ImportResult }) {
  const files = result.files.length;
  return (
    <section aria-label="Import result" className="import-result" aria-live="polite">
      <p>
        Imported <strong>{formatCount(result.points)}</strong> points into {result.series.length} series of the local store
        {files > 1 ? ` from ${formatCount(files)} files` : ''}.
        {result.duplicates > 0 ? ` ${formatCount(result.duplicates)} replaced points already there.` : ''}
      </p>
      {result.gapCount > 0 && (
        <>
          <p>{formatCount(result.gapCount)} values were digital states or bad quality and are gaps:</p>
          <GapList gaps={result.gaps} label="Gaps by state" />
        </>
      )}
      {result.skippedCount > 0 && (
        <>
          <p className="field__error">
            {result.skippedCount} problem{result.skippedCount > 1 ? 's' : ''}; what could not be read was left out:
          </p>
          <ul className="problems" aria-label="Left out">
            {result.skipped.slice(0, SHOWN_PROBLEMS).map((p, i) => (
              <li key={i}>{problemText(p)}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

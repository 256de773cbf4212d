import type { GapCount, ImportPreview, LineProblem } from '../../../shared/api/source-schemas';
import { baseName, formatBytes, formatCount, unitSuffix } from './import-text';

const SHOWN_PROBLEMS = 20;
const SHOWN_SERIES = 12;
const SHOWN_FILES = 50;
/** Columns the first-rows table draws: a 10,000-tag export would otherwise make a table of 200,000 cells. */
const SHOWN_COLUMNS = 40;

/** Values that will be gaps, per state (digital states, bad quality): what the user checks before importing. */
export function GapList({ gaps, label }: { gaps: GapCount[]; label: string }) {
  if (gaps.length === 0) return null;
  return (
    <ul className="import-gaps" aria-label={label}>
      {gaps.map((g) => (
        <li key={g.state}>
          <span className="import-gaps__state">{g.state}</span> <strong>{formatCount(g.count)}</strong>
        </li>
      ))}
    </ul>
  );
}

export function problemText(p: LineProblem): string {
  const where = p.file ? `${baseName(p.file)}${p.line > 0 ? `, line ${p.line}` : ''}: ` : p.line > 0 ? `line ${p.line}: ` : '';
  return `${where}${p.message}`;
}

/** A value of a row, or the state that makes it a gap. */
function Cell({ value, gap }: { value: number | null | undefined; gap: string | undefined }) {
  if (gap !== undefined)
    return (
      <span className="import-gap" title="A gap: this state is not stored as a number">
        {gap}
      </span>
    );
  return <>{value ?? ''}</>;
}

function SampleTable({ preview }: { preview: ImportPreview }) {
  const wide = preview.format !== 'csv-long';
  const columns = wide ? preview.sampleSeries.slice(0, SHOWN_COLUMNS) : [];
  const hidden = wide ? preview.sampleSeries.length - columns.length : 0;
  return (
    <div className="import-preview__table">
      {hidden > 0 && (
        <p className="muted">
          The first {SHOWN_COLUMNS} of {preview.sampleSeries.length} columns are shown.
        </p>
      )}
      <table aria-label="First rows as they would be imported">
        <thead>
          <tr>
            <th scope="col">line</th>
            <th scope="col">time (UTC)</th>
            {wide ? (
              columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                  {unitSuffix(preview, c)}
                </th>
              ))
            ) : (
              <>
                <th scope="col">series</th>
                <th scope="col">value</th>
              </>
            )}
          </tr>
        </thead>
        <tbody>
          {preview.sample.map((r) => {
            const gaps = new Map(r.gaps.map((g) => [g.series, g.state]));
            const longKey = r.keys[0] ?? r.gaps[0]?.series ?? '';
            return (
              <tr key={r.line} title={r.raw}>
                <td>{r.line}</td>
                <td>{r.time ?? '—'}</td>
                {wide ? (
                  columns.map((c, i) => (
                    <td key={c}>
                      <Cell value={r.values[i]} gap={gaps.get(c)} />
                    </td>
                  ))
                ) : (
                  <>
                    <td className="import-preview__key">{longKey}</td>
                    <td>
                      <Cell value={r.values[0]} gap={gaps.get(longKey)} />
                    </td>
                  </>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** How the import would land, from the heads of its files: layout, timestamps, series and units, gaps, problems, first rows. */
export function ImportPreviewView({ preview }: { preview: ImportPreview }) {
  const gapTotal = preview.gaps.reduce((s, g) => s + g.count, 0);
  const many = preview.fileCount > 1;
  return (
    <section aria-label="Import preview" className="import-preview">
      <p>
        Layout: <strong data-layout={preview.layout.id}>{preview.layout.name}</strong>
        {preview.delimiter ? ` (delimiter ${preview.delimiter === '\t' ? 'tab' : `"${preview.delimiter}"`})` : ''}.{' '}
        {many ? `${formatCount(preview.fileCount)} files, ${formatBytes(preview.totalBytes)}. ` : ''}
        Timestamps read as <strong>{preview.timestampFormat}</strong>
        {preview.needsTimeZone ? (preview.abbreviations.length > 0 ? `, labelled ${preview.abbreviations.join(', ')}` : ', without a UTC offset') : ''}.{' '}
        {preview.series.length} series.
      </p>
      {preview.series.length > 0 && (
        <p className="muted import-preview__series">
          {preview.series
            .slice(0, SHOWN_SERIES)
            .map((k) => `${k}${unitSuffix(preview, k)}`)
            .join(', ')}
          {preview.series.length > SHOWN_SERIES ? ` and ${preview.series.length - SHOWN_SERIES} more` : ''}
        </p>
      )}
      {gapTotal > 0 && (
        <div className="import-preview__gaps">
          <p>
            {formatCount(gapTotal)} of the values in the first {formatCount(preview.rowsRead)} rows are digital states or bad quality: they become gaps, not
            numbers.
          </p>
          <GapList gaps={preview.gaps} label="Gaps by state" />
        </div>
      )}
      {many && (
        <details className="import-preview__files">
          <summary>Files</summary>
          <ul aria-label="Files">
            {preview.files.slice(0, SHOWN_FILES).map((f) => (
              <li key={f.path} title={f.path}>
                {baseName(f.path)}: {formatBytes(f.bytes)}, {f.series} series{f.problems ? `, ${f.problems} problems` : ''}
              </li>
            ))}
            {preview.fileCount > SHOWN_FILES && <li>…and {formatCount(preview.fileCount - SHOWN_FILES)} more</li>}
          </ul>
        </details>
      )}
      {preview.problems.length > 0 && (
        <div role="alert">
          <p className="field__error">
            {preview.problems.length} problem{preview.problems.length > 1 ? 's' : ''} in the first rows:
          </p>
          <ul className="problems" aria-label="Import problems">
            {preview.problems.slice(0, SHOWN_PROBLEMS).map((p, i) => (
              <li key={i}>{problemText(p)}</li>
            ))}
          </ul>
        </div>
      )}
      {preview.sample.length > 0 && <SampleTable preview={preview} />}
    </section>
  );
}

import { useEffect, useState } from 'react';
import { timestampFormats, type ImportOptions, type ImportPreview, type ImportResult } from '../../shared/api/source-schemas';
import { toErrorData } from '../../shared/api/errors';
import { getApi } from '../api/client';
import { useApp } from '../stores/app-store';
import { useDocument } from '../stores/document-store';
import { useNotice } from '../stores/notice-store';
import { useSources } from '../stores/sources-store';
import { Modal } from './Modal';

type Options = Pick<ImportOptions, 'format' | 'timestampFormat' | 'ambiguousTime' | 'nonexistentTime' | 'delimiter'> & { timeZone: string };

const DEFAULTS: Options = { format: 'auto', timestampFormat: 'auto', ambiguousTime: 'reject', nonexistentTime: 'reject', delimiter: 'auto', timeZone: '' };
const SHOWN_PROBLEMS = 20;
const SHOWN_SERIES = 12;

const messageOf = (e: unknown): string => toErrorData(e).message;

function request(options: Options): ImportOptions {
  const { timeZone, ...rest } = options;
  return { ...rest, field: 'value', ...(timeZone.trim() ? { timeZone: timeZone.trim() } : {}) };
}

function Select<T extends string>({
  id,
  label,
  value,
  choices,
  onChange,
}: {
  id: string;
  label: string;
  value: T;
  choices: readonly (readonly [T, string])[];
  onChange(v: T): void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as T)}>
        {choices.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

function PreviewView({ preview }: { preview: ImportPreview }) {
  const wide = preview.format !== 'csv-long';
  const columns = wide ? preview.series : [];
  return (
    <section aria-label="Import preview" className="import-preview">
      <p>
        {preview.format === 'csv-wide' ? 'CSV, one column per sensor' : preview.format === 'csv-long' ? 'CSV, one row per value' : 'Line protocol'}
        {preview.delimiter ? ` (delimiter ${preview.delimiter === '\t' ? 'tab' : `"${preview.delimiter}"`})` : ''}; timestamps read as{' '}
        <strong>{preview.timestampFormat}</strong>
        {preview.needsTimeZone ? ', without a UTC offset' : ''}. {preview.series.length} series.
      </p>
      {preview.series.length > 0 && (
        <p className="muted import-preview__series">
          {preview.series.slice(0, SHOWN_SERIES).join(', ')}
          {preview.series.length > SHOWN_SERIES ? ` and ${preview.series.length - SHOWN_SERIES} more` : ''}
        </p>
      )}
      {preview.problems.length > 0 && (
        <div role="alert">
          <p className="field__error">
            {preview.problems.length} problem{preview.problems.length > 1 ? 's' : ''} in the first rows:
          </p>
          <ul className="problems" aria-label="Import problems">
            {preview.problems.slice(0, SHOWN_PROBLEMS).map((p, i) => (
              <li key={i}>{p.line > 0 ? `line ${p.line}: ${p.message}` : p.message}</li>
            ))}
          </ul>
        </div>
      )}
      {preview.sample.length > 0 && (
        <div className="import-preview__table">
          <table aria-label="First rows as they would be imported">
            <thead>
              <tr>
                <th scope="col">line</th>
                <th scope="col">time (UTC)</th>
                {wide ? (
                  columns.map((c) => (
                    <th key={c} scope="col">
                      {c}
                    </th>
                  ))
                ) : (
                  <th scope="col">values</th>
                )}
              </tr>
            </thead>
            <tbody>
              {preview.sample.map((r) => (
                <tr key={r.line} title={r.raw}>
                  <td>{r.line}</td>
                  <td>{r.time ?? '—'}</td>
                  {wide ? columns.map((c, i) => <td key={c}>{r.values[i] ?? ''}</td>) : <td>{r.values.join(', ')}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function ResultView({ result }: { result: ImportResult }) {
  return (
    <section aria-label="Import result" className="import-result" aria-live="polite">
      <p>
        Imported <strong>{result.points.toLocaleString('en')}</strong> points into {result.series.length} series of the local store.
        {result.duplicates > 0 ? ` ${result.duplicates.toLocaleString('en')} replaced points already there.` : ''}
      </p>
      {result.skippedCount > 0 && (
        <>
          <p className="field__error">
            {result.skippedCount} problem{result.skippedCount > 1 ? 's' : ''}; what could not be read was left out:
          </p>
          <ul className="problems" aria-label="Left out">
            {result.skipped.slice(0, SHOWN_PROBLEMS).map((p, i) => (
              <li key={i}>
                line {p.line}: {p.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/**
 * Import a historian export (CSV wide or long, line protocol) into the local store: pick the file, see how its
 * first rows would land (format, timestamp reading, zone, problems by line), then import it all or nothing.
 * In Electron the file comes from the native dialog (main imports only what the user picked there); the web
 * host has none, so the path is typed.
 */
export function ImportDialog({ path: initialPath, onClose }: { path: string | null; onClose(): void }) {
  const nativeDialogs = useApp((s) => s.info?.nativeDialogs ?? false);
  const plantZone = useDocument((s) => s.twin.meta.timeZone);
  const [path, setPath] = useState(initialPath ?? '');
  const [options, setOptions] = useState<Options>(DEFAULTS);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'preview' | 'import' | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const file = path.trim();
  const set = <K extends keyof Options>(k: K, v: Options[K]) => {
    setOptions((o) => ({ ...o, [k]: v }));
    setResult(null);
  };

  // Preview again whenever the file or an option changes (typing pauses first).
  useEffect(() => {
    if (!file) {
      setPreview(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      setBusy('preview');
      getApi()
        .previewImport({ path: file, options: request(options) })
        .then(
          (p) => live && (setPreview(p), setError(null)),
          (e) => live && (setPreview(null), setError(messageOf(e))),
        )
        .finally(() => live && setBusy(null));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [file, options]);

  const choose = async () => {
    try {
      const { path: picked } = await getApi().chooseImportPath({});
      if (picked) {
        setPath(picked);
        setResult(null);
      }
    } catch (e) {
      setError(messageOf(e));
    }
  };

  const run = async () => {
    setBusy('import');
    setError(null);
    try {
      const r = await getApi().importFile({ path: file, options: request(options) });
      setResult(r);
      useNotice
        .getState()
        .say(`Imported ${r.points.toLocaleString('en')} points into ${r.series.length} series${r.skippedCount ? `, ${r.skippedCount} rows skipped` : ''}.`);
      const sources = useSources.getState();
      if (sources.active === 'local') void sources.loadCatalog();
      else sources.setActive('local');
    } catch (e) {
      setError(`Nothing was imported: ${messageOf(e)}`);
    } finally {
      setBusy(null);
    }
  };

  const fatal = preview === null || preview.sample.length === 0 || preview.series.length === 0;
  const zoneMissing = preview?.needsTimeZone === true && !options.timeZone.trim();
  return (
    <Modal title="Import historian data" onClose={onClose} className="modal--wide">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy && !fatal && !zoneMissing) void run();
        }}
      >
        <div className="field">
          <label htmlFor="import-path">File (CSV or line protocol)</label>
          <div className="field--row">
            <input
              id="import-path"
              autoFocus={!nativeDialogs}
              readOnly={nativeDialogs}
              value={path}
              onChange={(e) => {
                setPath(e.target.value);
                setResult(null);
              }}
              placeholder="/path/to/historian-export.csv"
            />
            {nativeDialogs && (
              <button type="button" onClick={() => void choose()}>
                Choose…
              </button>
            )}
          </div>
        </div>
        <div className="import-options">
          <Select
            id="import-format"
            label="Layout"
            value={options.format}
            onChange={(v) => set('format', v)}
            choices={[
              ['auto', 'Detect'],
              ['csv-wide', 'CSV, a column per sensor'],
              ['csv-long', 'CSV: time, sensor, value'],
              ['line-protocol', 'Line protocol'],
            ]}
          />
          <Select
            id="import-delimiter"
            label="Delimiter"
            value={options.delimiter}
            onChange={(v) => set('delimiter', v)}
            choices={[
              ['auto', 'Detect'],
              [',', 'Comma'],
              [';', 'Semicolon'],
              ['\t', 'Tab'],
            ]}
          />
          <Select
            id="import-timestamps"
            label="Timestamps"
            value={options.timestampFormat}
            onChange={(v) => set('timestampFormat', v)}
            choices={timestampFormats.map((f) => [f, f === 'auto' ? 'Detect (ISO or epoch)' : f] as const)}
          />
          <div className="field">
            <label htmlFor="import-zone">Time zone of times without an offset</label>
            <div className="field--row">
              <input
                id="import-zone"
                value={options.timeZone}
                onChange={(e) => set('timeZone', e.target.value)}
                placeholder="e.g. America/Chicago"
                aria-invalid={zoneMissing ? true : undefined}
              />
              <button type="button" onClick={() => set('timeZone', plantZone)} title={`The project's plant time zone: ${plantZone}`}>
                Use plant zone
              </button>
            </div>
          </div>
          <Select
            id="import-ambiguous"
            label="A wall time that occurs twice (DST ends)"
            value={options.ambiguousTime}
            onChange={(v) => set('ambiguousTime', v)}
            choices={[
              ['reject', 'Skip the row as an error'],
              ['earlier', 'The earlier instant'],
              ['later', 'The later instant'],
            ]}
          />
          <Select
            id="import-nonexistent"
            label="A wall time that does not exist (DST starts)"
            value={options.nonexistentTime}
            onChange={(v) => set('nonexistentTime', v)}
            choices={[
              ['reject', 'Skip the row as an error'],
              ['shift-forward', 'Shift forward by the gap'],
            ]}
          />
        </div>
        <p className="muted" aria-live="polite">
          {busy === 'preview' ? 'Reading the first rows…' : busy === 'import' ? 'Importing (all or nothing)…' : ''}
        </p>
        {error && (
          <p role="alert" className="field__error">
            {error}
          </p>
        )}
        {preview && <PreviewView preview={preview} />}
        {result && <ResultView result={result} />}
        <div className="button-row">
          <button type="button" onClick={onClose}>
            {result ? 'Close' : 'Cancel'}
          </button>
          <button type="submit" disabled={busy !== null || fatal || zoneMissing || result !== null}>
            Import
          </button>
        </div>
      </form>
    </Modal>
  );
}

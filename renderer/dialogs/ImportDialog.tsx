import { useEffect, useState } from 'react';
import type { ImportPreview, ImportProgressEvent, ImportResult } from '../../shared/api/source-schemas';
import { toErrorData } from '../../shared/api/errors';
import { getApi } from '../api/client';
import { useApp } from '../stores/app-store';
import { useDocument } from '../stores/document-store';
import { useNotice } from '../stores/notice-store';
import { useSources } from '../stores/sources-store';
import { Modal } from './Modal';
import { ImportOptionsForm, DEFAULT_FORM, importRequest, type ImportFormOptions } from './import/ImportOptionsForm';
import { ImportPreviewView } from './import/ImportPreviewView';
import { ImportResultView } from './import/ImportResultView';
import { progressText } from './import/import-text';
import './import/import-dialog.css';

/** Each dialog's imports run on a channel of its own, so progress events and cancel reach only it. */
let dialogs = 0;
const messageOf = (e: unknown): string => toErrorData(e).message;
const splitPaths = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');

/**
 * Import historian exports (PI, AVEVA, Niagara, Ignition, Kepware, plain CSV, line protocol) into the local
 * store: pick files or a folder, see how their first rows would land (layout, timestamp reading and zone,
 * gaps per state, problems by line), then import them all or nothing, with progress and cancel. In Electron
 * the files come from the native dialog (main imports only what the user picked there); the web host has none,
 * so the paths are typed.
 */
export function ImportDialog({ paths: initialPaths, onClose }: { paths: string[]; onClose(): void }) {
  const nativeDialogs = useApp((s) => s.info?.nativeDialogs ?? false);
  const plantZone = useDocument((s) => s.twin.meta.timeZone);
  const [pathText, setPathText] = useState(initialPaths.join('\n'));
  const [options, setOptions] = useState<ImportFormOptions>(DEFAULT_FORM);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'preview' | 'import' | null>(null);
  const [progress, setProgress] = useState<ImportProgressEvent | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [channel] = useState(() => `import-${++dialogs}`);
  const paths = splitPaths(pathText);
  const pathsKey = paths.join('\n');
  const set = <K extends keyof ImportFormOptions>(k: K, v: ImportFormOptions[K]) => {
    setOptions((o) => ({ ...o, [k]: v }));
    setResult(null);
  };

  // Preview again whenever the files or an option change (typing pauses first).
  useEffect(() => {
    if (!pathsKey) {
      setPreview(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      setBusy('preview');
      getApi()
        .previewImport({ paths: pathsKey.split('\n'), options: importRequest(options) })
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
  }, [pathsKey, options]);

  useEffect(() => getApi().on('importProgress', (p) => p.channel === channel && setProgress(p)), [channel]);

  const choose = async (folder: boolean) => {
    try {
      const { paths: picked } = await getApi().chooseImportPath({ folder });
      if (picked.length > 0) {
        setPathText(picked.join('\n'));
        setResult(null);
      }
    } catch (e) {
      setError(messageOf(e));
    }
  };

  const run = async () => {
    setBusy('import');
    setError(null);
    setProgress(null);
    try {
      const r = await getApi().importFile({ paths, options: importRequest(options), channel: channel });
      setResult(r);
      useNotice
        .getState()
        .say(
          `Imported ${r.points.toLocaleString('en')} points into ${r.series.length} series${r.gapCount ? `, ${r.gapCount} gaps` : ''}${r.skippedCount ? `, ${r.skippedCount} rows skipped` : ''}.`,
        );
      const sources = useSources.getState();
      if (sources.active === 'local') void sources.loadCatalog();
      else sources.setActive('local');
    } catch (e) {
      setError(toErrorData(e).kind === 'cancelled' ? 'Import cancelled: nothing was imported.' : `Nothing was imported: ${messageOf(e)}`);
    } finally {
      setBusy(null);
      setProgress(null);
    }
  };

  const cancel = () => void getApi().cancel({ channel: channel });
  const fatal = preview === null || preview.sample.length === 0 || preview.series.length === 0;
  const zoneMissing = preview?.needsTimeZone === true && !options.timeZone.trim();
  return (
    <Modal title="Import historian data" onClose={busy === 'import' ? cancel : onClose} className="modal--wide">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy && !fatal && !zoneMissing) void run();
        }}
      >
        <div className="field">
          <label htmlFor="import-path">Files or folders to import (one per line; CSV, TSV, TXT or line protocol)</label>
          <div className="field--row">
            <textarea
              id="import-path"
              rows={Math.min(4, Math.max(1, paths.length))}
              autoFocus={!nativeDialogs}
              readOnly={nativeDialogs}
              value={pathText}
              onChange={(e) => {
                setPathText(e.target.value);
                setResult(null);
              }}
              placeholder="/path/to/historian-export.csv"
            />
            {nativeDialogs && (
              <>
                <button type="button" onClick={() => void choose(false)}>
                  Choose files…
                </button>
                <button type="button" onClick={() => void choose(true)}>
                  Choose folder…
                </button>
              </>
            )}
          </div>
        </div>
        <ImportOptionsForm options={options} preview={preview} zoneMissing={zoneMissing} plantZone={plantZone} set={set} />
        <div aria-live="polite" className="import-status">
          {busy === 'preview' && <p className="muted">Reading the first rows…</p>}
          {busy === 'import' && (
            <>
              <progress
                aria-label="Import progress"
                max={progress?.totalBytes ?? preview?.totalBytes ?? 1}
                value={progress?.bytesRead ?? 0}
                className="import-progress"
              />
              <p className="muted">{progress ? progressText(progress) : 'Importing (all or nothing)…'}</p>
            </>
          )}
        </div>
        {error && (
          <p role="alert" className="field__error">
            {error}
          </p>
        )}
        {preview && <ImportPreviewView preview={preview} />}
        {result && <ImportResultView result={result} />}
        <div className="button-row">
          {busy === 'import' ? (
            <button type="button" onClick={cancel}>
              Cancel import
            </button>
          ) : (
            <button type="button" onClick={onClose}>
              {result ? 'Close' : 'Cancel'}
            </button>
          )}
          <button type="submit" disabled={busy !== null || fatal || zoneMissing || result !== null}>
            Import
          </button>
        </div>
      </form>
    </Modal>
  );
}

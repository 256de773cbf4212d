import { getApi } from '../api/client';
import { documentStore } from '../stores/document-store';
import { useNotice } from '../stores/notice-store';
import { fileName } from '../project/file-name';
import { openPath, runReplacing, save, saveAs, saveTo, showError } from '../project/project-actions';
import { Modal } from './Modal';

/** The file changed on disk (or already exists): the user decides, nothing is overwritten silently. */
export function ConflictDialog({ path, message, onClose }: { path: string; message: string; onClose(): void }) {
  return (
    <Modal title={`${fileName(path)} changed on disk`} role="alertdialog" onClose={onClose}>
      <p className="modal__message">{message}</p>
      <div className="button-row">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          onClick={() => {
            onClose();
            void saveAs();
          }}
        >
          Save as…
        </button>
        {documentStore.getState().path === path && (
          <button
            type="button"
            onClick={() => {
              onClose();
              void openPath(path);
            }}
          >
            Discard mine, reload from disk
          </button>
        )}
        <button
          type="button"
          className="danger"
          onClick={() => {
            onClose();
            void saveTo(path, true);
          }}
        >
          Overwrite
        </button>
      </div>
    </Modal>
  );
}

/** Unsaved work would be replaced: save it, drop it, or stay. */
export function ConfirmDiscardDialog({ action, path, onClose }: { action: 'new' | 'open' | 'open-demo' | 'open-path'; path?: string; onClose(): void }) {
  return (
    <Modal title="Unsaved changes" role="alertdialog" onClose={onClose}>
      <p className="modal__message">{documentStore.getState().twin.meta.name} has changes that are not saved.</p>
      <div className="button-row">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => {
            onClose();
            void runReplacing(action, path);
          }}
        >
          Don’t save
        </button>
        <button
          type="button"
          autoFocus
          onClick={async () => {
            onClose();
            if (await save()) await runReplacing(action, path);
          }}
        >
          Save
        </button>
      </div>
    </Modal>
  );
}

/** Work left by a session that did not close cleanly. */
export function RecoveryDialog({ entries, onClose }: { entries: { id: string; path: string | null; name: string; savedAt: number }[]; onClose(): void }) {
  const recover = async (id: string) => {
    onClose();
    try {
      const opened = await getApi().readRecovery({ id });
      documentStore.getState().load(opened.document, opened.path, opened.fingerprint, { unsaved: true });
      useNotice.getState().say(`Recovered ${opened.document.name}; save it to keep it.`);
      await getApi().discardRecovery({ id });
    } catch (e) {
      showError('Could not recover the project', e);
    }
  };
  return (
    <Modal title="Recover unsaved work?" onClose={onClose}>
      <p className="modal__message">Twin Studio did not close cleanly last time. These projects had unsaved changes:</p>
      <ul className="file-list" aria-label="Recoverable projects">
        {entries.map((e) => (
          <li key={e.id}>
            <strong>{e.name}</strong>{' '}
            <span className="muted">
              {e.path ? fileName(e.path) : 'never saved'}, {new Date(e.savedAt).toLocaleString()}
            </span>{' '}
            <button type="button" onClick={() => void recover(e.id)}>
              Recover
            </button>{' '}
            <button
              type="button"
              onClick={() => {
                void getApi().discardRecovery({ id: e.id });
                const rest = entries.filter((x) => x.id !== e.id);
                if (rest.length) useNotice.getState().show({ kind: 'recovery', entries: rest });
                else onClose();
              }}
            >
              Discard
            </button>
          </li>
        ))}
      </ul>
      <div className="button-row">
        <button type="button" onClick={onClose}>
          Later
        </button>
      </div>
    </Modal>
  );
}

import { useEffect, useState } from 'react';
import type { MethodOutput } from '../../shared/api/contract';
import { getApi } from '../api/client';
import { documentStore } from '../stores/document-store';
import { fileName, slug } from '../project/file-name';
import { openPath, saveTo, showError } from '../project/project-actions';
import { Modal } from './Modal';

type Listing = MethodOutput<'listProjects'>;

function useListing(): Listing | null {
  const [listing, setListing] = useState<Listing | null>(null);
  useEffect(() => {
    getApi()
      .listProjects({})
      .then(setListing, (e) => showError('Could not list projects', e));
  }, []);
  return listing;
}

/** "Open project" where the host has no native dialog (the web host): a path field, the workspace and recent files. */
export function OpenDialog({ onClose }: { onClose(): void }) {
  const listing = useListing();
  const [path, setPath] = useState('');
  const open = async (p: string) => {
    onClose();
    await openPath(p);
  };
  return (
    <Modal title="Open project" onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (path.trim()) void open(path.trim());
        }}
      >
        <div className="field">
          <label htmlFor="open-path">Project file path</label>
          <input
            id="open-path"
            autoFocus
            value={path}
            onChange={(e) => setPath(e.target.value)}
            placeholder={listing ? `${listing.folder}/plant.twin.json` : ''}
          />
        </div>
        {listing && listing.recent.length > 0 && (
          <>
            <h3>Recent</h3>
            <ul className="file-list" aria-label="Recent projects">
              {listing.recent.map((p) => (
                <li key={p}>
                  <button type="button" className="link" onClick={() => void open(p)} title={p}>
                    {fileName(p)}
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
        {listing && (
          <>
            <h3>In {listing.folder}</h3>
            {listing.files.length === 0 ? (
              <p className="muted">No projects saved here yet.</p>
            ) : (
              <ul className="file-list" aria-label="Projects in the workspace">
                {listing.files.map((f) => (
                  <li key={f.path}>
                    <button type="button" className="link" onClick={() => void open(f.path)} title={f.path}>
                      {f.name}
                    </button>{' '}
                    <span className="muted">{new Date(f.mtimeMs).toLocaleString()}</span>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
        <div className="button-row">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" disabled={!path.trim()}>
            Open
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** "Save as" without a native dialog: a path, defaulting to the workspace folder and the project's name. */
export function SaveAsDialog({ onClose }: { onClose(): void }) {
  const listing = useListing();
  const [path, setPath] = useState<string | null>(null);
  const suggested = listing ? `${listing.folder}/${slug(documentStore.getState().twin.meta.name)}.twin.json` : '';
  const value = path ?? suggested;
  const error = value && !value.toLowerCase().endsWith('.twin.json') ? 'Project files end in .twin.json.' : null;
  return (
    <Modal title="Save project as" onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!value || error) return;
          onClose();
          void saveTo(value);
        }}
      >
        <div className="field">
          <label htmlFor="save-path">Save to</label>
          <input id="save-path" autoFocus value={value} onChange={(e) => setPath(e.target.value)} aria-invalid={error ? true : undefined} />
          {error && <p className="field__error">{error}</p>}
        </div>
        <div className="button-row">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" disabled={!value || !!error}>
            Save
          </button>
        </div>
      </form>
    </Modal>
  );
}

import { useState } from 'react';
import type { PushConflictInfo } from '../../../shared/api/tenant-schemas';
import { Modal } from '../../dialogs/Modal';
import { ChangeSummaryView } from './ChangeSummaryView';
import { askOpenRevision, pushProject } from './tenant-actions';
import { useTenants } from './tenant-store';

const when = (ms: number): string => new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * Someone pushed in between: who, what and when, what changed on the tenant since this copy's base, and
 * what pushing over it would undo. The way out is to open their revision, or to push over it after
 * confirming (a second, explicit step).
 */
export function PushConflictDialog({
  conflict,
  message,
  tenantId,
  onClose,
}: {
  conflict: PushConflictInfo;
  message: string;
  tenantId: string;
  onClose(): void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [pushMessage, setPushMessage] = useState('');
  const busy = useTenants((s) => s.busy === 'push' || s.busy === 'pull');
  const head = conflict.head;
  return (
    <Modal title="Someone else pushed first" role="alertdialog" onClose={onClose} className="modal--wide tenant-conflict">
      <p className="modal__message">{message}</p>
      {head && (
        <dl className="tenant-facts" aria-label="Remote revision">
          <dt>Revision</dt>
          <dd>{head.revision}</dd>
          <dt>Pushed by</dt>
          <dd>{head.by}</dd>
          <dt>When</dt>
          <dd>{when(head.at)}</dd>
          <dt>Message</dt>
          <dd>{head.message || '—'}</dd>
        </dl>
      )}
      {conflict.theirs && <ChangeSummaryView summary={conflict.theirs} label={`Changes on the tenant since revision ${conflict.base ?? '?'}`} />}
      {conflict.overwrite && (
        <details open={confirming}>
          <summary>What pushing over it would change on the tenant</summary>
          <ChangeSummaryView summary={conflict.overwrite} label="What pushing over it would change" />
        </details>
      )}
      {confirming ? (
        <form
          aria-label="Push over the remote revision"
          onSubmit={(e) => {
            e.preventDefault();
            if (pushMessage.trim())
              void pushProject(tenantId, pushMessage.trim(), { overwrite: { headRevision: head?.revision ?? null }, otherTenantConfirmed: true });
          }}
        >
          <div className="field">
            <label htmlFor="overwrite-message">Why you push over revision {head?.revision ?? '(none)'}</label>
            <textarea id="overwrite-message" autoFocus rows={2} required value={pushMessage} onChange={(e) => setPushMessage(e.target.value)} />
          </div>
          <div className="button-row">
            <button type="button" onClick={() => setConfirming(false)}>
              Back
            </button>
            <button type="submit" className="danger" disabled={busy || !pushMessage.trim()}>
              Push over revision {head?.revision ?? ''}
            </button>
          </div>
        </form>
      ) : (
        <div className="button-row">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          {head && (
            <button type="button" autoFocus disabled={busy} onClick={() => askOpenRevision(tenantId, conflict.twinId, head.revision)}>
              Open remote revision
            </button>
          )}
          {conflict.reason !== 'other-tenant' && (
            <button type="button" className="danger" onClick={() => setConfirming(true)}>
              Push over it…
            </button>
          )}
        </div>
      )}
    </Modal>
  );
}

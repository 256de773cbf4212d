import { Modal } from '../../dialogs/Modal';
import { useDocument } from '../../stores/document-store';
import { PushConflictDialog } from './PushConflictDialog';
import { PushDialog } from './PushDialog';
import { TenantForm } from './TenantForm';
import { openRevision } from './tenant-actions';
import { useTenants } from './tenant-store';

/** The tenant feature's dialogs, one at a time, whichever panel is open. */
export function TenantDialogs() {
  const dialog = useTenants((s) => s.dialog);
  const name = useDocument((s) => s.twin.meta.name);
  const close = () => useTenants.getState().show(null);
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'edit':
      return <TenantForm id={dialog.id} onClose={close} />;
    case 'push':
      return <PushDialog tenantId={dialog.tenant} onClose={close} />;
    case 'conflict':
      return <PushConflictDialog conflict={dialog.conflict} message={dialog.message} tenantId={dialog.tenant} onClose={close} />;
    case 'open-revision':
      return (
        <Modal title="Unsaved changes" role="alertdialog" onClose={close}>
          <p className="modal__message">
            {name} has changes that are not saved. Opening {dialog.revision === null ? 'the head' : `revision ${dialog.revision}`} from the tenant replaces
            them.
          </p>
          <div className="button-row">
            <button type="button" autoFocus onClick={close}>
              Cancel
            </button>
            <button type="button" className="danger" onClick={() => void openRevision(dialog.tenant, dialog.twinId, dialog.revision)}>
              Discard my changes and open
            </button>
          </div>
        </Modal>
      );
    case 'delete':
      return (
        <Modal title="Delete tenant profile?" role="alertdialog" onClose={close}>
          <p className="modal__message">The profile and its stored secrets are removed from this computer. Nothing changes on the tenant itself.</p>
          <div className="button-row">
            <button type="button" autoFocus onClick={close}>
              Cancel
            </button>
            <button
              type="button"
              className="danger"
              onClick={() => {
                close();
                void useTenants.getState().remove(dialog.id);
              }}
            >
              Delete
            </button>
          </div>
        </Modal>
      );
  }
}

import { useState, type FormEvent } from 'react';
import { Modal } from '../../dialogs/Modal';
import { useDocument } from '../../stores/document-store';
import { pushProject } from './tenant-actions';
import { useTenants } from './tenant-store';
import type { TenantLink } from '../../../shared/tenant/tenant-link';

function linkOf(meta: Record<string, unknown>): TenantLink | null {
  const t = meta.tenant as Partial<TenantLink> | undefined;
  return t && typeof t.key === 'string' && typeof t.revision === 'number' ? (t as TenantLink) : null;
}

/** Push the open project to a tenant with a message; Ctrl+Enter pushes from the message box. */
export function PushDialog({ tenantId, onClose }: { tenantId: string; onClose(): void }) {
  const tenant = useTenants((s) => s.listing?.tenants.find((t) => t.id === tenantId) ?? null);
  const error = useTenants((s) => s.error);
  const busy = useTenants((s) => s.busy === 'push');
  const meta = useDocument((s) => s.twin.meta);
  const [message, setMessage] = useState('');
  const [confirmOther, setConfirmOther] = useState(false);
  const link = linkOf(meta);
  const other = link && tenant && link.key !== tenant.key ? link : null;

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (!tenant || !message.trim() || busy || (other && !confirmOther)) return;
    await pushProject(tenant.id, message.trim(), { otherTenantConfirmed: confirmOther });
  };

  return (
    <Modal title={`Push to ${tenant?.name ?? 'tenant'}`} onClose={onClose} className="tenant-push">
      <form aria-label="Push to tenant" onSubmit={submit}>
        <p className="modal__message">
          {meta.name} (twin <code>{meta.id}</code>){' '}
          {link && !other ? `as the revision after ${link.revision}.` : link ? '.' : 'as a new twin on this tenant (or its first revision here).'}
        </p>
        {other && (
          <div className="tenant-warning" role="alert">
            <p>
              This project was pushed to tenant <strong>{other.name}</strong> ({other.key}). Pushing it to <strong>{tenant?.name}</strong> makes a separate copy
              of the twin there.
            </p>
            <div className="field field--check">
              <input id="push-confirm-other" type="checkbox" checked={confirmOther} onChange={(e) => setConfirmOther(e.target.checked)} />
              <label htmlFor="push-confirm-other">Yes, push it to {tenant?.name} as well</label>
            </div>
          </div>
        )}
        <div className="field">
          <label htmlFor="push-message">What changed</label>
          <textarea
            id="push-message"
            autoFocus
            rows={3}
            required
            value={message}
            placeholder="Bound the CT-2 fan power; replaced P-3"
            onChange={(e) => setMessage(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit();
            }}
          />
        </div>
        {error && (
          <p role="alert" className="field__error">
            {error.message}
          </p>
        )}
        <div className="button-row">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" disabled={busy || !message.trim() || Boolean(other && !confirmOther)}>
            {busy ? 'Pushing…' : 'Push'}
          </button>
        </div>
      </form>
    </Modal>
  );
}

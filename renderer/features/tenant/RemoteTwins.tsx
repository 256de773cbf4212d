import type { RemoteHead, RevisionInfo } from '../../../shared/api/tenant-schemas';
import { askOpenRevision } from './tenant-actions';
import { useTenants } from './tenant-store';

const when = (ms: number): string => new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A twin's revisions on the tenant, newest first: who, when, message, and Open. */
export function RevisionsList({ tenant, twinId, head, revisions }: { tenant: string; twinId: string; head: RemoteHead | null; revisions: RevisionInfo[] }) {
  const busy = useTenants((s) => s.busy !== null);
  if (!head) return <p className="muted">The tenant has no twin {twinId} yet: push creates it.</p>;
  return (
    <ol className="tenant-list" aria-label={`Revisions of ${head.name}`}>
      {revisions.map((r) => (
        <li key={r.revision} data-revision={r.revision}>
          <div className="tenant-list__text">
            <strong>
              Revision {r.revision}
              {r.revision === head.revision ? ' (head)' : ''}
            </strong>{' '}
            <span className="muted">
              {r.author}, {when(r.createdAt)}
            </span>
            <span className="tenant-list__message">{r.message}</span>
          </div>
          <button type="button" disabled={busy} aria-label={`Open revision ${r.revision}`} onClick={() => askOpenRevision(tenant, twinId, r.revision)}>
            Open
          </button>
        </li>
      ))}
    </ol>
  );
}

/** The tenant's twins, latest first, each openable at its head. */
export function RemoteTwinsList({ tenant, twins }: { tenant: string; twins: RemoteHead[] }) {
  const busy = useTenants((s) => s.busy !== null);
  if (!twins.length) return <p className="muted">No twins on this tenant yet.</p>;
  return (
    <ul className="tenant-list" aria-label="Twins on the tenant">
      {twins.map((t) => (
        <li key={t.twinId}>
          <div className="tenant-list__text">
            <strong>{t.name}</strong> <span className="muted">revision {t.revision}</span>
            <span className="muted">
              {t.updatedBy}, {when(t.updatedAt)}
            </span>
          </div>
          <button
            type="button"
            disabled={busy}
            aria-label={`Revisions of ${t.name}`}
            onClick={() => void useTenants.getState().loadRevisions(tenant, t.twinId)}
          >
            Revisions
          </button>
          <button type="button" disabled={busy} aria-label={`Open ${t.name}`} onClick={() => askOpenRevision(tenant, t.twinId, null)}>
            Open
          </button>
        </li>
      ))}
    </ul>
  );
}

/** Twins pushed or pulled lately with this tenant (each tenant has its own list). */
export function RecentTwinsList({ tenant, recent }: { tenant: string; recent: { twinId: string; name: string; revision: number; at: number }[] }) {
  const busy = useTenants((s) => s.busy !== null);
  if (!recent.length) return null;
  return (
    <ul className="tenant-list" aria-label="Recent twins">
      {recent.map((t) => (
        <li key={t.twinId}>
          <div className="tenant-list__text">
            <strong>{t.name}</strong> <span className="muted">revision {t.revision}</span>
            <span className="muted">{when(t.at)}</span>
          </div>
          <button type="button" disabled={busy} aria-label={`Open the head of ${t.name}`} onClick={() => askOpenRevision(tenant, t.twinId, null)}>
            Open
          </button>
        </li>
      ))}
    </ul>
  );
}

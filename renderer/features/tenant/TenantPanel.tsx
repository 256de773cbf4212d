import { useEffect } from 'react';
import type { TenantInfo } from '../../../shared/api/tenant-schemas';
import type { MaskedSecret } from '../../../shared/tenant/tenant-schema';
import { useDocument } from '../../stores/document-store';
import { ChangeSummaryView } from './ChangeSummaryView';
import { ConnectionReport } from './ConnectionReport';
import { RecentTwinsList, RemoteTwinsList, RevisionsList } from './RemoteTwins';
import { compareWithTenant } from './tenant-actions';
import { selectSelectedTenant, useTenants } from './tenant-store';
import './tenant.css';

function secretText(s: MaskedSecret | undefined): string {
  if (!s) return 'none';
  // The key file's full path is in the note at the foot of the panel; here the place is enough.
  const from = s.from === 'keychain' ? 'OS keychain' : s.from === 'env' ? `env ${s.where}` : 'key file';
  return s.state === 'set' ? `${s.masked} (${from})` : `${s.state} (${from})`;
}

function Profile({ t }: { t: TenantInfo }) {
  const i = t.influx;
  return (
    <dl className="tenant-facts" aria-label="Tenant profile">
      <dt>InfluxDB</dt>
      <dd>
        {i
          ? `${i.kind === 'influx1' ? '1.x' : '2.x'} ${i.url} · ${i.kind === 'influx1' ? `database ${i.database}${i.username ? ` · user ${i.username}` : ''}` : `${i.org} / ${i.bucket}`}`
          : 'none'}
      </dd>
      {i?.kind === 'influx1' && (
        <>
          <dt>InfluxDB password</dt>
          <dd>{secretText(t.secrets.influxPassword)}</dd>
        </>
      )}
      {i?.kind === 'influx2' && (
        <>
          <dt>InfluxDB token</dt>
          <dd>{secretText(t.secrets.influxToken)}</dd>
        </>
      )}
      <dt>MongoDB</dt>
      <dd>
        {t.mongo.where} · database {t.mongo.database}
      </dd>
      <dt>MongoDB password</dt>
      <dd>{secretText(t.secrets.mongoPassword)}</dd>
      <dt>Pushed by</dt>
      <dd>{t.author}</dd>
    </dl>
  );
}

function ProjectSection({ t }: { t: TenantInfo }) {
  const twinId = useDocument((s) => s.twin.meta.id);
  const link = useDocument((s) => s.twin.meta.tenant as { key?: string; name?: string; revision?: number } | undefined);
  const busy = useTenants((s) => s.busy);
  const revisions = useTenants((s) => (s.revisions && s.revisions.tenant === t.id && s.revisions.twinId === twinId ? s.revisions : null));
  const comparison = useTenants((s) => (s.comparison?.tenant === t.id ? s.comparison.result : null));
  const recorded =
    link?.key === t.key
      ? `Based on revision ${link.revision} of this tenant.`
      : link?.key
        ? `Recorded for another tenant: ${link.name ?? link.key} (revision ${link.revision}).`
        : 'Not pushed to a tenant yet.';
  return (
    <section className="tenant-section" aria-label="This project on the tenant">
      <h3>This project</h3>
      <p>
        Twin <code>{twinId}</code>. {recorded}
      </p>
      <div className="button-row button-row--start">
        <button type="button" disabled={busy !== null} onClick={() => useTenants.getState().show({ kind: 'push', tenant: t.id })}>
          Push…
        </button>
        <button type="button" disabled={busy !== null} onClick={() => void compareWithTenant(t.id)}>
          {busy === 'compare' ? 'Comparing…' : 'Compare with tenant'}
        </button>
        <button type="button" disabled={busy !== null} onClick={() => void useTenants.getState().loadRevisions(t.id, twinId)}>
          {busy === 'revisions' ? 'Loading…' : 'Revisions'}
        </button>
      </div>
      {comparison && (
        <div className="tenant-comparison">
          {comparison.head ? (
            <p>
              Tenant head: revision {comparison.head.revision} by {comparison.head.updatedBy}
              {comparison.base !== null && comparison.base !== comparison.head.revision ? ` (your copy is based on ${comparison.base})` : ''}. Pushing would
              change:
            </p>
          ) : (
            <p className="muted">The tenant has no twin {twinId} yet.</p>
          )}
          {comparison.otherTenant && (
            <p className="tenant-warning">
              This project records another tenant: {comparison.otherTenant.name} (revision {comparison.otherTenant.revision}).
            </p>
          )}
          {comparison.summary && <ChangeSummaryView summary={comparison.summary} label="Differences from the tenant's head" />}
        </div>
      )}
      {revisions && <RevisionsList tenant={t.id} twinId={twinId} head={revisions.head} revisions={revisions.revisions} />}
    </section>
  );
}

/** The Tenant panel: profiles (secrets masked), connection tests, push, revisions, remote twins, differences. */
export function TenantPanel() {
  const listing = useTenants((s) => s.listing);
  const selected = useTenants(selectSelectedTenant);
  const report = useTenants((s) => (s.selected ? s.reports[s.selected] : undefined));
  const testing = useTenants((s) => s.testing !== null && s.testing === s.selected);
  const remote = useTenants((s) => (s.remote && s.remote.tenant === s.selected ? s.remote.twins : null));
  const twinId = useDocument((s) => s.twin.meta.id);
  // Revisions of another twin than the open project's, asked for from the list of the tenant's twins.
  const otherRevisions = useTenants((s) => (s.revisions && s.revisions.tenant === s.selected && s.revisions.twinId !== twinId ? s.revisions : null));
  const error = useTenants((s) => s.error);
  const busy = useTenants((s) => s.busy);
  useEffect(() => {
    void useTenants.getState().refresh();
  }, []);
  const active = listing?.active ?? null;
  const readOnly = listing?.readOnly ?? null;

  return (
    <section className="panel tenant" aria-label="Tenant">
      <h2 className="panel__title">Tenant</h2>
      {listing?.notices.map((n) => (
        <p key={n} className="tenant-warning">
          {n}
        </p>
      ))}
      {readOnly && <p className="tenant-warning">{readOnly}</p>}
      <div className="field field--row">
        <label htmlFor="tenant-select">Profile</label>
        <select id="tenant-select" value={selected?.id ?? ''} onChange={(e) => useTenants.getState().select(e.target.value || null)}>
          {!listing?.tenants.length && <option value="">No tenants yet</option>}
          {listing?.tenants.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
              {t.id === active ? ' (active)' : ''}
            </option>
          ))}
        </select>
      </div>
      <div className="button-row button-row--start">
        <button type="button" disabled={Boolean(readOnly)} onClick={() => useTenants.getState().show({ kind: 'edit', id: null })}>
          Add tenant…
        </button>
        {selected && (
          <>
            <button type="button" disabled={Boolean(readOnly)} onClick={() => useTenants.getState().show({ kind: 'edit', id: selected.id })}>
              Edit…
            </button>
            <button type="button" disabled={Boolean(readOnly)} onClick={() => useTenants.getState().show({ kind: 'delete', id: selected.id })}>
              Delete…
            </button>
          </>
        )}
      </div>
      {selected && (
        <>
          <Profile t={selected} />
          <p className="tenant-active">
            {selected.id === active ? (
              <>
                <strong>Working for this tenant.</strong>{' '}
                <button type="button" disabled={busy !== null} onClick={() => void useTenants.getState().activate(null)}>
                  Work offline
                </button>
              </>
            ) : (
              <button type="button" disabled={busy !== null} onClick={() => void useTenants.getState().activate(selected.id)}>
                {busy === 'activate' ? 'Connecting its InfluxDB…' : 'Work for this tenant'}
              </button>
            )}
          </p>
          <div className="button-row button-row--start">
            <button type="button" disabled={testing} onClick={() => void useTenants.getState().test(selected.id)}>
              {testing ? 'Testing…' : 'Test connection'}
            </button>
          </div>
          {testing && (
            <p className="muted" role="status">
              Testing the InfluxDB and the MongoDB of {selected.name}…
            </p>
          )}
          {report && !testing && <ConnectionReport report={report} />}
          <ProjectSection t={selected} />
          <section className="tenant-section" aria-label="Twins on the tenant">
            <h3>Twins on the tenant</h3>
            <button type="button" disabled={busy !== null} onClick={() => void useTenants.getState().loadRemote(selected.id)}>
              {busy === 'remote' ? 'Loading…' : 'List twins'}
            </button>
            {remote && <RemoteTwinsList tenant={selected.id} twins={remote} />}
            {otherRevisions && (
              <RevisionsList tenant={selected.id} twinId={otherRevisions.twinId} head={otherRevisions.head} revisions={otherRevisions.revisions} />
            )}
            {selected.id === active && listing && listing.recent.length > 0 && (
              <>
                <h3>Recent with this tenant</h3>
                <RecentTwinsList tenant={selected.id} recent={listing.recent} />
              </>
            )}
          </section>
        </>
      )}
      {error && (
        <p role="alert" className="field__error tenant-error">
          {error.message}
        </p>
      )}
      {listing && <p className="muted tenant-storage">{listing.secretStorage.description}</p>}
    </section>
  );
}

import { useState, type FormEvent } from 'react';
import type { SourceProfile } from '../../shared/api/source-schemas';
import { useSources } from '../stores/sources-store';

/** Connect an InfluxDB (1.x with InfluxQL, or 2.x / Cloud with Flux). Secrets go to the main process only. */
export function ConnectSourceForm({ onDone }: { onDone(): void }) {
  const [kind, setKind] = useState<'influx1' | 'influx2'>('influx1');
  const [busy, setBusy] = useState(false);
  const [f, setF] = useState({
    name: 'Plant historian',
    url: 'http://127.0.0.1:8086',
    database: '',
    username: '',
    password: '',
    org: '',
    bucket: '',
    token: '',
  });
  const bind = (k: keyof typeof f) => ({ value: f[k], onChange: (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value }) });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const profile: SourceProfile =
      kind === 'influx1'
        ? { kind, name: f.name, url: f.url, database: f.database, timeoutMs: 30_000, ...(f.username ? { username: f.username, password: f.password } : {}) }
        : { kind, name: f.name, url: f.url, org: f.org, bucket: f.bucket, token: f.token, timeoutMs: 30_000 };
    const info = await useSources.getState().connect(profile);
    setBusy(false);
    // The password field is cleared either way: it lives in the main process from now on.
    setF((x) => ({ ...x, password: '', token: '' }));
    if (info) onDone();
  };
  return (
    <form className="connect-form" onSubmit={submit} aria-label="Connect a data source">
      <div className="field field--row">
        <label htmlFor="cs-kind">Server</label>
        <select id="cs-kind" value={kind} onChange={(e) => setKind(e.target.value as 'influx1' | 'influx2')}>
          <option value="influx1">InfluxDB 1.x (InfluxQL)</option>
          <option value="influx2">InfluxDB 2.x / Cloud (Flux)</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="cs-name">Name</label>
        <input id="cs-name" {...bind('name')} />
      </div>
      <div className="field">
        <label htmlFor="cs-url">URL</label>
        <input id="cs-url" {...bind('url')} />
      </div>
      {kind === 'influx1' ? (
        <>
          <div className="field">
            <label htmlFor="cs-db">Database</label>
            <input id="cs-db" {...bind('database')} />
          </div>
          <div className="field">
            <label htmlFor="cs-user">User (optional)</label>
            <input id="cs-user" autoComplete="username" {...bind('username')} />
          </div>
          <div className="field">
            <label htmlFor="cs-password">Password</label>
            <input id="cs-password" type="password" autoComplete="current-password" {...bind('password')} />
          </div>
        </>
      ) : (
        <>
          <div className="field">
            <label htmlFor="cs-org">Organization</label>
            <input id="cs-org" {...bind('org')} />
          </div>
          <div className="field">
            <label htmlFor="cs-bucket">Bucket</label>
            <input id="cs-bucket" {...bind('bucket')} />
          </div>
          <div className="field">
            <label htmlFor="cs-token">Token</label>
            <input id="cs-token" type="password" autoComplete="off" {...bind('token')} />
          </div>
        </>
      )}
      <div className="button-row">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" disabled={busy}>
          {busy ? 'Checking…' : 'Connect'}
        </button>
      </div>
    </form>
  );
}

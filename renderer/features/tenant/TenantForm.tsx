import { useState, type FormEvent } from 'react';
import type { TenantInfo, TenantInput } from '../../../shared/api/tenant-schemas';
import type { SecretName } from '../../../shared/tenant/tenant-schema';
import { Modal } from '../../dialogs/Modal';
import { emptyDraft, secretInput, SecretField, type SecretDraft } from './SecretField';
import { useTenants } from './tenant-store';
import { formatMongoUri, MongoUriError, parseMongoUri } from '../../../shared/tenant/mongo-uri';

type InfluxKind = 'none' | 'influx1' | 'influx2';

interface Fields {
  name: string;
  author: string;
  influxKind: InfluxKind;
  influxUrl: string;
  database: string;
  username: string;
  org: string;
  bucket: string;
  mongoUri: string;
  mongoDatabase: string;
}

function fieldsOf(t: TenantInfo | null): Fields {
  const i = t?.influx;
  return {
    name: t?.name ?? '',
    author: t?.author ?? '',
    influxKind: i?.kind ?? 'influx1',
    influxUrl: i?.url ?? 'http://127.0.0.1:8086',
    database: i?.kind === 'influx1' ? i.database : '',
    username: i?.kind === 'influx1' ? (i.username ?? '') : '',
    org: i?.kind === 'influx2' ? i.org : '',
    bucket: i?.kind === 'influx2' ? i.bucket : '',
    mongoUri: t?.mongo.uri ?? 'mongodb://127.0.0.1:27017/',
    mongoDatabase: t?.mongo.database ?? 'twins',
  };
}

function toInput(id: string | null, f: Fields, drafts: Record<SecretName, SecretDraft>): TenantInput {
  const influx: TenantInput['influx'] =
    f.influxKind === 'influx1'
      ? { kind: 'influx1', url: f.influxUrl.trim(), database: f.database.trim(), ...(f.username.trim() ? { username: f.username.trim() } : {}) }
      : f.influxKind === 'influx2'
        ? { kind: 'influx2', url: f.influxUrl.trim(), org: f.org.trim(), bucket: f.bucket.trim() }
        : null;
  const secrets: TenantInput['secrets'] = {};
  const names: SecretName[] = [
    'mongoPassword',
    ...(f.influxKind === 'influx1' ? (['influxPassword'] as const) : []),
    ...(f.influxKind === 'influx2' ? (['influxToken'] as const) : []),
  ];
  for (const n of names) {
    const s = secretInput(drafts[n]);
    if (s) secrets[n] = s;
  }
  return {
    ...(id ? { id } : {}),
    name: f.name.trim(),
    ...(f.author.trim() ? { author: f.author.trim() } : {}),
    influx,
    mongo: { uri: f.mongoUri.trim(), database: f.mongoDatabase.trim() },
    secrets,
  };
}

/** Add or edit a tenant: its InfluxDB and its MongoDB. Typed secrets go to the main process once and are dropped here. */
export function TenantForm({ id, onClose }: { id: string | null; onClose(): void }) {
  const listing = useTenants((s) => s.listing);
  const existing = listing?.tenants.find((t) => t.id === id) ?? null;
  const storage = listing?.secretStorage.description ?? '';
  const [f, setF] = useState<Fields>(() => fieldsOf(existing));
  const [drafts, setDrafts] = useState<Record<SecretName, SecretDraft>>(() => ({
    influxPassword: emptyDraft(existing?.secrets.influxPassword),
    influxToken: emptyDraft(existing?.secrets.influxToken),
    mongoPassword: emptyDraft(existing?.secrets.mongoPassword),
  }));
  const [busy, setBusy] = useState(false);
  const error = useTenants((s) => s.error);
  // Updates are functions of the previous state: a blur and the next keystroke can land before a render.
  const bind = (k: keyof Fields) => ({
    value: f[k],
    onChange: (e: { target: { value: string } }) => {
      const value = e.target.value;
      setF((prev) => ({ ...prev, [k]: value }));
    },
  });
  const draft = (n: SecretName) => ({
    draft: drafts[n],
    onChange: (d: SecretDraft) => setDrafts((prev) => ({ ...prev, [n]: d })),
    existing: existing?.secrets[n],
  });

  // A password pasted inside the connection string moves to the password field as soon as the field is left,
  // so it is not shown in clear on the screen.
  const takePasswordOut = () => {
    try {
      const uri = parseMongoUri(f.mongoUri);
      if (uri.password === undefined) return;
      const password = uri.password;
      setDrafts((prev) => ({ ...prev, mongoPassword: { ...prev.mongoPassword, mode: 'type', value: password } }));
      setF((prev) => ({ ...prev, mongoUri: formatMongoUri(uri, undefined) }));
    } catch (e) {
      if (!(e instanceof MongoUriError)) throw e;
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const input = toInput(id, f, drafts);
    // The typed secrets leave the form now, whatever happens next.
    setDrafts((d) => Object.fromEntries(Object.entries(d).map(([k, v]) => [k, { ...v, value: '' }])) as Record<SecretName, SecretDraft>);
    const saved = await useTenants.getState().save(input);
    setBusy(false);
    if (!saved) return;
    onClose();
    const selected = useTenants.getState().selected;
    if (selected) void useTenants.getState().test(selected);
  };

  return (
    <Modal title={id ? `Tenant ${existing?.name ?? ''}` : 'Add a tenant'} onClose={onClose} className="modal--wide tenant-form-dialog">
      <form className="tenant-form" aria-label="Tenant settings" onSubmit={submit}>
        <div className="tenant-form__stores">
          <div className="field">
            <label htmlFor="tenant-name">Name</label>
            <input id="tenant-name" autoFocus required {...bind('name')} />
          </div>
          <div className="field">
            <label htmlFor="tenant-author">Pushed by (empty: your user name)</label>
            <input id="tenant-author" {...bind('author')} />
          </div>
        </div>
        <div className="tenant-form__stores">
          <fieldset>
            <legend>InfluxDB (sensor data)</legend>
            <div className="field field--row">
              <label htmlFor="tenant-influx-kind">Server</label>
              <select id="tenant-influx-kind" value={f.influxKind} onChange={(e) => setF((prev) => ({ ...prev, influxKind: e.target.value as InfluxKind }))}>
                <option value="influx1">InfluxDB 1.x (InfluxQL)</option>
                <option value="influx2">InfluxDB 2.x / Cloud (Flux)</option>
                <option value="none">None</option>
              </select>
            </div>
            {f.influxKind !== 'none' && (
              <div className="field">
                <label htmlFor="tenant-influx-url">InfluxDB URL</label>
                <input id="tenant-influx-url" spellCheck={false} required {...bind('influxUrl')} />
              </div>
            )}
            {f.influxKind === 'influx1' && (
              <>
                <div className="field">
                  <label htmlFor="tenant-influx-db">Database</label>
                  <input id="tenant-influx-db" spellCheck={false} required {...bind('database')} />
                </div>
                <div className="field">
                  <label htmlFor="tenant-influx-user">User (optional)</label>
                  <input id="tenant-influx-user" spellCheck={false} autoComplete="off" {...bind('username')} />
                </div>
                <SecretField label="InfluxDB password" {...draft('influxPassword')} />
              </>
            )}
            {f.influxKind === 'influx2' && (
              <>
                <div className="field">
                  <label htmlFor="tenant-influx-org">Organization</label>
                  <input id="tenant-influx-org" spellCheck={false} required {...bind('org')} />
                </div>
                <div className="field">
                  <label htmlFor="tenant-influx-bucket">Bucket</label>
                  <input id="tenant-influx-bucket" spellCheck={false} required {...bind('bucket')} />
                </div>
                <SecretField label="InfluxDB token" {...draft('influxToken')} />
              </>
            )}
          </fieldset>
          <fieldset>
            <legend>MongoDB (twins)</legend>
            <div className="field">
              <label htmlFor="tenant-mongo-uri">Connection string</label>
              <input id="tenant-mongo-uri" spellCheck={false} autoComplete="off" required {...bind('mongoUri')} onBlur={takePasswordOut} />
              <p className="muted field__hint">A password in it moves to the MongoDB password below.</p>
            </div>
            <div className="field">
              <label htmlFor="tenant-mongo-db">MongoDB database</label>
              <input id="tenant-mongo-db" spellCheck={false} required {...bind('mongoDatabase')} />
            </div>
            <SecretField label="MongoDB password" {...draft('mongoPassword')} />
          </fieldset>
        </div>
        <p className="muted field__hint tenant-form__storage">{storage}</p>
        {error && (
          <p role="alert" className="field__error">
            {error.message}
          </p>
        )}
        <div className="button-row">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" disabled={busy}>
            {busy ? 'Saving…' : 'Save and test'}
          </button>
        </div>
      </form>
    </Modal>
  );
}

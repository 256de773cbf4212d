import { useId } from 'react';
import type { SecretInput } from '../../../shared/api/tenant-schemas';
import type { MaskedSecret } from '../../../shared/tenant/tenant-schema';

export type SecretMode = 'keep' | 'type' | 'env' | 'key-file' | 'none';

export interface SecretDraft {
  mode: SecretMode;
  /** Typed secret: lives only in this form until it is sent to the main process, then is dropped. */
  value: string;
  env: string;
  keyFile: string;
  key: string;
}

export function emptyDraft(existing: MaskedSecret | undefined): SecretDraft {
  return { mode: existing ? 'keep' : 'type', value: '', env: '', keyFile: '', key: '' };
}

/** What the form sends for a secret; undefined keeps what is there. */
export function secretInput(d: SecretDraft): SecretInput | undefined {
  switch (d.mode) {
    case 'keep':
      return undefined;
    case 'type':
      return d.value ? { value: d.value } : undefined;
    case 'env':
      return { env: d.env.trim() };
    case 'key-file':
      return d.key.trim() ? { keyFile: d.keyFile.trim(), key: d.key.trim() } : { keyFile: d.keyFile.trim() };
    case 'none':
      return { clear: true };
  }
}

function describeExisting(s: MaskedSecret): string {
  const from = s.from === 'keychain' ? 'kept in the OS keychain' : s.from === 'env' ? `from environment variable ${s.where}` : `from key file ${s.where}`;
  if (s.state === 'set') return `${s.masked} ${from}`;
  return `${s.state === 'missing' ? 'missing' : 'unreadable'}: ${s.problem ?? from}`;
}

/** A secret in the tenant form: keep it, type it (sent once, never shown again), or say where it is. */
export function SecretField({
  label,
  existing,
  draft,
  onChange,
}: {
  label: string;
  existing: MaskedSecret | undefined;
  draft: SecretDraft;
  onChange(d: SecretDraft): void;
}) {
  const id = useId();
  const set = (patch: Partial<SecretDraft>) => onChange({ ...draft, ...patch });
  return (
    <fieldset className="secret-field">
      <legend>{label}</legend>
      {existing && (
        <p className={existing.state === 'set' ? 'muted' : 'field__error'} data-testid="masked-secret">
          {describeExisting(existing)}
        </p>
      )}
      <div className="field field--row">
        <label htmlFor={`${id}-mode`}>Source</label>
        <select id={`${id}-mode`} aria-label={`Where the ${label} comes from`} value={draft.mode} onChange={(e) => set({ mode: e.target.value as SecretMode })}>
          {existing && <option value="keep">Keep as it is</option>}
          <option value="type">Type it</option>
          <option value="env">Environment variable</option>
          <option value="key-file">Key file</option>
          <option value="none">None</option>
        </select>
      </div>
      {draft.mode === 'type' && (
        <div className="field">
          <label htmlFor={`${id}-value`}>{label}</label>
          <input id={`${id}-value`} type="password" autoComplete="new-password" value={draft.value} onChange={(e) => set({ value: e.target.value })} />
        </div>
      )}
      {draft.mode === 'env' && (
        <div className="field">
          <label htmlFor={`${id}-env`}>Environment variable</label>
          <input id={`${id}-env`} spellCheck={false} value={draft.env} placeholder="ACME_MONGO_PASSWORD" onChange={(e) => set({ env: e.target.value })} />
        </div>
      )}
      {draft.mode === 'key-file' && (
        <>
          <div className="field">
            <label htmlFor={`${id}-file`}>Key file</label>
            <input
              id={`${id}-file`}
              spellCheck={false}
              value={draft.keyFile}
              placeholder="/etc/twin/acme.keys.json"
              onChange={(e) => set({ keyFile: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-key`}>Entry (empty: the whole file)</label>
            <input id={`${id}-key`} spellCheck={false} value={draft.key} onChange={(e) => set({ key: e.target.value })} />
          </div>
          <p className="muted field__hint">The file must be readable only by you (chmod 600).</p>
        </>
      )}
    </fieldset>
  );
}

import { useState } from 'react';
import { createSystem, deleteSystem, renameSystem, setSystemMembers } from '../../shared/twin/edits/system-edits';
import { documentStore, useDocument } from '../stores/document-store';
import { useView } from '../stores/view-store';
import { newId } from '../editor/id';

const doc = () => documentStore.getState();

/** Named systems ("Chilled water loop"): create from the selection, rename, select members, add or remove. */
export function SystemsPanel() {
  const systems = useDocument((s) => s.twin.systems);
  const selected = useView((s) => s.selectedAssets);
  const [editing, setEditing] = useState<string | null>(null);
  const list = Object.values(systems);
  return (
    <section className="panel systems" aria-label="Systems">
      <h2 className="panel__title">Systems</h2>
      <button
        type="button"
        disabled={selected.size === 0}
        onClick={() => {
          const { diff, id } = createSystem(doc().twin, `System ${list.length + 1}`, [...selected], () => newId('s'));
          doc().apply(diff, { kind: 'record' });
          setEditing(id);
        }}
      >
        New system from selection
      </button>
      {list.length === 0 && <p className="muted">Group assets into systems, e.g. “Chilled water loop”.</p>}
      <ul className="systems__list">
        {list.map((s) => (
          <li key={s.id}>
            {editing === s.id ? (
              <input
                aria-label="System name"
                autoFocus
                defaultValue={s.name}
                onBlur={(e) => {
                  doc().apply(renameSystem(doc().twin, s.id, e.target.value), { kind: 'record' });
                  setEditing(null);
                }}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
                  if (e.key === 'Escape') setEditing(null);
                }}
              />
            ) : (
              <button type="button" className="link" title="Select its assets" onClick={() => useView.getState().select(s.assetIds)}>
                {s.name} <span className="muted">({s.assetIds.length})</span>
              </button>
            )}
            <span className="systems__actions">
              <button type="button" aria-label={`Rename ${s.name}`} onClick={() => setEditing(s.id)}>
                ✎
              </button>
              <button
                type="button"
                aria-label={`Add selection to ${s.name}`}
                disabled={selected.size === 0}
                onClick={() => doc().apply(setSystemMembers(doc().twin, s.id, [...selected], true), { kind: 'record' })}
              >
                +
              </button>
              <button
                type="button"
                aria-label={`Remove selection from ${s.name}`}
                disabled={selected.size === 0}
                onClick={() => doc().apply(setSystemMembers(doc().twin, s.id, [...selected], false), { kind: 'record' })}
              >
                −
              </button>
              <button type="button" aria-label={`Delete system ${s.name}`} onClick={() => doc().apply(deleteSystem(doc().twin, s.id), { kind: 'record' })}>
                ×
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

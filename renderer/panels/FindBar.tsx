import { useMemo, useState } from 'react';
import { useDocument } from '../stores/document-store';
import { useView } from '../stores/view-store';

/** Find by tag (or name): type, pick with arrows, Enter brings it into view and selects it. */
export function FindBar() {
  const open = useView((s) => s.findOpen);
  const setOpen = useView((s) => s.setFindOpen);
  const assets = useDocument((s) => s.twin.assets);
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const matches = useMemo(() => {
    const q = text.trim().toLowerCase();
    if (!q) return [];
    return Object.values(assets)
      .filter((a) => a.tag.toLowerCase().includes(q) || a.name.toLowerCase().includes(q))
      .sort((a, b) => Number(!a.tag.toLowerCase().startsWith(q)) - Number(!b.tag.toLowerCase().startsWith(q)) || a.tag.localeCompare(b.tag))
      .slice(0, 12);
  }, [assets, text]);
  if (!open) return null;
  const pick = (id: string) => {
    useView.getState().focusAsset(id);
    setOpen(false);
    setText('');
  };
  return (
    <div className="find" role="search">
      <input
        autoFocus
        role="combobox"
        aria-label="Find by tag"
        aria-expanded={matches.length > 0}
        aria-controls="find-results"
        aria-activedescendant={matches[active] ? `find-${matches[active].id}` : undefined}
        placeholder="Find by tag, e.g. CH-1"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setOpen(false);
          else if (e.key === 'ArrowDown') setActive((i) => Math.min(i + 1, matches.length - 1));
          else if (e.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
          else if (e.key === 'Enter' && matches[active]) pick(matches[active].id);
          else return;
          e.preventDefault();
          e.stopPropagation();
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      {matches.length > 0 && (
        <ul id="find-results" role="listbox" aria-label="Matching assets">
          {matches.map((a, i) => (
            <li key={a.id} id={`find-${a.id}`} role="option" aria-selected={i === active} onMouseDown={() => pick(a.id)}>
              <strong>{a.tag}</strong> {a.name && <span className="muted">{a.name}</span>}
            </li>
          ))}
        </ul>
      )}
      {text.trim() && matches.length === 0 && <p className="find__none">No asset tagged “{text}”.</p>}
    </div>
  );
}

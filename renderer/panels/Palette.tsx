import { memo, useMemo, type DragEvent } from 'react';
import { catalog, searchCatalog } from '../../shared/catalog/catalog';
import type { ComponentDef } from '../../shared/catalog/types';
import { PaletteIcon } from '../editor/symbol/PaletteIcon';
import { canvasHandle } from '../editor/canvas-handle';
import { placeComponent } from '../editor/Canvas';
import { useView } from '../stores/view-store';
import { PALETTE_MIME } from './palette-drag';
import { assetBox, freeOffset } from '../../shared/twin/edits/placement';
import { documentStore } from '../stores/document-store';

function onDragStart(e: DragEvent<HTMLButtonElement>, kind: string) {
  e.dataTransfer.setData(PALETTE_MIME, kind);
  e.dataTransfer.setData('text/plain', kind);
  e.dataTransfer.effectAllowed = 'copy';
}

/** Click or Enter places the component in the middle of the view, or the free spot nearest to it (keyboard users cannot drag). */
function placeAtCentre(kind: string) {
  const c = canvasHandle()?.viewCentre() ?? { x: 0, y: 0 };
  const size = assetBox({ kind, position: { x: 0, y: 0 }, rotation: 0 });
  const probe = { kind, position: { x: c.x - size.width / 2, y: c.y - size.height / 2 }, rotation: 0 as const };
  const offset = freeOffset(documentStore.getState().twin, [probe], { x: 0, y: 0 });
  placeComponent(kind, { x: probe.position.x + offset.x, y: probe.position.y + offset.y });
}

const PaletteItem = memo(function PaletteItem({ def }: { def: ComponentDef }) {
  return (
    <button
      type="button"
      className="palette-item"
      draggable
      aria-label={def.name}
      title={`${def.name} (${def.tagPrefix}): ${def.description}. Drag onto the canvas, or press Enter to place it in the middle.`}
      onDragStart={(e) => onDragStart(e, def.kind)}
      onClick={() => placeAtCentre(def.kind)}
    >
      <PaletteIcon def={def} />
      <span className="palette-item__name" aria-hidden="true">
        {def.name}
      </span>
    </button>
  );
});

/** The component palette: search, then the catalog grouped by category. */
export function Palette() {
  const search = useView((s) => s.paletteSearch);
  const setSearch = useView((s) => s.setPaletteSearch);
  const groups = useMemo(() => {
    const items = search.trim() ? searchCatalog(search) : catalog;
    const byCategory = new Map<string, ComponentDef[]>();
    for (const d of items) {
      const list = byCategory.get(d.category) ?? [];
      list.push(d);
      byCategory.set(d.category, list);
    }
    return [...byCategory];
  }, [search]);

  return (
    <section className="panel palette" aria-label="Component palette">
      <h2 className="panel__title">Components</h2>
      <input
        className="palette__search"
        type="search"
        placeholder="Search: pump, valve, TT…"
        aria-label="Search components"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      <div className="palette__list">
        {groups.length === 0 && <p className="muted">No component matches “{search}”.</p>}
        {groups.map(([category, items]) => (
          <div key={category} role="group" aria-label={category} className="palette__group">
            <h3 className="palette__category">{category}</h3>
            <div className="palette__grid">
              {items.map((d) => (
                <PaletteItem key={d.kind} def={d} />
              ))}
            </div>
          </div>
        ))}
      </div>
    </section>
  );
}

import { runCommand } from '../../commands/registry';
import { useDocument } from '../../stores/document-store';
import { useView } from '../../stores/view-store';
import type { CatalogEntry } from '../../../shared/series/types';

/** Bind the selected sensor to the selected asset without dragging (keyboard users, touch). */
export function BindToSelection({ entry, source }: { entry: CatalogEntry; source: string }) {
  const selected = useView((s) => (s.selectedAssets.size === 1 ? [...s.selectedAssets][0] : undefined));
  const tag = useDocument((s) => (selected ? s.twin.assets[selected]?.tag : undefined));
  if (!selected || !tag) return <p className="muted">Drag the sensor onto an asset, or select an asset to bind it there.</p>;
  return (
    <button
      type="button"
      onClick={() => runCommand('bindings.bind', { series: entry.key, sessionSource: source, unit: entry.unit ?? null, assetId: selected })}
    >
      Bind to {tag}
    </button>
  );
}

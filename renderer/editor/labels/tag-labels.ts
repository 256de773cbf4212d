import { componentByKind } from '../../../shared/catalog/catalog';
import type { Category } from '../../../shared/catalog/types';
import { assetBox } from '../../../shared/twin/edits/placement';
import type { Asset } from '../../../shared/twin/schema';
import type { ScreenLabel } from './LabelLayer';
import { textWidth } from './text-width';
import { FAR_ZOOM } from '../level-of-detail';

/** Label height in pixels (line-height of label-layer.css). */
const HEIGHT = 14;
/** Room either side of the text. */
const PAD_X = 3;
/** Space between a symbol and its tag. */
const BELOW = 2;

/**
 * Which tags win when space is short: the plant's equipment first (what an engineer scans a drawing for),
 * then valves, then instruments, controllers, headers and filters, then pipe junctions. A selected asset's
 * tag always first.
 */
const TIER: Record<Category, number> = {
  'Pumps and compressors': 3,
  'Heat transfer': 3,
  Vessels: 3,
  'Air side': 3,
  Valves: 2,
  Instruments: 1,
  Control: 1,
  Piping: 1,
};
/** Points where lines meet: their tags (J-201) matter only up close. */
const FITTINGS = new Set(['pipe-junction']);
const SELECTED = 10;

/** The tag label of one asset at a zoom, or null when it has none or is left out at this zoom. */
function tagLabel(a: Asset, zoom: number, isSelected: boolean): ScreenLabel | null {
  if (!a.tag) return null;
  const def = componentByKind(a.kind);
  const tier = FITTINGS.has(a.kind) ? 0 : def ? TIER[def.category] : 1;
  // Zoomed out, a pipe fitting's tag (J-201) says nothing a reader looks for and covers the lines it sits on.
  if (tier === 0 && zoom < FAR_ZOOM && !isSelected) return null;
  const box = assetBox(a);
  const width = textWidth(a.tag) + 2 * PAD_X;
  // Within a tier, the bigger symbol wins (a chiller before a pump); the bonus stays under 1.
  const size = Math.min(0.99, (box.width * box.height) / 100_000);
  const instrument = tier <= 1;
  return {
    id: a.id,
    text: a.tag,
    box: { x: (box.x + box.width / 2) * zoom - width / 2, y: (box.y + box.height) * zoom + BELOW, width, height: HEIGHT },
    priority: (isSelected ? SELECTED : tier) + size,
    className: `label--tag${instrument ? ' label--tag-instrument' : ''}${isSelected ? ' label--selected' : ''}`,
    data: { 'data-tag': a.tag },
  };
}

/**
 * The tag labels of the assets at a zoom, in screen pixels from the canvas origin: each centred under its
 * symbol, prioritised for decluttering (bigger symbols first within a tier).
 */
export function tagLabels(assets: Readonly<Record<string, Asset>>, zoom: number, selected: ReadonlySet<string>): ScreenLabel[] {
  const out: ScreenLabel[] = [];
  for (const a of Object.values(assets)) {
    const label = tagLabel(a, zoom, selected.has(a.id));
    if (label) out.push(label);
  }
  return out;
}

/**
 * tagLabels that hands back the same label object for an asset whose tag, box, zoom and selection did
 * not change, so the layer redraws only the labels that moved (a drag of 50 assets among 500 redraws 50).
 */
export class TagLabelCache {
  private readonly byId = new Map<string, { asset: Asset; zoom: number; selected: boolean; label: ScreenLabel | null }>();

  labels(assets: Readonly<Record<string, Asset>>, zoom: number, selected: ReadonlySet<string>): ScreenLabel[] {
    const out: ScreenLabel[] = [];
    const seen = new Set<string>();
    for (const a of Object.values(assets)) {
      const isSelected = selected.has(a.id);
      let entry = this.byId.get(a.id);
      if (!entry || entry.asset !== a || entry.zoom !== zoom || entry.selected !== isSelected) {
        entry = { asset: a, zoom, selected: isSelected, label: tagLabel(a, zoom, isSelected) };
        this.byId.set(a.id, entry);
      }
      seen.add(a.id);
      if (entry.label) out.push(entry.label);
    }
    for (const id of this.byId.keys()) if (!seen.has(id)) this.byId.delete(id);
    return out;
  }
}

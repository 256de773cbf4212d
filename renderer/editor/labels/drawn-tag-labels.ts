import { declutter } from '../../../shared/geometry/declutter';
import type { Asset } from '../../../shared/twin/schema';
import type { ScreenLabel } from './LabelLayer';
import { TagLabelCache } from './tag-labels';

/** Clear space between two tag labels, in pixels. */
export const TAG_GAP = 2;

const cache = new TagLabelCache();
let last: { assets: Readonly<Record<string, Asset>>; zoom: number; selected: ReadonlySet<string>; drawn: readonly ScreenLabel[] } | null = null;

/**
 * The tag labels drawn at a zoom: decluttered, in screen pixels from the canvas origin. The tag layer draws
 * them and the value layer keeps its values off them; both ask with the same stores' objects, so the work is
 * done once per change of assets, zoom or selection.
 */
export function drawnTagLabels(assets: Readonly<Record<string, Asset>>, zoom: number, selected: ReadonlySet<string>): readonly ScreenLabel[] {
  if (last && last.assets === assets && last.zoom === zoom && last.selected === selected) return last.drawn;
  const drawn = declutter(cache.labels(assets, zoom, selected), { gap: TAG_GAP });
  last = { assets, zoom, selected, drawn };
  return drawn;
}

/**
 * Labels drawn at a fixed size on screen over a drawing that may be zoomed far out (tags, values at the time
 * cursor): which to draw, and where, so that none covers another or an obstacle. One greedy pass, most
 * important first: each label takes the first of its candidate positions that is free, or is left out. A grid
 * index finds the boxes near each candidate, so the pass is near-linear in the count.
 */
import { BoxGrid, type Box } from './box';

/** Anything drawn in a box that may be left out when space is short: a tag label, a value label. */
export interface DeclutterItem {
  /** Where it would be drawn, in screen pixels. */
  box: Box;
  /** Higher is kept first (equipment tags before instrument tags, a selected asset's before all). */
  priority: number;
}

export interface DeclutterOptions {
  /** Space kept clear between two kept labels, in pixels (labels may touch obstacles). */
  gap?: number;
  /** Boxes no label may overlap: symbols, another layer's labels, a panel over the canvas. */
  obstacles?: readonly Box[];
  /** Grid cell of the spatial index; about the size of a label. */
  cell?: number;
}

/** An empty or non-finite box is never drawn (and never blocks anything). */
const usable = (b: Box) => b.width > 0 && b.height > 0 && Number.isFinite(b.x) && Number.isFinite(b.y) && Number.isFinite(b.width) && Number.isFinite(b.height);

/**
 * Where each label goes, taken in the given order (most important first): the index of the first of its
 * candidate boxes that stays `gap` px clear of the labels placed before it and overlaps no obstacle, or -1
 * when none does.
 */
export function placeLabels(candidates: readonly (readonly Box[])[], options: DeclutterOptions = {}): number[] {
  const cell = options.cell ?? 64;
  const labels = new BoxGrid(cell, options.gap ?? 0);
  const blocked = new BoxGrid(cell, 0);
  for (const o of options.obstacles ?? []) if (usable(o)) blocked.add(o);
  return candidates.map((choices) => {
    const k = choices.findIndex((b) => usable(b) && !labels.hits(b) && !blocked.hits(b));
    if (k >= 0) labels.add(choices[k] as Box);
    return k;
  });
}

/**
 * Which items to draw so that none overlaps another: greedy by priority (ties keep the input order), each
 * kept when its box clears every box kept before it and every obstacle. Returns the kept items, highest
 * priority first.
 */
export function declutter<T extends DeclutterItem>(items: readonly T[], options: DeclutterOptions = {}): T[] {
  const order = items.map((item, index) => ({ item, index }));
  order.sort((a, b) => b.item.priority - a.item.priority || a.index - b.index);
  const placed = placeLabels(
    order.map((o) => [o.item.box]),
    options,
  );
  return order.filter((_, i) => placed[i] === 0).map((o) => o.item);
}

import { BoxGrid, type Box } from './box';

/** Anything drawn in a box that may be left out when space is short: a tag label, a value label. */
export interface DeclutterItem {
  /** Where it would be drawn, in screen pixels. */
  box: Box;
  /** Higher is kept first (equipment tags before instrument tags, a selected asset's before all). */
  priority: number;
}

export interface DeclutterOptions {
  /** Space kept clear between two kept boxes, in pixels. */
  gap?: number;
  /** Boxes nothing may overlap (another layer's labels, a panel over the canvas). */
  obstacles?: readonly Box[];
  /** Grid cell of the spatial index; about the size of a label. */
  cell?: number;
}

/**
 * Which items to draw so that none overlaps another: greedy by priority (ties keep the input order), each
 * kept when its box clears every box kept before it and every obstacle. Returns the kept items, highest
 * priority first. Linear in practice: a grid index finds the kept boxes near each candidate.
 */
export function declutter<T extends DeclutterItem>(items: readonly T[], options: DeclutterOptions = {}): T[] {
  const gap = options.gap ?? 0;
  const grid = new BoxGrid(options.cell ?? 64, gap);
  const blocked = new BoxGrid(options.cell ?? 64, 0);
  for (const o of options.obstacles ?? []) blocked.add(o);
  const order = items.map((item, index) => ({ item, index }));
  order.sort((a, b) => b.item.priority - a.item.priority || a.index - b.index);
  const kept: T[] = [];
  for (const { item } of order) {
    if (grid.hits(item.box) || blocked.hits(item.box)) continue;
    grid.add(item.box);
    kept.push(item);
  }
  return kept;
}

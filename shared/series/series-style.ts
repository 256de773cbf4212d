/**
 * The colour of a sensor's line, the same in every view: Petroff's ten-colour sequence ("Accessible Color
 * Sequences for Data Visualization", 2021, arXiv:2107.02270), chosen so neighbours stay apart under every
 * common colour-vision deficiency. Lines are never dashed: a dash would leave pixels of a spike undrawn.
 * Where two lines of one chart share a colour, the legend highlights one at a time.
 */

/** Petroff 10, in its published order. */
export const SERIES_COLOURS = ['#3f90da', '#ffa90e', '#bd1f01', '#94a4a2', '#832db6', '#a96b59', '#e76300', '#b9ac70', '#717581', '#92dadd'] as const;

/** The colour of the sensor at a stable index (its place in the twin's sensor list). */
export function seriesColour(index: number): string {
  return SERIES_COLOURS[Math.abs(Math.trunc(index)) % SERIES_COLOURS.length] as string;
}

/** A stable index for a series no sensor of the twin names (a pinned catalog entry): a hash of its key. */
export function styleIndexOfKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

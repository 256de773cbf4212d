import { overlaps, type Box } from './box';

/** A canvas viewport: screen = canvas × zoom + (x, y). */
export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

export interface FitOptions {
  /** Space around the drawing, as a fraction of its size (0.1 = 10 %). */
  padding: number;
  minZoom: number;
  maxZoom: number;
  /**
   * A panel in the pane's bottom-right corner (the minimap) with its margin: the drawing is fitted so
   * that none of it lies under the panel, using the room left of it or above it, whichever shows the
   * drawing larger.
   */
  keepClear?: { width: number; height: number };
}

/** The viewport that shows `bounds` whole, centred in the area `area` of the pane. */
function fitInto(bounds: Box, area: Box, o: FitOptions): Viewport {
  const zx = area.width / Math.max(1, bounds.width * (1 + o.padding));
  const zy = area.height / Math.max(1, bounds.height * (1 + o.padding));
  const zoom = Math.min(o.maxZoom, Math.max(o.minZoom, Math.min(zx, zy)));
  return {
    x: area.x + area.width / 2 - (bounds.x + bounds.width / 2) * zoom,
    y: area.y + area.height / 2 - (bounds.y + bounds.height / 2) * zoom,
    zoom,
  };
}

/** Where `bounds` lands on screen under a viewport. */
export function onScreen(bounds: Box, v: Viewport): Box {
  return { x: bounds.x * v.zoom + v.x, y: bounds.y * v.zoom + v.y, width: bounds.width * v.zoom, height: bounds.height * v.zoom };
}

/**
 * Fit a drawing's bounds into a pane: as large as fits with the padding, centred, and clear of the corner
 * panel when there is one (only when the plain fit would put part of the drawing under it).
 */
export function fitBounds(bounds: Box, pane: { width: number; height: number }, o: FitOptions): Viewport {
  const full = fitInto(bounds, { x: 0, y: 0, ...pane }, o);
  const clear = o.keepClear;
  if (!clear) return full;
  const corner = { x: pane.width - clear.width, y: pane.height - clear.height, width: clear.width, height: clear.height };
  if (!overlaps(onScreen(bounds, full), corner)) return full;
  const left = fitInto(bounds, { x: 0, y: 0, width: Math.max(1, pane.width - clear.width), height: pane.height }, o);
  const above = fitInto(bounds, { x: 0, y: 0, width: pane.width, height: Math.max(1, pane.height - clear.height) }, o);
  return left.zoom >= above.zoom ? left : above;
}

/** From pointer positions on the plot (CSS pixels) to instants, through the plot's device-pixel columns. */
import uPlot from 'uplot';
import { pixelColumn } from '../../../shared/series/plot-pixels';
import type { TimeRange } from '../../../shared/series/types';
import type { PlotData } from './plot-data';

/** The x scale's milliseconds per device-pixel column, or null before the scale is known. */
function columns(u: uPlot): { from: number; msPerPx: number } | null {
  const xs = u.scales.x;
  if (!xs || xs.min == null || xs.max == null || u.bbox.width <= 0) return null;
  return { from: xs.min, msPerPx: (xs.max - xs.min) / u.bbox.width };
}

/** The start of the window drawn on the column under a CSS x offset in the plot area; null off the data. */
export function columnStart(u: uPlot, left: number, data: PlotData | null): number | null {
  const c = columns(u);
  const col = Math.floor(left * uPlot.pxRatio);
  if (!c || !data || col < 0 || col >= u.bbox.width) return null;
  const { layout } = data;
  const i = pixelColumn(c.from + col * c.msPerPx, { from: layout.from, msPerPx: layout.width });
  return i < 0 || i >= layout.n ? null : layout.from + i * layout.width;
}

/** The instant under a CSS x offset in the plot area. */
export function instantAt(u: uPlot, left: number): number | null {
  const c = columns(u);
  return c ? c.from + left * uPlot.pxRatio * c.msPerPx : null;
}

/** The range a drag selected, widened to whole pixel columns and kept inside the current range; null for a click. */
export function selectionRange(u: uPlot, range: TimeRange): TimeRange | null {
  const { left, width } = u.select;
  const c = columns(u);
  if (!c || width < 3) return null;
  const from = Math.max(range.from, Math.floor(c.from + Math.floor(left * uPlot.pxRatio) * c.msPerPx));
  const to = Math.min(range.to, Math.ceil(c.from + Math.ceil((left + width) * uPlot.pxRatio) * c.msPerPx));
  return to > from ? { from, to } : null;
}

/**
 * Shade what the plot shows outside the range: windows snapped to whole buckets can span a little more
 * than the range (at most a tenth of a window per column), and the plot keeps one window per column.
 */
export function shadeOutside(u: uPlot, range: TimeRange): void {
  const { left, top, width, height } = u.bbox;
  const from = Math.max(left, Math.min(left + width, u.valToPos(range.from, 'x', true)));
  const to = Math.max(left, Math.min(left + width, u.valToPos(range.to, 'x', true)));
  u.ctx.save();
  u.ctx.fillStyle = 'rgba(95, 111, 127, 0.12)';
  if (from > left) u.ctx.fillRect(left, top, from - left, height);
  if (to < left + width) u.ctx.fillRect(to, top, left + width - to, height);
  u.ctx.restore();
}

/** Hatch what the plot shows past `from`: there the source was not asked, so an empty stretch is unknown, not quiet. */
export function hatchOffline(u: uPlot, from: number): void {
  const { left, top, width, height } = u.bbox;
  const x = Math.max(left, Math.min(left + width, u.valToPos(from, 'x', true)));
  if (x >= left + width) return;
  const ctx = u.ctx;
  ctx.save();
  ctx.beginPath();
  ctx.rect(x, top, left + width - x, height);
  ctx.clip();
  ctx.fillStyle = 'rgba(176, 96, 0, 0.06)';
  ctx.fillRect(x, top, left + width - x, height);
  ctx.strokeStyle = 'rgba(176, 96, 0, 0.35)';
  ctx.lineWidth = uPlot.pxRatio;
  const step = 8 * uPlot.pxRatio;
  ctx.beginPath();
  for (let d = x - height; d < left + width; d += step) {
    ctx.moveTo(d, top + height);
    ctx.lineTo(d + height, top);
  }
  ctx.stroke();
  ctx.restore();
}

/** Keep a plot sized to its box (the smallest size uPlot still draws); returns the stop function. */
export function followBoxSize(u: uPlot, el: HTMLElement): () => void {
  const resize = new ResizeObserver(([entry]) => {
    if (!entry) return;
    const w = Math.max(50, Math.floor(entry.contentRect.width));
    const h = Math.max(40, Math.floor(entry.contentRect.height));
    if (w !== u.width || h !== u.height) u.setSize({ width: w, height: h });
  });
  resize.observe(el);
  return () => resize.disconnect();
}

/** The x-only drag-select every plot of the dock shares; a double-click goes back (uPlot's own reset is off). */
export function dragSelectCursor(onDoubleClick: () => void): Pick<uPlot.Cursor, 'drag' | 'bind'> {
  return {
    drag: { x: true, y: false, setScale: false, dist: 3 },
    bind: {
      dblclick: () => () => {
        onDoubleClick();
        return null;
      },
    },
  };
}

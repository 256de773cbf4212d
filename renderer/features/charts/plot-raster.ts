/**
 * The chart's M4 lines drawn as one image: the path builder traces each line series into a LineRaster of the
 * plot (and builds no path), and the drawSeries hook draws the raster onto uPlot's canvas after the last of a
 * run of such series, so series keep their order against those still stroked (raw points, mean and band).
 */
import uPlot from 'uplot';
import { LineRaster, pixelOfHex } from '../../../shared/series/line-raster';
import type { LineValue } from '../../../shared/series/m4';

export class PlotRaster {
  private raster: LineRaster | null = null;
  private image: ImageData | null = null;
  private scratch: OffscreenCanvas | null = null;
  /** Series traced into the raster in this draw. */
  private readonly traced = new Set<number>();

  /** uPlot's drawClear hook: a new draw starts with an empty raster. */
  readonly start = (): void => {
    this.traced.clear();
    this.raster?.clear();
  };

  /**
   * Trace series `si` (a line in plot pixels through `x` and `y`) into the raster; false if it cannot be
   * (a colour that is not '#rrggbb'), and the caller strokes it instead.
   */
  trace(u: uPlot, si: number, colour: string, ts: ArrayLike<number>, vs: ArrayLike<LineValue>, x: (t: number) => number, y: (v: number) => number): boolean {
    const pixel = pixelOfHex(colour);
    if (pixel === null) return false;
    const s = u.series[si];
    const lineWidth = Math.max(1, Math.round((s?.width ?? 1) * uPlot.pxRatio));
    const raster = this.rasterOf(u.bbox.width, u.bbox.height, lineWidth);
    raster.begin(pixel, s?.alpha ?? 1);
    raster.trace(ts, vs, x, y);
    this.traced.add(si);
    return true;
  }

  /** uPlot's drawSeries hook: after the last traced series before one that is stroked (or the end), draw the raster. */
  readonly drawn = (u: uPlot, si: number): void => {
    const raster = this.raster;
    if (!raster?.dirty || !this.traced.has(si)) return;
    const next = u.series.findIndex((s, j) => j > si && s.show);
    if (next >= 0 && this.traced.has(next)) return;
    if (!this.image || !this.scratch) return;
    this.scratch.getContext('2d')?.putImageData(this.image, 0, 0);
    const ctx = u.ctx;
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.globalAlpha = 1;
    ctx.globalCompositeOperation = 'source-over';
    ctx.drawImage(this.scratch, u.bbox.left - raster.margin, u.bbox.top - raster.margin);
    ctx.restore();
    raster.clear();
  };

  private rasterOf(width: number, height: number, lineWidth: number): LineRaster {
    const r = this.raster;
    if (r && r.width === width && r.height === height && r.lineWidthPx === lineWidth) return r;
    const next = new LineRaster(width, height, lineWidth);
    this.raster = next;
    this.image = new ImageData(new Uint8ClampedArray(next.pixels.buffer), next.stride, next.rows);
    this.scratch = new OffscreenCanvas(next.stride, next.rows);
    return next;
  }
}

/**
 * The chart's M4 lines rasterised by hand into one RGBA pixel buffer of the plot, instead of stroked by the
 * canvas: each segment lights the pixels of Bresenham's line between its integer vertices (the fidelity test's
 * own reference), so what the chart shows is exactly what that test proves pixel-exact, and twenty series cost
 * one image drawn instead of ~80,000 path calls stroked. Lines `lineWidthPx` device pixels wide light a square
 * of that side per pixel, placed as the canvas places a square-capped stroke of that width on integer vertices.
 */
import type { LineValue } from './m4';
import type { Pen } from './plot-pixels';

/** A '#rrggbb' colour as an ImageData pixel (RGBA bytes, little-endian), or null if it is not one. */
export function pixelOfHex(colour: string): number | null {
  const m = /^#([0-9a-f]{6})$/i.exec(colour);
  if (!m) return null;
  const n = parseInt(m[1] as string, 16);
  return ((0xff << 24) | ((n & 0xff) << 16) | (n & 0xff00) | ((n >> 16) & 0xff)) >>> 0;
}

/** Source-over of a colour at `alpha` onto an unpremultiplied RGBA pixel. */
function over(dst: number, src: number, alpha: number): number {
  const da = (dst >>> 24) / 255;
  const oa = alpha + da * (1 - alpha);
  if (oa <= 0) return 0;
  const mix = (shift: number) => Math.round((((src >>> shift) & 0xff) * alpha + ((dst >>> shift) & 0xff) * da * (1 - alpha)) / oa);
  return ((Math.round(oa * 255) << 24) | (mix(16) << 16) | (mix(8) << 8) | mix(0)) >>> 0;
}

export class LineRaster implements Pen {
  /** The buffer: the plot plus the margin a wide line reaches beyond it; pixel (x, y) of the plot is at (x + margin, y + margin). */
  readonly pixels: Uint32Array<ArrayBuffer>;
  readonly stride: number;
  readonly rows: number;
  /** Pixels of the square lit per plot pixel before it (left and above). */
  readonly margin: number;
  /** Whether anything was drawn since the last clear. */
  dirty = false;
  private readonly owner: Uint32Array;
  private stamp = 0;
  private colour = 0;
  private alpha = 1;
  private x = 0;
  private y = 0;

  constructor(
    readonly width: number,
    readonly height: number,
    readonly lineWidthPx: number,
  ) {
    this.margin = Math.floor(lineWidthPx / 2);
    this.stride = width + lineWidthPx - 1;
    this.rows = height + lineWidthPx - 1;
    this.pixels = new Uint32Array(this.stride * this.rows);
    this.owner = new Uint32Array(this.stride * this.rows);
  }

  clear(): void {
    if (this.dirty) this.pixels.fill(0);
    this.dirty = false;
  }

  /** Start a series: its pixel colour and opacity (a series drawn translucent blends once per pixel, as one stroke does). */
  begin(colour: number, alpha = 1): void {
    this.colour = colour;
    this.alpha = alpha;
    this.stamp = (this.stamp + 1) >>> 0 || 1;
    this.dirty = true;
  }

  /**
   * The pixels `traceLine` draws through these vertices, lit here directly: each column's vertical run from
   * its lowest to its highest vertex, and Bresenham's segment from a column's last vertex to the next vertex.
   * Its own loop rather than traceLine with this raster as the pen: that call site also strokes Path2Ds, and a
   * pen that is not always the same kind of object makes every vertex of the chart's lines twice as slow.
   */
  trace(ts: ArrayLike<number>, vs: ArrayLike<LineValue>, x: (t: number) => number, y: (v: number) => number): void {
    let down = false;
    let col = 0;
    let lo = 0;
    let hi = 0;
    let exit = 0;
    for (let i = 0; i < vs.length; i++) {
      const v = vs[i];
      if (v === null) {
        if (down) this.run(col, lo, hi);
        down = false;
        continue;
      }
      if (v === undefined || v !== v) continue;
      const px = x(ts[i] as number);
      const py = y(v);
      if (down && px === col) {
        if (py < lo) lo = py;
        if (py > hi) hi = py;
        exit = py;
        continue;
      }
      if (down) {
        this.run(col, lo, hi);
        this.moveTo(col, exit);
        this.lineTo(px, py);
      } else {
        this.run(px, py, py);
        down = true;
      }
      col = px;
      lo = hi = exit = py;
    }
    if (down) this.run(col, lo, hi);
  }

  moveTo(x: number, y: number): void {
    this.x = x;
    this.y = y;
  }

  lineTo(x1: number, y1: number): void {
    const x0 = this.x;
    const y0 = this.y;
    this.x = x1;
    this.y = y1;
    if (x0 === x1) {
      // A column's vertical run: the common case, lit without the general walk.
      this.run(x0, Math.min(y0, y1), Math.max(y0, y1));
      return;
    }
    let x = x0;
    let y = y0;
    const dx = Math.abs(x1 - x0);
    const dy = -Math.abs(y1 - y0);
    const sx = x0 < x1 ? 1 : -1;
    const sy = y0 < y1 ? 1 : -1;
    let err = dx + dy;
    // Bresenham's walk, each column's pixels lit as one run (most segments join neighbouring columns steeply).
    let from = y;
    for (;;) {
      if (x === x1 && y === y1) break;
      const e2 = 2 * err;
      if (e2 >= dy) {
        this.run(x, Math.min(from, y), Math.max(from, y));
        err += dy;
        x += sx;
        if (e2 <= dx) y += sy;
        from = y;
      } else y += sy;
      if (e2 <= dx) err += dx;
    }
    this.run(x, Math.min(from, y), Math.max(from, y));
  }

  /** Light plot pixels (x, lo…hi), each widened to the line's square, clipped to the buffer. */
  private run(x: number, lo: number, hi: number): void {
    const w = this.lineWidthPx;
    const left = Math.max(0, x);
    const right = Math.min(this.stride - 1, x + w - 1);
    const top = Math.max(0, lo);
    const bottom = Math.min(this.rows - 1, hi + w - 1);
    if (left > right || top > bottom) return;
    const px = this.pixels;
    const c = this.colour;
    if (this.alpha >= 1) {
      for (let col = left; col <= right; col++) for (let i = top * this.stride + col, end = bottom * this.stride + col; i <= end; i += this.stride) px[i] = c;
      return;
    }
    const owner = this.owner;
    const stamp = this.stamp;
    for (let col = left; col <= right; col++) {
      for (let i = top * this.stride + col, end = bottom * this.stride + col; i <= end; i += this.stride) {
        if (owner[i] === stamp) continue;
        owner[i] = stamp;
        px[i] = over(px[i] as number, c, this.alpha);
      }
    }
  }
}

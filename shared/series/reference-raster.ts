/**
 * The reference rasteriser of the chart's fidelity tests: Bresenham's line between integer vertices, one bit
 * per pixel, written for the tests and sharing nothing with what the chart draws through (LineRaster).
 */
import type { Pen } from './plot-pixels';

/** A bitmap of lit pixels, drawn by Bresenham's algorithm between integer vertices. */
export class Raster implements Pen {
  readonly bits: Uint8Array;
  private x = 0;
  private y = 0;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.bits = new Uint8Array(width * height);
  }
  private plot(x: number, y: number): void {
    // Pixels outside the plot are clipped, as the canvas clips to the plot area.
    if (x >= 0 && x < this.width && y >= 0 && y < this.height) this.bits[y * this.width + x] = 1;
  }
  moveTo(x: number, y: number): void {
    this.x = x;
    this.y = y;
  }
  lineTo(x1: number, y1: number): void {
    let x0 = this.x;
    let y0 = this.y;
    const dx = Math.abs(x1 - x0);
    const dy = -Math.abs(y1 - y0);
    const sx = x0 < x1 ? 1 : -1;
    const sy = y0 < y1 ? 1 : -1;
    let err = dx + dy;
    for (;;) {
      this.plot(x0, y0);
      if (x0 === x1 && y0 === y1) break;
      const e2 = 2 * err;
      if (e2 >= dy) {
        err += dy;
        x0 += sx;
      }
      if (e2 <= dx) {
        err += dx;
        y0 += sy;
      }
    }
    this.x = x1;
    this.y = y1;
  }
  lit(): number {
    let n = 0;
    for (const b of this.bits) n += b;
    return n;
  }
}

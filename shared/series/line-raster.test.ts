import { describe, expect, it } from 'vitest';
import { Prng } from '../sim/prng';
import { LineRaster, pixelOfHex } from './line-raster';
import { traceLine } from './plot-pixels';
import { Raster } from './reference-raster';

const RED = 0xff0000ff;
const BLUE = 0xffff0000;

/** A random line over a plot, some vertices outside it, with gaps and passed-over values. */
function randomLine(seed: number, width: number, height: number): { t: number[]; v: (number | null | undefined)[] } {
  const rng = new Prng(seed);
  const t: number[] = [];
  const v: (number | null | undefined)[] = [];
  for (let i = 0; i < 400; i++) {
    t.push(Math.floor(i / 4) + (rng.next() < 0.1 ? Math.floor(rng.next() * 6) : 0) - 3);
    const r = rng.next();
    v.push(r < 0.03 ? null : r < 0.06 ? undefined : Math.floor(rng.next() * (height + 10)) - 5);
  }
  t.sort((a, b) => a - b);
  return { t, v };
}

function traced(width: number, height: number, seed: number, lineWidth: number): { line: LineRaster; ref: Raster } {
  const { t, v } = randomLine(seed, width, height);
  const line = new LineRaster(width, height, lineWidth);
  line.begin(RED);
  line.trace(
    t,
    v,
    (x) => x,
    (y) => y,
  );
  // The reference at the buffer's size, its origin moved by the margin, so the widened square can be checked whole.
  const m = line.margin;
  const ref = new Raster(line.stride + lineWidth - 1, line.rows + lineWidth - 1);
  traceLine(
    t,
    v,
    (x) => x + m,
    (y) => (y as number) + m,
    ref,
  );
  return { line, ref };
}

describe('LineRaster', () => {
  it('reads #rrggbb as an RGBA ImageData pixel and refuses other colours', () => {
    const p = pixelOfHex('#3f90da') as number;
    expect(Array.from(new Uint8Array(new Uint32Array([p]).buffer))).toEqual([0x3f, 0x90, 0xda, 0xff]);
    expect(pixelOfHex('rgb(1,2,3)')).toBeNull();
    expect(pixelOfHex('#fff')).toBeNull();
  });

  it('lights exactly the reference Bresenham pixels of the line traceLine draws, clipped to the plot', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const { line, ref } = traced(100, 60, seed, 1);
      let lit = 0;
      expect(ref.bits.length).toBe(line.pixels.length);
      for (let i = 0; i < ref.bits.length; i++) {
        expect(line.pixels[i] === RED ? 1 : 0, `seed ${seed}, pixel ${i % 100},${Math.floor(i / 100)}`).toBe(ref.bits[i]);
        lit += ref.bits[i] as number;
      }
      expect(lit).toBeGreaterThan(500);
    }
  });

  it('widens a line 2 device px wide to the square a square-capped canvas stroke covers (the pixel and the one left of and above it)', () => {
    const { line, ref } = traced(80, 50, 7, 2);
    expect(line.margin).toBe(1);
    expect(line.stride).toBe(81);
    // Buffer pixel (x, y) is plot pixel (x − 1, y − 1); the reference is drawn at plot + 1, so a reference pixel lights itself and its left and upper neighbours.
    for (let y = 0; y < line.rows; y++) {
      for (let x = 0; x < line.stride; x++) {
        const at = (dx: number, dy: number) => ref.bits[(y + dy) * ref.width + x + dx] === 1;
        const want = at(0, 0) || at(1, 0) || at(0, 1) || at(1, 1);
        if ((line.pixels[y * line.stride + x] === RED) !== want) expect.fail(`pixel ${x},${y}: want ${want}`);
      }
    }
  });

  it('draws later series over earlier ones, blends a translucent series once per pixel, and clears', () => {
    const r = new LineRaster(4, 4, 1);
    r.begin(RED);
    r.moveTo(0, 0);
    r.lineTo(3, 0);
    r.begin(BLUE, 0.5);
    // Crosses (1, 0) twice: one stroke, one blend.
    r.moveTo(1, 0);
    r.lineTo(1, 3);
    r.lineTo(1, 0);
    const [red, , , a] = new Uint8Array(new Uint32Array([r.pixels[1] as number]).buffer);
    expect(red).toBe(128);
    expect(a).toBe(255);
    expect(new Uint8Array(new Uint32Array([r.pixels[4 + 1] as number]).buffer)[3]).toBe(128);
    expect(r.pixels[0]).toBe(RED);
    r.begin(BLUE);
    r.moveTo(0, 0);
    r.lineTo(0, 0);
    expect(r.pixels[0]).toBe(BLUE);
    r.clear();
    expect(r.pixels.every((p) => p === 0)).toBe(true);
  });
});

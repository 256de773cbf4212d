import { Prng } from './prng';

/**
 * Smooth random wander over a fixed span: Gaussian knots every `spacing` minutes joined by Catmull–Rom
 * curves. Drawn once from a seed, so any minute can be read in any order and still be the same.
 */
export class SmoothNoise {
  private readonly knots: Float64Array;

  constructor(
    seed: number,
    spanMinutes: number,
    private readonly spacing: number,
    scale = 1,
  ) {
    const rng = new Prng(seed);
    const n = Math.ceil(spanMinutes / spacing) + 4;
    this.knots = new Float64Array(n);
    // Catmull–Rom between independent knots has a smaller variance than the knots; 1.3 restores about 1.
    for (let i = 0; i < n; i++) this.knots[i] = rng.normal() * scale * 1.3;
  }

  /** The value at a minute of the span. */
  at(minute: number): number {
    const x = minute / this.spacing;
    const i = Math.floor(x);
    const f = x - i;
    const k = this.knots;
    const p0 = k[i] ?? 0;
    const p1 = k[i + 1] ?? 0;
    const p2 = k[i + 2] ?? 0;
    const p3 = k[i + 3] ?? 0;
    const f2 = f * f;
    const f3 = f2 * f;
    return 0.5 * (2 * p1 + (-p0 + p2) * f + (2 * p0 - 5 * p1 + 4 * p2 - p3) * f2 + (-p0 + 3 * p1 - 3 * p2 + p3) * f3);
  }
}

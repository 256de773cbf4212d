import { describe, expect, it } from 'vitest';
import { Prng } from '../../sim/prng';
import { FitError } from './fit-error';
import { fitRegression, predictRows } from './fit-regression';
import { median, medianAndSpread } from './robust-stats';

const rows = (n: number) => Int32Array.from({ length: n }, (_, i) => i);

function failure(run: () => unknown): FitError {
  try {
    run();
  } catch (e) {
    if (e instanceof FitError) return e;
    throw e;
  }
  throw new Error('expected a FitError');
}

describe('fitRegression', () => {
  it('recovers known coefficients exactly from noise-free data (closed form)', () => {
    const n = 200;
    const a = Float64Array.from({ length: n }, (_, i) => Math.sin(i) * 10);
    const b = Float64Array.from({ length: n }, (_, i) => (i % 17) - 3);
    const y = Float64Array.from({ length: n }, (_, i) => 2.5 - 0.75 * (a[i] as number) + 4 * (b[i] as number));
    const fit = fitRegression({
      features: [
        { name: 'a', column: a },
        { name: 'b', column: b },
      ],
      target: y,
      train: rows(n),
      ridge: 0,
      robust: false,
    });
    expect(fit.coefficients.intercept).toBeCloseTo(2.5, 10);
    expect(fit.coefficients.a).toBeCloseTo(-0.75, 10);
    expect(fit.coefficients.b).toBeCloseTo(4, 10);
    const pred = predictRows(fit, [a, b], n);
    for (let i = 0; i < n; i++) expect(pred[i]).toBeCloseTo(y[i] as number, 9);
  });

  it('recovers the chiller curve from noisy data, and the ridge default does not bias it', () => {
    const rng = new Prng(42);
    const n = 5_000;
    const load = Float64Array.from({ length: n }, () => 300 + 1400 * rng.next());
    const lift = Float64Array.from({ length: n }, () => 12 + 16 * rng.next());
    const kw = Float64Array.from({ length: n }, (_, i) => {
      const q = load[i] as number;
      const l = lift[i] as number;
      return 20 + 0.02 * q + 2e-5 * q * q + 1.5 * l + 0.0032 * q * l + 0.5 * rng.normal();
    });
    const q2 = load.map((q) => q * q);
    const ql = load.map((q, i) => q * (lift[i] as number));
    const fit = fitRegression({
      features: [
        { name: 'load', column: load },
        { name: 'lift', column: lift },
        { name: 'load^2', column: q2 },
        { name: 'load*lift', column: ql },
      ],
      target: kw,
      train: rows(n),
      ridge: 1e-6,
      robust: true,
    });
    expect(fit.coefficients['load^2']).toBeCloseTo(2e-5, 6);
    expect(fit.coefficients['load*lift']).toBeCloseTo(0.0032, 4);
    expect(fit.coefficients.lift).toBeCloseTo(1.5, 0);
    expect(fit.coefficients.load).toBeCloseTo(0.02, 2);
  });

  it('copes with badly scaled inputs (1e9 and 1e-9 apart)', () => {
    const n = 300;
    const big = Float64Array.from({ length: n }, (_, i) => 1e9 * (1 + Math.cos(i)));
    const tiny = Float64Array.from({ length: n }, (_, i) => 1e-9 * ((i * 7) % 13));
    const offset = Float64Array.from({ length: n }, (_, i) => 1e6 + Math.sin(i * 0.3));
    const y = Float64Array.from({ length: n }, (_, i) => 3e-9 * (big[i] as number) + 5e8 * (tiny[i] as number) + 2 * ((offset[i] as number) - 1e6) + 1);
    const fit = fitRegression({
      features: [
        { name: 'big', column: big },
        { name: 'tiny', column: tiny },
        { name: 'offset', column: offset },
      ],
      target: y,
      train: rows(n),
      ridge: 0,
      robust: false,
    });
    expect(fit.coefficients.big! / 3e-9).toBeCloseTo(1, 8);
    expect(fit.coefficients.tiny! / 5e8).toBeCloseTo(1, 8);
    expect(fit.coefficients.offset).toBeCloseTo(2, 6);
  });

  it('names collinear inputs and how they combine', () => {
    const n = 100;
    const a = Float64Array.from({ length: n }, (_, i) => i);
    const b = Float64Array.from({ length: n }, (_, i) => Math.sin(i));
    const c = Float64Array.from({ length: n }, (_, i) => 2 * i - 3 * Math.sin(i) + 7);
    const y = Float64Array.from({ length: n }, (_, i) => i + Math.cos(i));
    const e = failure(() =>
      fitRegression({
        features: [
          { name: 'a', column: a },
          { name: 'b', column: b },
          { name: 'c', column: c },
        ],
        target: y,
        train: rows(n),
        ridge: 1e-6,
        robust: true,
      }),
    );
    expect(e.code).toBe('collinear');
    expect(e.features).toEqual(['c', 'a', 'b']);
    expect(e.message).toContain('The inputs c, a and b are collinear');
    expect(e.message).toContain('c ≈ 2·a − 3·b + 7');
  });

  it('refuses a constant target, a constant feature and too few rows, never returning NaN', () => {
    const n = 100;
    const a = Float64Array.from({ length: n }, (_, i) => i);
    expect(
      failure(() =>
        fitRegression({
          features: [{ name: 'a', column: a }],
          target: new Float64Array(n).fill(5),
          train: rows(n),
          ridge: 0,
          robust: true,
          targetName: 'B7_CH1_KW#value',
        }),
      ).message,
    ).toMatch(/^B7_CH1_KW#value is constant \(5\) in every training row/);
    expect(
      failure(() => fitRegression({ features: [{ name: 'a', column: new Float64Array(n).fill(2) }], target: a, train: rows(n), ridge: 0, robust: true })).code,
    ).toBe('constant-feature');
    const few = failure(() => fitRegression({ features: [{ name: 'a', column: a }], target: a, train: rows(12), ridge: 0, robust: true }));
    expect(few.code).toBe('too-few-rows');
    expect(few.message).toContain('Only 12 training rows');
    expect(failure(() => fitRegression({ features: [{ name: 'a', column: a }], target: a, train: rows(0), ridge: 0, robust: true })).code).toBe('no-rows');
  });

  it('robust weights ignore a fault inside the training rows', () => {
    const n = 2_000;
    const x = Float64Array.from({ length: n }, (_, i) => (i * 37) % 101);
    const rng = new Prng(3);
    const y = Float64Array.from({ length: n }, (_, i) => 10 + 3 * (x[i] as number) + rng.normal() + (i >= 1_000 && i < 1_150 ? 80 : 0));
    const plain = fitRegression({ features: [{ name: 'x', column: x }], target: y, train: rows(n), ridge: 0, robust: false });
    const robust = fitRegression({ features: [{ name: 'x', column: x }], target: y, train: rows(n), ridge: 0, robust: true });
    expect(Math.abs(plain.coefficients.intercept! - 10)).toBeGreaterThan(3);
    expect(robust.coefficients.intercept).toBeCloseTo(10, 0);
    expect(robust.coefficients.x).toBeCloseTo(3, 2);
    expect(robust.excludedRows).toBeGreaterThanOrEqual(145);
  });
});

describe('robust statistics', () => {
  it('median and spread', () => {
    expect(median(Float64Array.of(5, 1, 3))).toBe(3);
    expect(median(Float64Array.of(4, 1, 3, 2))).toBe(2.5);
    expect(median(new Float64Array())).toBeNaN();
    const { median: m, spread } = medianAndSpread(Float64Array.of(1, 2, 3, 4, 100));
    expect(m).toBe(3);
    expect(spread).toBeCloseTo(1.4826, 4);
  });
});

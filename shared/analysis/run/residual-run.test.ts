import { describe, expect, it } from 'vitest';
import { Prng } from '../../sim/prng';
import { emptyDocument } from '../../twin/empty-document';
import type { Sensor, TwinDocument } from '../../twin/schema';
import { stateFromDocument } from '../../twin/state';
import { newModel } from '../model/chiller-template';
import type { ModelDefinition } from '../model/model-schema';
import { resolveModel, type ResolvedModel } from '../model/resolve-model';
import { AnalysisError } from './analysis-error';
import { runResidualAnalysis } from './residual-run';
import type { AlignedData, RunResult } from './run-types';

const RES = 900_000;
const T0 = Date.UTC(2025, 5, 1);
const N = 2_000;

function twinDoc(): TwinDocument {
  const doc = emptyDocument('t');
  doc.assets.push({ id: 'p1', kind: 'centrifugal-pump', tag: 'P-101', name: '', properties: {}, position: { x: 0, y: 0 }, rotation: 0, flip: false });
  const sensor = (id: string, role: string): Sensor => ({ id, series: `${id.toUpperCase()}#value`, unit: null, role, trusted: true, assetId: 'p1' });
  doc.sensors.push(sensor('kw', 'power'), sensor('flow', 'flow'), sensor('spd', 'speed'));
  return doc;
}

function model(extra: Partial<ModelDefinition> = {}): ModelDefinition {
  return {
    ...newModel('m', 'p1', 'P-101 power'),
    target: { role: 'power' },
    inputs: [
      { name: 'flow', role: 'flow' },
      { name: 'speed', role: 'speed' },
    ],
    features: ['flow', 'speed'],
    squares: ['speed'],
    ...extra,
  };
}

function resolved(m: ModelDefinition = model(), doc = twinDoc()): ResolvedModel {
  const r = resolveModel(stateFromDocument(doc), m);
  if (!r.resolved) throw new Error(JSON.stringify(r.problems));
  return r.resolved;
}

/** power = 3 + 0.5·flow + 0.002·speed² + noise, with a +5 kW fault on rows 1200–1299 and a few missing values. */
function data(edit: (cols: Record<string, Float64Array>) => void = () => undefined): AlignedData {
  const rng = new Prng(11);
  const t = Float64Array.from({ length: N }, (_, i) => T0 + i * RES);
  const flow = Float64Array.from({ length: N }, (_, i) => 40 + 20 * Math.sin(i / 30) + rng.normal());
  const spd = Float64Array.from({ length: N }, (_, i) => 60 + 30 * Math.cos(i / 47));
  const kw = Float64Array.from(
    { length: N },
    (_, i) => 3 + 0.5 * (flow[i] as number) + 0.002 * (spd[i] as number) ** 2 + 0.2 * rng.normal() + (i >= 1200 && i < 1300 ? 5 : 0),
  );
  for (const i of [5, 6, 7]) flow[i] = NaN;
  kw[9] = NaN;
  const columns = { 'KW#value': kw, 'FLOW#value': flow, 'SPD#value': spd };
  edit(columns);
  return { t, columns };
}

const range = { from: T0, to: T0 + N * RES };

function failure(run: () => unknown): AnalysisError {
  try {
    run();
  } catch (e) {
    if (e instanceof AnalysisError) return e;
    throw e;
  }
  throw new Error('expected an AnalysisError');
}

function allFinite(result: RunResult): boolean {
  const numbers = [
    ...Object.values(result.fit.coefficients),
    result.fit.r2,
    result.fit.residualSpread,
    ...result.episodes.flatMap((e) => [e.start, e.end, e.peak, e.mean]),
  ];
  return numbers.every(Number.isFinite) && [result.series.actual, result.series.predicted, result.series.residual].every((c) => c.every(Number.isFinite));
}

describe('runResidualAnalysis', () => {
  it('fits, reports dropped rows by reason, and finds the injected fault with both detectors', () => {
    const result = runResidualAnalysis({ resolved: resolved(), data: data(), analysis: range });
    expect(result.fit.coefficients.flow).toBeCloseTo(0.5, 2);
    expect(result.fit.coefficients['speed^2']).toBeCloseTo(0.002, 4);
    // R² counts every training row, the fault's too.
    expect(result.fit.r2).toBeGreaterThan(0.95);
    expect(result.fit.residualSpread).toBeCloseTo(0.2, 1);
    expect(result.fit.rows).toBe(N - 4);
    expect(result.fit.dropped).toEqual([
      { reason: 'target KW#value has no value', rows: 1 },
      { reason: 'input flow (FLOW#value) has no value', rows: 3 },
    ]);
    expect(result.fit.outlierRows).toBeGreaterThanOrEqual(95);
    const threshold = result.episodes.filter((e) => e.detector === 'threshold');
    expect(threshold).toHaveLength(1);
    expect(threshold[0]).toMatchObject({ start: T0 + 1200 * RES, end: T0 + 1300 * RES, direction: 'high' });
    expect(threshold[0]!.peak).toBeGreaterThan(4);
    expect(result.episodes.some((e) => e.detector === 'drift' && e.direction === 'high' && e.detectedAt < T0 + 1220 * RES)).toBe(true);
    expect(allFinite(result)).toBe(true);
  });

  it('trains on its training range only, and says when the run leaves what training saw', () => {
    const result = runResidualAnalysis({ resolved: resolved(model({ training: { from: T0, to: T0 + 60 * RES } })), data: data(), analysis: range });
    expect(result.fit.trainingRows).toBe(56);
    expect(result.fit.training).toEqual({ from: T0, to: T0 + 60 * RES });
    expect(result.fit.extrapolation.map((x) => x.input)).toContain('speed');
  });

  it('bad input gives clear errors, never NaN', () => {
    const few = failure(() =>
      runResidualAnalysis({ resolved: resolved(model({ training: { from: T0 + 100 * RES, to: T0 + 120 * RES } })), data: data(), analysis: range }),
    );
    expect([few.code, few.message]).toEqual([
      'too-few-rows',
      expect.stringMatching(
        /^Only 20 training rows have the target and every input; a model with 3 features needs at least 40\..*training range 2025-06-02T01:00:00.000Z/,
      ),
    ]);

    const missing = failure(() =>
      runResidualAnalysis({ resolved: resolved(), data: data((c) => (c['FLOW#value'] as Float64Array).fill(NaN)), analysis: range }),
    );
    expect([missing.code, missing.message]).toEqual([
      'input-missing',
      expect.stringMatching(/^The input flow \(FLOW#value\) has no data between 2025-06-01T00:00:00.000Z and /),
    ]);

    const constant = failure(() => runResidualAnalysis({ resolved: resolved(), data: data((c) => (c['KW#value'] as Float64Array).fill(42)), analysis: range }));
    expect([constant.code, constant.message]).toEqual([
      'constant-target',
      expect.stringMatching(/^The target KW#value is constant \(42\) in every training row/),
    ]);

    const empty = failure(() => runResidualAnalysis({ resolved: resolved(), data: data((c) => (c['KW#value'] as Float64Array).fill(NaN)), analysis: range }));
    expect([empty.code, empty.message]).toEqual(['no-data', expect.stringMatching(/^The target KW#value has no data between/)]);

    const noRows = failure(() =>
      runResidualAnalysis({
        resolved: resolved(),
        data: { t: new Float64Array(0), columns: { 'KW#value': new Float64Array(0), 'FLOW#value': new Float64Array(0), 'SPD#value': new Float64Array(0) } },
        analysis: range,
      }),
    );
    expect(noRows.code).toBe('no-data');

    const m = model({ inputs: [...model().inputs, { name: 'flow2', expression: '2 * flow + 1' }], features: ['flow', 'speed', 'flow2'], squares: [] });
    const collinear = failure(() => runResidualAnalysis({ resolved: resolved(m), data: data(), analysis: range }));
    expect(collinear.code).toBe('collinear');
    expect(collinear.message).toContain('The inputs flow2 and flow are collinear in the training rows (flow2 ≈ 2·flow + 1)');

    const divide = failure(() =>
      runResidualAnalysis({
        resolved: resolved(model({ inputs: [...model().inputs, { name: 'x', expression: 'flow / (speed - speed)' }], features: ['flow', 'x'], squares: [] })),
        data: data(),
        analysis: range,
      }),
    );
    expect([divide.code, divide.message]).toEqual(['input-missing', expect.stringMatching(/^The input x cannot be computed in any row/)]);
  });

  it('leaves out rows where the filter is not true, and says so', () => {
    const result = runResidualAnalysis({ resolved: resolved(model({ filter: 'speed > 40' })), data: data(), analysis: range });
    const filtered = result.fit.dropped.find((d) => d.reason === 'filter speed > 40 is not true');
    expect(filtered?.rows).toBeGreaterThan(100);
    expect(result.fit.rows + result.fit.droppedRows).toBe(N);
  });
});

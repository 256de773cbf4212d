import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isTwinError, type TwinError } from '../../shared/api/errors';
import { formatSeriesKey } from '../../shared/series/series-key';
import type { ResidualStage } from '../../shared/api/analysis-schemas';
import { LocalStore } from '../sources/local/local-store';
import { runResiduals, type ResidualRunDeps } from './residual-service';
import { buildAnalysisBundles } from './testing/build-bundles';
import { FAULT, SYNTHETIC_FROM, syntheticModel, syntheticPoints, syntheticProject } from './testing/synthetic-plant';

const DAY = 86_400_000;
const range = { from: SYNTHETIC_FROM, to: SYNTHETIC_FROM + 10 * DAY };
let dir: string;
let store: LocalStore;
let workerFile: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'twin-residuals-'));
  ({ worker: workerFile } = await buildAnalysisBundles(path.join(dir, 'bundle')));
  store = await LocalStore.open(path.join(dir, 'local'));
  await store.appendColumns(syntheticPoints());
});
afterAll(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const deps = (): ResidualRunDeps => ({
  fetch: (keys, layout, signal) => store.windows(keys, layout, signal ? { stats: ['mean'], signal } : { stats: ['mean'] }),
  source: store,
  where: 'the test store',
  workerFile,
});

async function failure(run: Promise<unknown>): Promise<TwinError> {
  try {
    await run;
  } catch (e) {
    if (isTwinError(e)) return e;
    throw e;
  }
  throw new Error('expected a TwinError');
}

const TAGS = { twin: 'synthetic-plant', asset: 'P-101', model: 'm-p101-power', sensor: 'P101_KW#value' };
const PREDICTIONS = formatSeriesKey({ measurement: 'twin_prediction', tags: TAGS, field: 'residual' });

describe('runResiduals on a worker thread over the local store', () => {
  it('aligns the inputs, fits, finds the injected fault and reports progress', async () => {
    const seen: [ResidualStage, number][] = [];
    const run = await runResiduals({ document: syntheticProject(), modelId: 'm-p101-power', range, write: false }, deps(), {
      onProgress: (s, f) => seen.push([s, f]),
    });
    expect(run.fit.rows).toBe(960);
    expect(run.fit.coefficients.flow).toBeCloseTo(0.5, 1);
    expect(run.fit.coefficients['speed^2']).toBeCloseTo(0.002, 3);
    const threshold = run.episodes.filter((e) => e.detector === 'threshold');
    expect(threshold).toEqual([expect.objectContaining({ start: FAULT.from, end: FAULT.to, direction: 'high' })]);
    expect(
      run.episodes.some((e) => e.detector === 'drift' && e.direction === 'high' && e.detectedAt >= FAULT.from && e.detectedAt < FAULT.from + 6 * 3_600_000),
    ).toBe(true);
    expect(run.series.t).toHaveLength(960);
    expect(run.written).toBeNull();
    expect(run.computeMs).toBeGreaterThan(0);
    expect(seen.map(([s]) => s)).toEqual(expect.arrayContaining(['fetch', 'inputs', 'fit', 'detect']));
    const fractions = seen.map(([, f]) => f);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.at(-1)).toBe(1);
  });

  it('writes predictions and alerts back; a second run replaces them, and stale episodes go', async () => {
    const first = await runResiduals({ document: syntheticProject(), modelId: 'm-p101-power', range, write: true }, deps());
    expect(first.written).toMatchObject({
      predictions: { written: 960, total: 960 },
      alerts: { written: first.episodes.length, total: first.episodes.length },
    });
    expect(await store.pointCount(PREDICTIONS)).toBe(960);
    const alertsBefore = store.seriesCount();
    await runResiduals({ document: syntheticProject(), modelId: 'm-p101-power', range, write: true }, deps());
    expect(await store.pointCount(PREDICTIONS)).toBe(960);
    expect(store.seriesCount()).toBe(alertsBefore);
    const alertKey = (detector: string) => formatSeriesKey({ measurement: 'twin_alert', tags: { ...TAGS, detector, direction: 'high' }, field: 'peak' });
    expect(await store.pointCount(alertKey('drift'))).toBeGreaterThan(0);
    // The same model with the drift detector off: its earlier drift episodes in the range are stale and go.
    const noDrift = syntheticModel({ detection: { ...syntheticModel().detection, drift: { ...syntheticModel().detection.drift, enabled: false } } });
    const third = await runResiduals({ document: syntheticProject(noDrift), modelId: 'm-p101-power', range, write: true }, deps());
    expect(third.episodes.every((e) => e.detector === 'threshold')).toBe(true);
    expect(await store.pointCount(alertKey('drift'))).toBe(0);
    expect(await store.pointCount(alertKey('threshold'))).toBe(third.episodes.length);
    expect(await store.pointCount(PREDICTIONS)).toBe(960);
  });

  it('cancels at once, and nothing is written', async () => {
    const abort = new AbortController();
    const before = await store.pointCount();
    const run = runResiduals(
      { document: syntheticProject(), modelId: 'm-p101-power', range: { from: range.from, to: range.from + 9 * DAY }, write: true },
      deps(),
      {
        signal: abort.signal,
        onProgress: (stage) => stage === 'fit' && abort.abort(),
      },
    );
    const e = await failure(run);
    expect(e.kind).toBe('cancelled');
    expect(await store.pointCount()).toBe(before);
  });

  it('says what is wrong with a model or a range', async () => {
    expect((await failure(runResiduals({ document: syntheticProject(), modelId: 'nope', range, write: false }, deps()))).message).toBe(
      'The project has no model "nope"; its models are m-p101-power.',
    );
    const bad = await failure(
      runResiduals(
        { document: syntheticProject(syntheticModel({ inputs: [{ name: 'flow', expression: 'flw * 2' }] })), modelId: 'm-p101-power', range, write: false },
        deps(),
      ),
    );
    expect(bad.kind).toBe('invalid-input');
    expect(bad.problems?.[0]).toMatchObject({ path: '$.models[0].inputs[0].expression', message: expect.stringContaining('unknown name "flw"') });
    const none = await failure(
      runResiduals(
        { document: syntheticProject(), modelId: 'm-p101-power', range: { from: range.from - 30 * DAY, to: range.from - 20 * DAY }, write: false },
        deps(),
      ),
    );
    expect(none.message).toMatch(/^The target P101_KW#value has no data between 2025-05-02T00:00:00.000Z and 2025-05-12T00:00:00.000Z/);
  });
});

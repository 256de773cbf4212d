import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Influx1Source } from '../sources/influx1/influx1-source';
import { startInfluxd, type Influxd } from '../testing/influxd';
import { runResiduals, type ResidualRunDeps } from './residual-service';
import { buildAnalysisBundles } from './testing/build-bundles';
import { SYNTHETIC_FROM, syntheticModel, syntheticPoints, syntheticProject } from './testing/synthetic-plant';

/** Write-back idempotence against a real InfluxDB 1.x: the same run twice leaves each point once. */

const DAY = 86_400_000;
const range = { from: SYNTHETIC_FROM, to: SYNTHETIC_FROM + 10 * DAY };
let influxd: Influxd;
let source: Influx1Source;
let dir: string;
let workerFile: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'twin-residuals-influx-'));
  [influxd, { worker: workerFile }] = await Promise.all([startInfluxd({ databases: ['plant'] }), buildAnalysisBundles(dir)]);
  source = new Influx1Source({ url: influxd.url, database: 'plant', timeoutMs: 30_000 });
  for (const s of syntheticPoints()) {
    const r = await source.write(Array.from(s.t, (t, i) => ({ key: s.key, t, value: s.v[i] as number })));
    expect(r.dropped).toBe(0);
  }
});
afterAll(async () => {
  await source?.close();
  await influxd?.stop();
  await rm(dir, { recursive: true, force: true });
});

const deps = (): ResidualRunDeps => ({
  fetch: (keys, layout, signal) => source.windows(keys, layout, signal ? { stats: ['mean'], signal } : { stats: ['mean'] }),
  source,
  where: influxd.url,
  workerFile,
});

async function count(q: string): Promise<number> {
  const [result] = (await influxd.query(q, 'plant')) as { series?: { values: [number, number][] }[] }[];
  return result?.series?.[0]?.values[0]?.[1] ?? 0;
}
const predictions = () => count(`SELECT count("residual") FROM "twin_prediction" WHERE "model" = 'm-p101-power'`);
const alerts = (detector?: string) =>
  count(`SELECT count("peak") FROM "twin_alert" WHERE "model" = 'm-p101-power'${detector ? ` AND "detector" = '${detector}'` : ''}`);

describe('residual results written back to InfluxDB 1.x', () => {
  it('run twice, each point is there once; a re-run without drift removes its stale drift episodes', { timeout: 60_000 }, async () => {
    const first = await runResiduals({ document: syntheticProject(), modelId: 'm-p101-power', range, write: true }, deps());
    expect(first.written?.predictions).toEqual({ written: 960, total: 960 });
    expect(await predictions()).toBe(960);
    expect(await alerts()).toBe(first.episodes.length);
    expect(first.episodes.length).toBeGreaterThanOrEqual(2);

    const second = await runResiduals({ document: syntheticProject(), modelId: 'm-p101-power', range, write: true }, deps());
    expect(second.episodes).toEqual(first.episodes);
    expect(await predictions()).toBe(960);
    expect(await alerts()).toBe(first.episodes.length);

    const noDrift = syntheticModel({ detection: { ...syntheticModel().detection, drift: { ...syntheticModel().detection.drift, enabled: false } } });
    const third = await runResiduals({ document: syntheticProject(noDrift), modelId: 'm-p101-power', range, write: true }, deps());
    expect(await alerts('drift')).toBe(0);
    expect(await alerts('threshold')).toBe(third.episodes.length);

    // What was written reads back: the predictions at their grid times, the alert's fields as the episode's.
    const [res] = (await influxd.query(`SELECT "end", "peak", "direction", "detector" FROM "twin_alert" WHERE "model" = 'm-p101-power'`, 'plant')) as {
      series: { values: [number, number, number, string, string][] }[];
    }[];
    const [t, end, peak, direction, detector] = res!.series[0]!.values[0]!;
    const e = third.episodes[0]!;
    expect([t, end, peak, direction, detector]).toEqual([e.start, e.end, e.peak, e.direction, 'threshold']);
  });
});

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import faultsFileText from '../../../assets/demo/b7-faults.json?raw';
import { scenarioFaultPlan } from '../../../shared/sim/scenario-plan';
import { LocalStore } from '../../sources/local/local-store';
import { runCli } from '../run-cli';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'twin-seed-scenario-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s) }, out, err };
}

describe('twin seed --scenario N --ground-truth FILE', () => {
  it('writes a year with other noise and faults, and the ground truth in the demo format', { timeout: 120_000 }, async () => {
    const truthFile = path.join(dir, 'truth.json');
    const c = capture();
    expect(await runCli(['seed', '--local', path.join(dir, 's3'), '--days', '1', '--scenario', '3', '--ground-truth', truthFile, '--json'], c.io)).toBe(0);
    const truth = JSON.parse(await readFile(truthFile, 'utf8'));
    const demo = JSON.parse(faultsFileText);
    expect(Object.keys(truth)).toEqual(Object.keys(demo));
    expect(truth.faults.map((f: { id: string }) => f.id.replace(/ch\d$/, ''))).toEqual(demo.faults.map((f: { id: string }) => f.id.replace(/ch\d$/, '')));
    expect(Object.keys(truth.faults[0])).toEqual(Object.keys(demo.faults[0]));
    const plan = scenarioFaultPlan(3);
    expect(truth.seed).toBe(3);
    expect(truth.faults[0]).toMatchObject({
      kind: 'condenser-fouling',
      assetTags: [`CH-${plan.fouling.chiller + 1}`],
      expected: { kwIncreaseAtFull: plan.fouling.kwIncrease },
    });
    expect(truth.faults[0].start.ms).toBeGreaterThanOrEqual(Date.UTC(2025, 2, 1));
    expect(truth.faults[0].start.ms).toBeLessThan(Date.UTC(2025, 10, 1));

    // The same day of the demo year reads differently: the noise comes from the scenario too.
    const d = capture();
    expect(await runCli(['seed', '--local', path.join(dir, 'demo'), '--days', '1', '--ground-truth', path.join(dir, 'demo.json')], d.io)).toBe(0);
    expect(JSON.parse(await readFile(path.join(dir, 'demo.json'), 'utf8'))).toEqual(demo);
    const [a, b] = await Promise.all([LocalStore.open(path.join(dir, 's3')), LocalStore.open(path.join(dir, 'demo'))]);
    try {
      const range = { from: Date.UTC(2025, 11, 31, 6), to: Date.UTC(2026, 0, 1, 6) };
      const [ra, rb] = await Promise.all([a.raw('B7_CH1_KW#value', range, 10), b.raw('B7_CH1_KW#value', range, 10)]);
      expect(ra.t).toEqual(rb.t);
      expect(ra.v).not.toEqual(rb.v);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('refuses a scenario that is not a whole number', async () => {
    const c = capture();
    expect(await runCli(['seed', '--local', path.join(dir, 'x'), '--scenario', 'two'], c.io)).toBe(2);
    expect(c.err.join('\n')).toContain('--scenario must be a whole number of 0 or more, got "two"');
  });
});

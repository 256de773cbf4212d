import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatSeriesKey } from '../../../shared/series/series-key';
import { LocalStore } from '../../sources/local/local-store';
import { installCli, type InstalledCli } from '../testing/installed-cli';
import { FAULT, SYNTHETIC_FROM, syntheticModel, syntheticPoints, syntheticProject } from '../../analysis/testing/synthetic-plant';

/**
 * `twin residuals` as users run it: `node bin/twin.cjs` in a child process, with the CLI and its analysis
 * worker bundled beside it as `npm run build` does, on a project file and a local store.
 */
let installed: InstalledCli;
let dir: string;
let project: string;
let store: string;

async function twin(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return installed.run(args);
}

const FROM = new Date(SYNTHETIC_FROM).toISOString();
const TO = new Date(SYNTHETIC_FROM + 10 * 86_400_000).toISOString();

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'twin-cli-residuals-'));
  installed = await installCli();
  project = path.join(dir, 'plant.twin.json');
  await writeFile(project, JSON.stringify(syntheticProject(), null, 2));
  store = path.join(dir, 'local');
  const s = await LocalStore.open(store);
  await s.appendColumns(syntheticPoints());
  await s.close();
}, 120_000);
afterAll(async () => {
  installed?.remove();
  await rm(dir, { recursive: true, force: true });
});

describe('twin residuals', () => {
  it('--json prints exactly the documented shape', async () => {
    const r = await twin('residuals', project, '--local', store, '--model', 'm-p101-power', '--from', FROM, '--to', TO, '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(['fit', 'episodes']);
    expect(Object.keys(json.fit)).toEqual(['coefficients', 'r2', 'residualSpread', 'rows', 'droppedRows']);
    expect(Object.keys(json.fit.coefficients)).toEqual(['intercept', 'flow', 'speed', 'speed^2']);
    expect(json.fit.rows).toBe(960);
    expect(json.fit.droppedRows).toBe(0);
    expect(json.fit.r2).toBeGreaterThan(0.9);
    for (const e of json.episodes) expect(Object.keys(e)).toEqual(['start', 'end', 'peak', 'mean', 'direction', 'detector']);
    expect(json.episodes).toContainEqual(expect.objectContaining({ start: FAULT.from, end: FAULT.to, direction: 'high', detector: 'threshold' }));
  });

  it('--write stores the results, and a second run replaces them', async () => {
    for (let i = 0; i < 2; i++) {
      const r = await twin('residuals', project, '--local', store, '--model', 'm-p101-power', '--from', FROM, '--to', TO, '--write');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Episodes: ');
      expect(r.stdout).toMatch(/Wrote 960 predictions and \d+ alerts to the local store in /);
    }
    const s = await LocalStore.open(store);
    try {
      const key = formatSeriesKey({
        measurement: 'twin_prediction',
        tags: { twin: 'synthetic-plant', asset: 'P-101', model: 'm-p101-power', sensor: 'P101_KW#value' },
        field: 'predicted',
      });
      expect(await s.pointCount(key)).toBe(960);
    } finally {
      await s.close();
    }
  });

  it('bad input: exit 2 for usage and unreadable projects, 1 for a model or data problem, each saying what and where', async () => {
    const usage = await twin('residuals', project, '--local', store, '--from', FROM, '--to', TO);
    expect([usage.code, usage.stderr]).toEqual([2, expect.stringContaining('Name the model with --model ID')]);
    const missing = await twin('residuals', path.join(dir, 'nope.twin.json'), '--local', store, '--model', 'm', '--from', FROM, '--to', TO);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('nope.twin.json')]);
    const unknown = await twin('residuals', project, '--local', store, '--model', 'm-x', '--from', FROM, '--to', TO, '--json');
    expect([unknown.code, unknown.stdout, unknown.stderr.trim()]).toEqual([
      1,
      '',
      'twin residuals: The project has no model "m-x"; its models are m-p101-power.',
    ]);
    const bad = path.join(dir, 'bad.twin.json');
    await writeFile(
      bad,
      JSON.stringify(
        syntheticProject(
          syntheticModel({
            inputs: [
              { name: 'flow', role: 'flow' },
              { name: 'speed', expression: 'sqrt(flow' },
            ],
          }),
        ),
      ),
    );
    const parse = await twin('residuals', bad, '--local', store, '--model', 'm-p101-power', '--from', FROM, '--to', TO);
    expect(parse.code).toBe(1);
    expect(parse.stderr).toContain(
      '$.models[0].inputs[1].expression: expected "," or ")" in the call of sqrt opened at column 5, found the end of the expression (column 10, at the end)',
    );
    const empty = await twin(
      'residuals',
      project,
      '--local',
      store,
      '--model',
      'm-p101-power',
      '--from',
      '2024-01-01T00:00:00Z',
      '--to',
      '2024-02-01T00:00:00Z',
    );
    expect([empty.code, empty.stderr]).toEqual([
      1,
      expect.stringContaining('The target P101_KW#value has no data between 2024-01-01T00:00:00.000Z and 2024-02-01T00:00:00.000Z'),
    ]);
  });
});

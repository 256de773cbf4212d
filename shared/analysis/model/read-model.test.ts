import { describe, expect, it } from 'vitest';
import { modelMigrations } from './model-migrations';
import { MODEL_VERSION } from './model-schema';
import { readModel } from './read-model';

const fixtures = import.meta.glob<string>('./fixtures/*.json', { query: '?raw', import: 'default', eager: true });
const fixture = (name: string): unknown => JSON.parse(fixtures[`./fixtures/${name}`] ?? 'null');

describe('readModel: versions and migrations', () => {
  it('has one migration per version, in order, ending at the current one', () => {
    expect(modelMigrations.map((m) => [m.from, m.to])).toEqual(Array.from({ length: MODEL_VERSION }, (_, i) => [i, i + 1]));
  });

  it('reads a model without modelVersion as a version 1 draft, keeping everything', () => {
    const read = readModel(fixture('v0-chiller-power.json'));
    expect(read.status).toBe('ok');
    if (read.status !== 'ok') return;
    expect(read.migratedFrom).toBe(0);
    expect(JSON.parse(JSON.stringify(read.model))).toEqual(fixture('v0-chiller-power.expected.json'));
  });

  it('reads the current version with defaults filled and unknown fields kept at every level', () => {
    const read = readModel(fixture('v1-chiller-template.json'));
    expect(read.status).toBe('ok');
    if (read.status !== 'ok') return;
    expect(read.migratedFrom).toBeUndefined();
    expect(read.model).toMatchObject({
      notes: 'unknown fields survive',
      type: 'chiller',
      robust: true,
      detection: { threshold: { k: 5, over: 4, under: 8, enabled: true, reviewedBy: 'kept as written' }, drift: { enabled: false, lambda: 0.015 } },
    });
  });

  it('says a newer model version is newer, and reports bad shapes with JSON paths', () => {
    expect(readModel({ id: 'm', modelVersion: MODEL_VERSION + 1, whatever: 1 })).toEqual({ status: 'newer', version: MODEL_VERSION + 1 });
    const bad = readModel({ id: 'm', modelVersion: 1, resolutionMs: 10, inputs: [{ name: 'a', role: 3 }], detection: { threshold: { k: -1 } } }, ['models', 2]);
    expect(bad.status).toBe('invalid');
    if (bad.status !== 'invalid') return;
    expect(bad.problems.map((p) => p.path).sort()).toEqual(['$.models[2].detection.threshold.k', '$.models[2].inputs[0].role', '$.models[2].resolutionMs']);
    expect(readModel({ id: 'm', modelVersion: 'one' }, ['models', 0])).toMatchObject({ status: 'invalid', problems: [{ path: '$.models[0].modelVersion' }] });
  });
});

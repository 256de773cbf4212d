import { describe, expect, it } from 'vitest';
import { summarizeChanges, summaryCounts, summaryLines } from './change-summary';
import { asset, connection, sampleTwin, sensor } from './testing/sample-twin';

describe('the difference between two twins', () => {
  it('is empty for the same content in another key order, and ignores the tenant link', () => {
    const a = sampleTwin();
    const b = { ...JSON.parse(JSON.stringify(a)), tenant: { key: 'k', name: 'acme', revision: 3 } };
    const s = summarizeChanges(a, b);
    expect(s.identical).toBe(true);
    expect(summaryLines(s)).toEqual(['no differences']);
    expect(summaryCounts(s)).toBe('no differences');
  });

  it('names assets by tag: added, removed, changed (with fields) and moved apart', () => {
    const a = sampleTwin();
    const b = sampleTwin({
      assets: [
        { ...asset('ch1', 'CH-1A', 'chiller', 0) },
        { ...asset('p1', 'P-1', 'centrifugal-pump', 250), rotation: 90 },
        asset('ct2', 'CT-2', 'cooling-tower', 600),
      ],
      connections: [connection('c1', ['ch1', 'chw-out'], ['p1', 'in'])],
    });
    const s = summarizeChanges(a, b);
    expect(s.assets.added).toEqual([{ id: 'ct2', label: 'CT-2' }]);
    expect(s.assets.removed).toEqual([{ id: 'ct1', label: 'CT-1' }]);
    expect(s.assets.changed).toEqual([{ id: 'ch1', label: 'CH-1A', fields: ['tag'] }]);
    expect(s.assets.moved).toEqual([{ id: 'p1', label: 'P-1', fields: ['position', 'rotation'] }]);
    // A connection is labelled with the tags on its side of the change: the removed one still names CT-1.
    expect(s.connections.removed).toEqual([{ id: 'c2', label: 'P-1.out → CT-1.in' }]);
    expect(summaryLines(s)).toEqual([
      '1 asset added: CT-2',
      '1 asset removed: CT-1',
      '1 asset changed: CH-1A',
      '1 asset moved: P-1',
      '1 connection removed: P-1.out → CT-1.in',
    ]);
    expect(summaryCounts(s)).toBe('assets +1 −1 ~2, connections −1');
  });

  it('treats bindings as sensors bound to assets: binding, unbinding, rebinding and changing the trusted flag', () => {
    const a = sampleTwin();
    const b = sampleTwin({
      sensors: [
        sensor('s1', 'B7_CH1_KW#value', 'p1'),
        sensor('s2', 'LCHWT_1#value', 'ch1', { unit: '°C', role: 'chws-temperature', source: 'local', trusted: false }),
        sensor('s3', 'OAWB#value', 'ct1', { unit: '°C', role: 'wet-bulb' }),
      ],
    });
    const s = summarizeChanges(a, b);
    expect(s.bindings.added).toEqual([{ id: 's3', label: 'OAWB#value → CT-1 (wet-bulb)' }]);
    expect(s.bindings.changed).toEqual([
      { id: 's1', label: 'B7_CH1_KW#value → P-1 (power)', fields: ['assetId'] },
      { id: 's2', label: 'LCHWT_1#value → CH-1 (chws-temperature)', fields: ['trusted'] },
    ]);
    expect(s.bindings.removed).toEqual([]);
    // The unbound sensor that became bound is a binding added, and no longer an unbound sensor.
    expect(s.other).toEqual(['unbound sensors: 1 removed']);
    const back = summarizeChanges(b, a);
    expect(back.bindings.removed).toEqual([{ id: 's3', label: 'OAWB#value → CT-1 (wet-bulb)' }]);
  });

  it('says what else changed in one line each: name, time zone, sources, the default source, systems, suggestions', () => {
    const a = sampleTwin();
    const b = sampleTwin({
      name: 'B7 plant',
      timeZone: 'UTC',
      sources: [a.sources[0]!, { id: 'cloud', name: 'Cloud', kind: 'influx2', org: 'acme', bucket: 'b7' }],
      defaultSource: 'cloud',
      systems: [{ id: 'sys', name: 'CHW', assetIds: ['ch1'] }],
      rejectedSuggestions: [{ series: 'OAWB#value', assetId: 'ct1', role: 'wet-bulb' }],
      models: [],
    });
    (b as Record<string, unknown>).plantNotes = 'new field this build does not know';
    const s = summarizeChanges(a, b);
    expect(s.other).toEqual([
      'name: “B7 chilled water” → “B7 plant”',
      'time zone: America/Chicago → UTC',
      'sources: 1 added, 1 removed',
      'systems: 1 added',
      'default source: (first listed) → cloud',
      'rejected suggestions: 0 → 1',
      'other fields: plantNotes',
    ]);
    expect(s.identical).toBe(false);
  });

  it('shortens long lists', () => {
    const a = sampleTwin({ assets: [], connections: [], sensors: [] });
    const b = sampleTwin({ assets: Array.from({ length: 5 }, (_, i) => asset(`a${i}`, `P-${i}`)), connections: [], sensors: [] });
    expect(summaryLines(summarizeChanges(a, b))).toEqual(['5 assets added: P-0, P-1, P-2 and 2 more']);
  });
});

import { describe, expect, it } from 'vitest';
import { buildDemoProject } from '../sim/demo-plant/build-demo-project';
import { applyDiff, DiffBuilder } from './diff';
import { redundancyGroup, valuePlacements } from './value-placements';
import { schematicPlan } from './schematic-plan';
import { stateFromDocument } from './state';

const demo = stateFromDocument(buildDemoProject());
const series = (id: string) => demo.sensors[id]?.series;

describe('value placements', () => {
  it('draws every bound demo sensor beside its own asset, except the untrusted redundant CHWS sensor', () => {
    const placements = valuePlacements(demo);
    const drawn = placements.map((p) => series(p.sensorId));
    expect(drawn).toContain('B7_CHWS_T#value');
    expect(drawn).not.toContain('B7_CHWS_T_2#value');
    expect(placements).toHaveLength(Object.keys(demo.sensors).length - 1);
    const chws = placements.find((p) => series(p.sensorId) === 'B7_CHWS_T#value')!;
    expect(demo.assets[chws.anchorId]?.tag).toBe('TT-101');
    expect(chws.redundant.map(series)).toEqual(['B7_CHWS_T_2#value']);
    const kw = placements.find((p) => series(p.sensorId) === 'B7_CH1_KW#value')!;
    expect(demo.assets[kw.anchorId]?.tag).toBe('JT-115');
  });

  it('lists a redundancy group trusted first, and draws the first when none is trusted', () => {
    const second = Object.values(demo.sensors).find((s) => s.series === 'B7_CHWS_T_2#value')!;
    expect(redundancyGroup(demo, second).map((s) => s.series)).toEqual(['B7_CHWS_T#value', 'B7_CHWS_T_2#value']);
    const first = Object.values(demo.sensors).find((s) => s.series === 'B7_CHWS_T#value')!;
    const untrusted = applyDiff(demo, new DiffBuilder(demo).put('sensors', { ...first, trusted: false }).build());
    const drawn = valuePlacements(untrusted).filter((p) => ['B7_CHWS_T#value', 'B7_CHWS_T_2#value'].includes(series(p.sensorId)!));
    expect(drawn.map((p) => series(p.sensorId))).toEqual(['B7_CHWS_T#value']);
  });

  it('reads each sensor from its own source, or the project default', () => {
    const [a, b] = Object.values(demo.sensors);
    const twin = applyDiff(
      demo,
      new DiffBuilder(demo)
        .put('sources', { id: 'influx-b7', name: 'B7 historian', kind: 'influx1' })
        .put('sensors', { ...a!, source: 'influx-b7' })
        .build(),
    );
    const sources = new Map(schematicPlan(twin).sensors.map((s) => [s.id, s.source]));
    expect(sources.get(a!.id)).toBe('influx-b7');
    expect(sources.get(b!.id)).toBe('local');
    const elsewhere = applyDiff(twin, new DiffBuilder(twin).setMeta({ ...twin.meta, defaultSource: 'influx-b7' }).build());
    expect(schematicPlan(elsewhere).sensors.find((s) => s.id === b!.id)?.source).toBe('influx-b7');
  });
});

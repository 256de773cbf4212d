import { describe, expect, it } from 'vitest';
import { buildDemoProject } from '../sim/demo-plant/build-demo-project';
import { sensorsOfAsset } from './asset-sensors';
import { drawsPosition, drawsRunning, equipmentState, sameState, statePlan, UNKNOWN_STATE } from './equipment-state';
import type { Asset, Sensor } from './schema';
import { stateFromDocument } from './state';

const demo = stateFromDocument(buildDemoProject());
const byTag = (tag: string) => Object.values(demo.assets).find((a) => a.tag === tag) as Asset;
const seriesOf = (id: string) => demo.sensors[id]?.series;
const planOf = (tag: string) => statePlan(byTag(tag), sensorsOfAsset(demo, byTag(tag).id));

describe('equipment state from sensor roles', () => {
  it('knows which kinds run and which have a position', () => {
    expect(['chiller', 'centrifugal-pump', 'cooling-tower', 'fan'].every(drawsRunning)).toBe(true);
    expect(drawsRunning('temperature-transmitter')).toBe(false);
    expect(drawsPosition('control-valve')).toBe(true);
    expect(drawsPosition('damper')).toBe(true);
    expect(drawsPosition('chiller')).toBe(false);
  });

  it('reads a chiller from its status first, then its power (wired through JT-115)', () => {
    const plan = planOf('CH-1');
    expect(plan.running.map((r) => [r.by, seriesOf(r.sensorId)])).toEqual([
      ['status', 'B7_CH1_STS#value'],
      ['power', 'B7_CH1_KW#value'],
    ]);
    const values: Record<string, number | null> = { [plan.running[0]!.sensorId]: 0, [plan.running[1]!.sensorId]: 300 };
    // The status decides while it has a value, even against the power.
    expect(equipmentState(plan, (id) => values[id] ?? null)).toMatchObject({ running: false, runningBy: 'status' });
    values[plan.running[0]!.sensorId] = null;
    expect(equipmentState(plan, (id) => values[id] ?? null)).toMatchObject({ running: true, runningBy: 'power' });
    // 1,758 kW of cooling at COP 6 is 293 kW electric; 5 % of that is the threshold.
    expect(plan.running[1]!.threshold).toBeCloseTo(14.65);
  });

  it('reads a cooling tower without a status from its fan power or speed', () => {
    const plan = planOf('CT-1');
    expect(plan.running.map((r) => r.by)).toEqual(['power', 'speed']);
    expect(equipmentState(plan, () => 0)).toMatchObject({ running: false, runningBy: 'power' });
    expect(equipmentState(plan, (id) => (id === plan.running[0]!.sensorId ? null : 40))).toMatchObject({ running: true, runningBy: 'speed' });
  });

  it('draws the bypass valve at its position sensor (ZT-106 wired to FV-106), clamped to 0–100', () => {
    const plan = planOf('FV-106');
    expect(seriesOf(plan.positionSensorId!)).toBe('B7.BYP.POS#value');
    expect(plan.running).toEqual([]);
    expect(equipmentState(plan, () => 37.5)).toMatchObject({ position: 37.5, running: null });
    expect(equipmentState(plan, () => 100.4).position).toBe(100);
    expect(equipmentState(plan, () => -0.2).position).toBe(0);
    expect(equipmentState(plan, () => null)).toEqual(UNKNOWN_STATE);
  });

  it('prefers the trusted sensor of a role and scales thresholds with the unit', () => {
    const pump: Asset = { ...byTag('CHWP-1'), properties: { motorKw: 40 } };
    const sensors: Sensor[] = [
      { id: 'a', series: 'a#v', unit: 'W', role: 'power', trusted: false, assetId: pump.id },
      { id: 'b', series: 'b#v', unit: 'kW', role: 'power', trusted: true, assetId: pump.id },
      { id: 'c', series: 'c#v', unit: 'rpm', role: 'speed', trusted: true, assetId: pump.id },
    ];
    const plan = statePlan(pump, sensors);
    expect(plan.running.map((r) => [r.sensorId, r.threshold])).toEqual([
      ['b', 2],
      ['a', 2000],
      ['c', 50],
    ]);
  });

  it('tells when two states draw the same', () => {
    expect(sameState(UNKNOWN_STATE, { ...UNKNOWN_STATE })).toBe(true);
    expect(sameState(undefined, UNKNOWN_STATE)).toBe(false);
    expect(sameState(UNKNOWN_STATE, { ...UNKNOWN_STATE, running: true })).toBe(false);
  });
});

import { newModel } from '../../../shared/analysis/model/chiller-template';
import type { ModelDefinition } from '../../../shared/analysis/model/model-schema';
import { Prng } from '../../../shared/sim/prng';
import { emptyDocument } from '../../../shared/twin/empty-document';
import type { Sensor, TwinDocument, TwinModel } from '../../../shared/twin/schema';

/**
 * A small plant for the analysis tests: pump P-101 whose power follows 3 + 0.5·flow + 0.002·speed², minute
 * data for `days` days with noise, and a +6 kW fault from day 6 to day 7. Small enough to write into a real
 * InfluxDB in a test.
 */
export const SYNTHETIC_FROM = Date.UTC(2025, 5, 1);
export const FAULT = { from: SYNTHETIC_FROM + 6 * 86_400_000, to: SYNTHETIC_FROM + 7 * 86_400_000, kw: 6 };

export function syntheticModel(extra: Partial<ModelDefinition> = {}): ModelDefinition {
  return {
    ...newModel('m-p101-power', 'p1', 'P-101 power'),
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

export function syntheticProject(model: ModelDefinition = syntheticModel()): TwinDocument {
  const doc = emptyDocument('synthetic-plant');
  doc.name = 'Synthetic pump plant';
  doc.assets.push({ id: 'p1', kind: 'centrifugal-pump', tag: 'P-101', name: 'Test pump', properties: {}, position: { x: 0, y: 0 }, rotation: 0, flip: false });
  const sensor = (id: string, series: string, role: string, unit: string): Sensor => ({ id, series, unit, role, trusted: true, assetId: 'p1' });
  doc.sensors.push(
    sensor('s-kw', 'P101_KW#value', 'power', 'kW'),
    sensor('s-flow', 'P101_FLOW#value', 'flow', 'L/s'),
    sensor('s-spd', 'P101_SPD#value', 'speed', '%'),
  );
  doc.models.push(model as TwinModel);
  return doc;
}

/** Minute points of the three sensors over `days` days. */
export function syntheticPoints(days = 10, seed = 5): { key: string; t: Float64Array; v: Float64Array }[] {
  const n = days * 1440;
  const rng = new Prng(seed);
  const t = Float64Array.from({ length: n }, (_, i) => SYNTHETIC_FROM + i * 60_000);
  const flow = Float64Array.from({ length: n }, (_, i) => 40 + 20 * Math.sin(i / 300) + rng.normal());
  const spd = Float64Array.from({ length: n }, (_, i) => 60 + 30 * Math.cos(i / 470) + 0.3 * rng.normal());
  const kw = Float64Array.from({ length: n }, (_, i) => {
    const ti = t[i] as number;
    return 3 + 0.5 * (flow[i] as number) + 0.002 * (spd[i] as number) ** 2 + rng.normal() + (ti >= FAULT.from && ti < FAULT.to ? FAULT.kw : 0);
  });
  return [
    { key: 'P101_KW#value', t, v: kw },
    { key: 'P101_FLOW#value', t, v: flow },
    { key: 'P101_SPD#value', t, v: spd },
  ];
}

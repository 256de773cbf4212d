import { describe, expect, it } from 'vitest';
import type { SeriesStats } from '../api/binding-schemas';
import { buildDemoProject } from '../sim/demo-plant/build-demo-project';
import { SIM_SERIES } from '../sim/sim-series';
import type { Sensor } from '../twin/schema';
import { stateFromDocument } from '../twin/state';
import { DEFAULT_THRESHOLD, suggestBindings, type SeriesInput } from './suggest';
import { curve, demoStats, isCorrect, scoreAt } from './testing/evaluate';
import {
  bmsPaths,
  camelCase,
  dottedTags,
  influxTags,
  instrumentTags,
  longNames,
  niagaraPaths,
  renamePoints,
  type NamingConvention,
} from './testing/naming-conventions';

// The demo project with every binding, and a copy with none: the suggestions for the copy are compared with the originals.
const doc = buildDemoProject();
const full = stateFromDocument(doc);
const bare = stateFromDocument({ ...doc, sensors: [] });
// What seriesStats would say of each point: its last simulated week.
const stats = demoStats();
const simName = new Map(SIM_SERIES.map((s) => [s.key, s.name]));

function inputsFor(truth: ReadonlyMap<string, Sensor>): SeriesInput[] {
  return [...truth.keys()].map((key) => {
    const sensor = truth.get(key) as Sensor;
    const st = stats.get(simName.get(sensor.series) as string) as SeriesStats;
    return { key, unit: sensor.unit, stats: { ...st, key } };
  });
}

const asIs: NamingConvention = { id: 'demo', describe: 'the demo historian names (B7_CH1_KW, B7.CHLR2.KW, LCHWT_2, OAWB)', name: () => '' };
const conventions: [NamingConvention, Map<string, Sensor>][] = [
  [asIs, new Map(Object.values(full.sensors).map((s) => [s.series, s]))],
  ...[dottedTags, longNames, bmsPaths, instrumentTags, camelCase, niagaraPaths, influxTags].map((c): [NamingConvention, Map<string, Sensor>] => [
    c,
    renamePoints(full, c),
  ]),
];

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

describe('binding suggestions on the demo plant with its 53 bindings removed', () => {
  for (const [convention, truth] of conventions) {
    it(`${convention.id}: precision ≥ 0.95 at recall ≥ 0.9 at the default threshold (${convention.describe})`, () => {
      expect(truth.size).toBe(53);
      const suggestions = suggestBindings(bare, inputsFor(truth));
      const at = scoreAt(full, suggestions, truth, DEFAULT_THRESHOLD);
      const lines = curve(full, suggestions, truth).map(
        (c) => `  ≥ ${c.threshold.toFixed(2)}: precision ${pct(c.precision)}, recall ${pct(c.recall)} (${c.correct}/${c.offered})`,
      );
      console.log(
        [
          `${convention.id} (${convention.describe}): at the default threshold ${DEFAULT_THRESHOLD}: precision ${pct(at.precision)}, recall ${pct(at.recall)} (${at.correct} right of ${at.offered} offered, ${truth.size} series)`,
          'precision–recall curve:',
          ...lines,
        ].join('\n'),
      );
      const wrong = suggestions.filter((s) => s.confidence >= DEFAULT_THRESHOLD && !isCorrect(full, s, truth.get(s.series) as Sensor));
      if (wrong.length) console.log(`wrong above the threshold:\n${wrong.map((s) => `  ${s.series} → ${s.assetTag} ${s.role} (${s.confidence})`).join('\n')}`);
      expect(at.precision).toBeGreaterThanOrEqual(0.95);
      expect(at.recall).toBeGreaterThanOrEqual(0.9);
      // One suggestion per series at most, best first.
      expect(new Set(suggestions.map((s) => s.series)).size).toBe(suggestions.length);
      for (let i = 1; i < suggestions.length; i++) expect(suggestions[i - 1]!.confidence).toBeGreaterThanOrEqual(suggestions[i]!.confidence);
    });
  }

  it('binds CH-1 power to the meter wired to CH-1, and redundant CHWS sensors to one bubble each', () => {
    const truth = conventions[0]![1];
    const bySeries = new Map(suggestBindings(bare, inputsFor(truth)).map((s) => [s.series, s]));
    expect(bySeries.get('B7_CH1_KW#value')).toMatchObject({ assetTag: 'JT-115', role: 'power' });
    expect(bySeries.get('LCHWT_2#value')).toMatchObject({ assetTag: 'TT-121', role: 'chws-temperature' });
    expect(bySeries.get('B7_CH1_STS#value')).toMatchObject({ assetTag: 'CH-1', role: 'status' });
    const pair = [bySeries.get('B7_CHWS_T#value'), bySeries.get('B7_CHWS_T_2#value')];
    expect(pair.map((s) => s?.role)).toEqual(['chws-temperature', 'chws-temperature']);
    expect(new Set(pair.map((s) => s?.assetTag))).toEqual(new Set(['TT-101', 'TT-102']));
  });

  it('offers nothing above the threshold for series of equipment the drawing does not have', () => {
    const strangers = [
      'B7_AHU3_SAT',
      'B7_BLR1_HWS_T',
      'ELEV_2_STATUS',
      'B7_LIGHTING_KW',
      'B7_CH3_KW',
      'B7_CHWP5_SPD',
      'B7_CT4_FAN_SPD',
      'B7_ZONE_14_TEMP',
      'B7_DHW_TEMP',
    ];
    const suggestions = suggestBindings(
      bare,
      strangers.map((n) => ({ key: `${n}#value`, unit: null })),
    );
    expect(suggestions.filter((s) => s.confidence >= DEFAULT_THRESHOLD).map((s) => `${s.series} → ${s.assetTag}`)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { buildDemoProject } from '../../../shared/sim/demo-plant/build-demo-project';
import { stateFromDocument } from '../../../shared/twin/state';
import { SERIES_COLOURS } from '../../../shared/series/series-style';
import { chartedSeries } from './charted-series';

const twin = stateFromDocument(buildDemoProject());
const idOf = (tag: string) => Object.values(twin.assets).find((a) => a.tag === tag)?.id as string;

describe('what the chart shows', () => {
  it("charts a chiller's sensors, those of the instruments measuring it included, named by binding", () => {
    const series = chartedSeries(twin, [idOf('CH-1')], []);
    const names = series.map((s) => s.name);
    expect(names).toContain('CH-1 power');
    expect(names).toContain('CH-1 CHWS temperature');
    expect(series.find((s) => s.name === 'CH-1 power')).toMatchObject({ key: 'B7_CH1_KW#value', source: 'local', unit: 'kW', pinned: false });
    expect(new Set(series.map((s) => s.id)).size).toBe(series.length);
  });

  it('keeps a sensor the same colour whatever else is charted, and neighbours apart', () => {
    const alone = chartedSeries(twin, [idOf('CH-1')], []);
    const both = chartedSeries(twin, [idOf('CH-2'), idOf('CH-1')], []);
    for (const s of alone) expect(both.find((b) => b.id === s.id)?.colour).toBe(s.colour);
    expect(new Set(alone.map((s) => s.colour)).size).toBe(Math.min(alone.length, SERIES_COLOURS.length));
  });

  it('adds pinned series once, marks selected ones pinned, and names catalog-only keys by their key', () => {
    const series = chartedSeries(
      twin,
      [idOf('CH-1')],
      [
        { source: 'local', key: 'B7_CH1_KW#value' },
        { source: 'local', key: 'OAWB#value' },
        { source: 'local', key: 'SOMETHING_ELSE#value', unit: 'bar' },
      ],
    );
    expect(series.filter((s) => s.key === 'B7_CH1_KW#value')).toHaveLength(1);
    expect(series.find((s) => s.key === 'B7_CH1_KW#value')?.pinned).toBe(true);
    expect(series.find((s) => s.key === 'OAWB#value')).toMatchObject({ name: 'TT-702 wet bulb', pinned: true, unit: '°C' });
    expect(series.at(-1)).toMatchObject({ name: 'SOMETHING_ELSE#value', unit: 'bar', sensorId: null });
  });

  it('charts nothing for nothing selected and nothing pinned, and ignores stale selection ids', () => {
    expect(chartedSeries(twin, [], [])).toEqual([]);
    expect(chartedSeries(twin, ['no-such-asset'], [])).toEqual([]);
  });
});

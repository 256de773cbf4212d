import { describe, expect, it } from 'vitest';
import { buildDemoProject } from '../../../shared/sim/demo-plant/build-demo-project';
import { stateFromDocument } from '../../../shared/twin/state';
import { SERIES_COLOURS } from '../../../shared/series/series-style';
import type { SessionSource } from '../../../shared/twin/source-resolution';
import { chartedSeries as chartedWith, sensorSourceOf } from './charted-series';
import type { PinnedSeries } from './chart-store';

const twin = stateFromDocument(buildDemoProject());
const LOCAL: SessionSource = { id: 'local', kind: 'local', name: 'Local store', location: '/data' };
const chartedSeries = (t: typeof twin, selected: string[], pinned: PinnedSeries[]) => chartedWith(t, selected, pinned, sensorSourceOf(t, [LOCAL]));
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

  it('reads each sensor from the connection that serves its project source here, and reads nothing for one not connected', () => {
    // The project names an InfluxDB historian; this session reaches the same database under another id and address.
    const historian = { id: 'historian', name: 'Plant historian', kind: 'influx1' as const, url: 'http://b7-hist:8086', database: 'b7' };
    const ch1 = idOf('CH-1');
    const power = Object.values(twin.sensors).find((s) => s.series === 'B7_CH1_KW#value');
    if (!power) throw new Error('the demo has CH-1 power');
    const onHistorian = { ...twin, sources: { historian }, sensors: { ...twin.sensors, [power.id]: { ...power, source: 'historian' } } };
    const session: SessionSource[] = [
      LOCAL,
      { id: 'influx1:7f3a', kind: 'influx1', name: 'B7 via tunnel', location: 'http://127.0.0.1:18086', database: 'b7' },
    ];
    const read = chartedWith(onHistorian, [ch1], [], sensorSourceOf(onHistorian, session));
    expect(read.find((s) => s.key === 'B7_CH1_KW#value')).toMatchObject({ source: 'influx1:7f3a', id: 'influx1:7f3a|B7_CH1_KW#value' });
    // The others name no source: the project's default, the local store.
    expect(read.find((s) => s.key !== 'B7_CH1_KW#value')?.source).toBe('local');
    // A pin made from that connection's catalog is the same series, named by its binding.
    const pinned = chartedWith(onHistorian, [], [{ source: 'influx1:7f3a', key: 'B7_CH1_KW#value' }], sensorSourceOf(onHistorian, session));
    expect(pinned).toEqual([expect.objectContaining({ name: 'CH-1 power', pinned: true })]);

    const offline = chartedWith(onHistorian, [ch1], [], sensorSourceOf(onHistorian, [LOCAL]));
    expect(offline.find((s) => s.key === 'B7_CH1_KW#value')).toMatchObject({
      source: null,
      projectSource: 'Plant historian',
      id: '?historian|B7_CH1_KW#value',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_QUALITY } from '../../../shared/series/cursor-reading';
import { aggregateWindows, windowLayout } from '../../../shared/series/window-math';
import { schematicPlan } from '../../../shared/twin/schematic-plan';
import { sensorReads } from '../../../shared/twin/sensor-reads';
import { emptyDocument } from '../../../shared/twin/empty-document';
import type { SessionSource } from '../../../shared/twin/source-resolution';
import { stateFromDocument, type TwinState } from '../../../shared/twin/state';
import { createSeriesStore, seriesRef } from '../series/series-store';
import { nextReadings } from './readings-engine';
import { createReadingsStore } from './readings-store';

const MIN = 60_000;
const FROM = Date.UTC(2025, 6, 1);
const layout = windowLayout({ from: FROM, to: FROM + 60 * MIN }, 60);

const local: SessionSource = { id: 'local', kind: 'local', name: 'Local store', location: '/data' };
// The tenant's historian, connected in this session through a tunnel: another URL, so another session id.
const tunnel: SessionSource = { id: 'influx1:tunnel', kind: 'influx1', name: 'Tunnel', location: 'http://127.0.0.1:18086', database: 'plant' };
const tunnel2: SessionSource = { ...tunnel, id: 'influx1:tunnel2', location: 'http://127.0.0.1:28086' };

/** A chiller with three sensors: one in the historian, one in the local store, one in a site not connected here. */
function twin(): TwinState {
  const doc = emptyDocument('t');
  doc.sources = [
    { id: 'historian', name: 'B7 historian', kind: 'influx1', url: 'https://historian.b7.example.com:8086', database: 'plant' },
    { id: 'local', name: 'Local store', kind: 'local' },
    { id: 'site9', name: 'Site 9', kind: 'influx1', url: 'http://10.0.0.9:8086', database: 'site9' },
  ];
  doc.defaultSource = 'historian';
  doc.assets = [{ id: 'ch', kind: 'chiller', tag: 'CH-1', name: '', properties: {}, position: { x: 0, y: 0 }, rotation: 0, flip: false }];
  doc.sensors = [
    // No source named: the project's default, the historian.
    { id: 'kw', series: 'B7_CH1_KW#value', unit: 'kW', role: 'power', trusted: true, assetId: 'ch' },
    { id: 'lcwt', series: 'B7_CH1_LCWT#value', source: 'local', unit: '°C', role: 'chws-temperature', trusted: true, assetId: 'ch' },
    { id: 'far', series: 'S9_CH1_KW#value', source: 'site9', unit: 'kW', role: 'current', trusted: true, assetId: 'ch' },
  ];
  return stateFromDocument(doc);
}

/** Minute data for a series, value = 100 + minute, loaded into a series store under the given source. */
function load(series: ReturnType<typeof createSeriesStore>, source: string, key: string, offset = 0) {
  const t = Array.from({ length: 60 }, (_, i) => FROM + i * MIN);
  const v = t.map((_, i) => 100 + i + offset);
  series.getState().addWindows(layout, [{ ref: seriesRef(source, key), windows: aggregateWindows(key, t, v, layout) }]);
}

function setup() {
  const tw = twin();
  const plan = schematicPlan(tw);
  const series = createSeriesStore();
  series.getState().beginRange(layout, 3);
  const readings = createReadingsStore();
  const at = FROM + 30 * MIN + 10_000;
  const read = (session: readonly SessionSource[] | null, chosen: Record<string, string> = {}) =>
    nextReadings(readings.getState(), plan, session ? sensorReads(tw, plan, session, chosen) : null, series.getState(), at, DEFAULT_QUALITY);
  return { tw, plan, series, at, read };
}

describe('readings resolve each sensor’s project source to a connection of the session', () => {
  it('reads a project source connected under another session id (the same database by another URL)', () => {
    const t = setup();
    // Data under the project source's own id must not be what is drawn: no session source has that id.
    load(t.series, 'historian', 'B7_CH1_KW#value', 5_000);
    load(t.series, 'influx1:tunnel', 'B7_CH1_KW#value');
    load(t.series, 'local', 'B7_CH1_LCWT#value');
    const s = t.read([local, tunnel]);
    expect(s.readings.kw).toMatchObject({ value: 130, state: 'approximate', why: 'fresh' });
    expect(s.readings.lcwt).toMatchObject({ value: 130, state: 'approximate' });
  });

  it('draws a sensor whose source is not connected as missing, no-source: no value, not zero, not loading', () => {
    const t = setup();
    load(t.series, 'influx1:tunnel', 'B7_CH1_KW#value');
    load(t.series, 'local', 'B7_CH1_LCWT#value');
    // Data under the unconnected project source's id is never read.
    load(t.series, 'site9', 'S9_CH1_KW#value');
    const s = t.read([local, tunnel]);
    expect(s.readings.far).toEqual({ value: null, t: null, state: 'missing', why: 'no-source', age: null, since: null });
    // With the historian gone too, its sensor is missing the same way; the local one is unaffected.
    const without = t.read([local]);
    expect(without.readings.kw).toMatchObject({ state: 'missing', why: 'no-source', value: null });
    expect(without.readings.lcwt).toMatchObject({ value: 130 });
  });

  it('counts an unconnected sensor as settled (nothing more will come), but nothing as settled before the connections are listed', () => {
    const t = setup();
    const listed = t.read([local]);
    expect(Object.values(listed.readings).every((r) => r.why === 'no-source' || r.why === 'fresh')).toBe(true);
    expect(listed.readings.kw?.why).toBe('no-source');
    expect(listed.readings.lcwt).toBeUndefined();
    expect(listed.settled).toBe(false);
    // Exact values at the cursor for the local sensor: everything drawn is now final.
    t.series.getState().addExact(t.at, { [seriesRef('local', 'B7_CH1_LCWT#value')]: { t: FROM + 30 * MIN, value: 130 } });
    expect(t.read([local]).settled).toBe(true);
    const unknown = t.read(null);
    expect(unknown.readings).toEqual({});
    expect(unknown.settled).toBe(false);
  });

  it('waits for the user’s choice where two connections have the database, then reads from the chosen one', () => {
    const t = setup();
    load(t.series, 'influx1:tunnel', 'B7_CH1_KW#value');
    load(t.series, 'influx1:tunnel2', 'B7_CH1_KW#value', 1_000);
    expect(t.read([local, tunnel, tunnel2]).readings.kw).toMatchObject({ state: 'missing', why: 'no-source' });
    expect(t.read([local, tunnel, tunnel2], { historian: 'influx1:tunnel2' }).readings.kw).toMatchObject({ value: 1_130 });
  });

  it('draws a failed connection’s series missing as a source error (not as unconnected), and the others as they are', () => {
    const t = setup();
    load(t.series, 'local', 'B7_CH1_LCWT#value');
    t.series.getState().setFailure('influx1:tunnel', 'connect ECONNREFUSED 127.0.0.1:18086');
    const s = t.read([local, tunnel]);
    expect(s.readings.kw).toMatchObject({ state: 'missing', why: 'source-error', value: null });
    expect(s.readings.lcwt).toMatchObject({ value: 130 });
  });
});

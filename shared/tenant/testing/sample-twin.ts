import { emptyDocument, type Asset, type Connection, type Sensor, type TwinDocument } from '../../twin/schema';

/** Hand-made twins for the tenant tests: a chiller, a pump and a cooling tower, wired and bound. */

export function asset(id: string, tag: string, kind = 'centrifugal-pump', x = 0): Asset {
  return { id, kind, tag, name: '', properties: {}, position: { x, y: 0 }, rotation: 0, flip: false };
}

export function connection(id: string, from: [string, string], to: [string, string], kind: Connection['kind'] = 'process'): Connection {
  return { id, kind, from: { asset: from[0], port: from[1] }, to: { asset: to[0], port: to[1] } };
}

export function sensor(id: string, series: string, assetId: string | null, extra: Partial<Sensor> = {}): Sensor {
  return { id, series, unit: 'kW', role: 'power', trusted: true, assetId, ...extra };
}

/** The base twin of most tests: CH-1 → P-1 → CT-1, two bound sensors and one unbound. */
export function sampleTwin(overrides: Partial<TwinDocument> = {}): TwinDocument {
  const doc = emptyDocument('b7-plant', 'B7 chilled water', 'America/Chicago');
  return {
    ...doc,
    sources: [
      { id: 'historian', name: 'Plant historian', kind: 'influx1', url: 'https://historian.b7.example:8086', database: 'plant' },
      { id: 'local', name: 'Local store', kind: 'local' },
    ],
    assets: [asset('ch1', 'CH-1', 'chiller', 0), asset('p1', 'P-1', 'centrifugal-pump', 200), asset('ct1', 'CT-1', 'cooling-tower', 400)],
    connections: [connection('c1', ['ch1', 'chw-out'], ['p1', 'in']), connection('c2', ['p1', 'out'], ['ct1', 'in'])],
    sensors: [
      sensor('s1', 'B7_CH1_KW#value', 'ch1'),
      sensor('s2', 'LCHWT_1#value', 'ch1', { unit: '°C', role: 'chws-temperature', source: 'local' }),
      sensor('s3', 'OAWB#value', null, { unit: '°C', role: 'wet-bulb' }),
    ],
    ...overrides,
  };
}

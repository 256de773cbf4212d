import { describe, expect, it } from 'vitest';
import { applyDiff } from './diff';
import type { Sensor } from './schema';
import { distinctSensorNames, roleWords, sensorDisplayName } from './sensor-names';
import { makeState } from './test-state';

function sensor(id: string, assetId: string | null, role: string, extra: Partial<Sensor> = {}): Sensor {
  return { id, series: `${id.toUpperCase()}#value`, unit: null, role, trusted: true, assetId, ...extra };
}

describe('sensor names by binding', () => {
  const base = makeState([
    { id: 'ch-1', kind: 'chiller', tag: 'CH-1' },
    { id: 'jt-115', kind: 'power-transmitter', tag: 'JT-115' },
    { id: 'hdr', kind: 'header', tag: 'CHWS-HDR' },
    { id: 'tt-101', kind: 'temperature-transmitter', tag: 'TT-101' },
    { id: 'tt-102', kind: 'temperature-transmitter', tag: 'TT-102' },
  ]);
  const twin = applyDiff(base, {
    connections: {
      added: {
        c1: { id: 'c1', kind: 'signal', from: { asset: 'ch-1', port: 'sig' }, to: { asset: 'jt-115', port: 'pv' } },
        c2: { id: 'c2', kind: 'signal', from: { asset: 'tt-101', port: 'pv' }, to: { asset: 'hdr', port: 'sig' } },
        c3: { id: 'c3', kind: 'signal', from: { asset: 'tt-102', port: 'pv' }, to: { asset: 'hdr', port: 'sig' } },
      },
      updated: {},
      removed: {},
    },
  });

  it('names a sensor by the asset it measures and its role', () => {
    expect(sensorDisplayName(twin, sensor('kw', 'jt-115', 'power'))).toBe('CH-1 power');
    expect(sensorDisplayName(twin, sensor('sts', 'ch-1', 'status'))).toBe('CH-1 status');
    expect(sensorDisplayName(twin, sensor('t', 'tt-101', 'chws-temperature'))).toBe('CHWS-HDR CHWS temperature');
  });

  it('falls back to the label, then the series key', () => {
    expect(sensorDisplayName(twin, sensor('x', null, '', { label: 'Outdoor air' }))).toBe('Outdoor air');
    expect(sensorDisplayName(twin, sensor('x', null, 'power'))).toBe('X#value');
    expect(sensorDisplayName(twin, sensor('x', 'ch-1', ''))).toBe('CH-1 X#value');
  });

  it('tells redundant sensors apart by the instrument they are bound to', () => {
    const a = sensor('a', 'tt-101', 'chws-temperature');
    const b = sensor('b', 'tt-102', 'chws-temperature');
    const c = sensor('c', 'jt-115', 'power');
    expect(distinctSensorNames(twin, [a, b, c])).toEqual(['CHWS-HDR CHWS temperature (TT-101)', 'CHWS-HDR CHWS temperature (TT-102)', 'CH-1 power']);
  });

  it('writes role ids as words with plant abbreviations in capitals', () => {
    expect(roleWords('dp-setpoint')).toBe('DP setpoint');
    expect(roleWords('condenser-saturation-temperature')).toBe('condenser saturation temperature');
  });
});

import { describe, expect, it } from 'vitest';
import { applyDiff } from './diff';
import { measuredAssetOf, sensorsOfAsset } from './asset-sensors';
import type { Connection, Sensor } from './schema';
import { makeState } from './test-state';

function sensor(id: string, assetId: string | null, role = 'power'): Sensor {
  return { id, series: `${id}#value`, unit: null, role, trusted: true, assetId };
}
function signal(id: string, from: [string, string], to: [string, string]): Connection {
  return { id, kind: 'signal', from: { asset: from[0], port: from[1] }, to: { asset: to[0], port: to[1] } };
}

describe('sensors of an asset', () => {
  const base = makeState([
    { id: 'ch-1', kind: 'chiller', tag: 'CH-1' },
    { id: 'jt-115', kind: 'power-transmitter', tag: 'JT-115' },
    { id: 'tt-111', kind: 'temperature-transmitter', tag: 'TT-111' },
    { id: 'tic-101', kind: 'controller', tag: 'TIC-101' },
  ]);
  const twin = applyDiff(base, {
    connections: {
      added: {
        c1: signal('c1', ['ch-1', 'sig'], ['jt-115', 'pv']),
        // Drawn the other way round.
        c2: signal('c2', ['tt-111', 'pv'], ['ch-1', 'sig']),
        // A controller acting on the chiller does not measure it.
        c3: signal('c3', ['tic-101', 'out'], ['ch-1', 'sig']),
      },
      updated: {},
      removed: {},
    },
    sensors: {
      added: {
        kw: sensor('kw', 'jt-115'),
        lchwt: sensor('lchwt', 'tt-111', 'chws-temperature'),
        sts: sensor('sts', 'ch-1', 'status'),
        sp: sensor('sp', 'tic-101', 'chws-setpoint'),
        free: sensor('free', null),
      },
      updated: {},
      removed: {},
    },
  });

  it('finds sensors bound directly and through instruments wired to the asset, in either direction', () => {
    expect(sensorsOfAsset(twin, 'ch-1').map((s) => s.id)).toEqual(['kw', 'lchwt', 'sts']);
    expect(sensorsOfAsset(twin, 'tic-101').map((s) => s.id)).toEqual(['sp']);
  });

  it('names the measured equipment for an instrument-bound sensor, the bound asset otherwise', () => {
    expect(measuredAssetOf(twin, { assetId: 'jt-115' })).toBe('ch-1');
    expect(measuredAssetOf(twin, { assetId: 'ch-1' })).toBe('ch-1');
    expect(measuredAssetOf(twin, { assetId: 'tic-101' })).toBe('tic-101');
    expect(measuredAssetOf(twin, { assetId: null })).toBeNull();
  });

  it('follows a rewired instrument', () => {
    const rewired = applyDiff(twin, { connections: { added: {}, updated: {}, removed: { c1: twin.connections.c1! } } });
    expect(sensorsOfAsset(rewired, 'ch-1').map((s) => s.id)).toEqual(['lchwt', 'sts']);
    expect(measuredAssetOf(rewired, { assetId: 'jt-115' })).toBe('jt-115');
  });
});

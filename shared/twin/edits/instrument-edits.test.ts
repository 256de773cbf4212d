import { describe, expect, it } from 'vitest';
import { buildDemoProject } from '../../sim/demo-plant/build-demo-project';
import { applyDiff } from '../diff';
import { stateFromDocument } from '../state';
import { idSequence } from '../test-state';
import { measuredAssetOf } from '../asset-sensors';
import { instrumentForRole, nearestEquipment, nextLoopNumber, placeInstrument } from './instrument-edits';

const demo = () => stateFromDocument(buildDemoProject());

describe('placing the bubble for a sensor', () => {
  it('picks the ISA letters of the role', () => {
    const letters = (r: string) => instrumentForRole(r).letters;
    expect(['chws-temperature', 'power', 'flow', 'dp', 'speed', 'position', 'pressure', 'level', 'current', 'status'].map(letters)).toEqual([
      'TT',
      'JT',
      'FT',
      'PDT',
      'ST',
      'ZT',
      'PT',
      'LT',
      'IT',
      'YI',
    ]);
    expect(instrumentForRole('dp-setpoint')).toEqual({ kind: 'controller', letters: 'PDIC' });
    expect(instrumentForRole('chws-setpoint')).toEqual({ kind: 'controller', letters: 'TIC' });
  });

  it('numbers it after the bubbles of the equipment it goes beside, else after the highest loop', () => {
    const twin = demo();
    expect(nextLoopNumber(twin, 'ch-1')).toBe(116);
    expect(nextLoopNumber(twin, 'chwp-1')).toBe(133);
    expect(nextLoopNumber(twin)).toBe(703);
  });

  it('places it bound to nothing yet, and wired to the nearest equipment when asked', () => {
    const twin = demo();
    const ch1 = twin.assets['ch-1']!;
    const at = { x: ch1.position.x + 60, y: ch1.position.y - 30 };
    expect(nearestEquipment(twin, at)?.tag).toBe('CH-1');
    const linked = placeInstrument(twin, { role: 'current', at, link: true }, idSequence('n'));
    const after = applyDiff(twin, linked.diff);
    expect(after.assets[linked.assetId]).toMatchObject({ kind: 'current-transmitter', tag: 'IT-116' });
    expect(linked.linkedTo).toBe('ch-1');
    expect(measuredAssetOf(after, { assetId: linked.assetId })).toBe('ch-1');
    const alone = placeInstrument(twin, { role: 'current', at, link: false }, idSequence('m'));
    const after2 = applyDiff(twin, alone.diff);
    expect(after2.assets[alone.assetId]?.tag).toBe('IT-703');
    expect(Object.keys(after2.connections)).toHaveLength(Object.keys(twin.connections).length);
  });
});

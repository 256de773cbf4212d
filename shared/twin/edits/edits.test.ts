import { describe, expect, it } from 'vitest';
import { applyDiff } from '../diff';
import { idSequence, makeState } from '../test-state';
import { addAsset, deleteItems, rotateAssets, flipAssets } from './asset-edits';
import { connectPorts } from './connection-edits';
import { copyAssets, pasteAssets } from './clipboard';
import { ClipboardSchema } from './clipboard-schema';
import { createSystem, setSystemMembers } from './system-edits';
import type { TwinState } from '../state';

function plant(): TwinState {
  const s = makeState([
    { id: 'p1', kind: 'centrifugal-pump', tag: 'P-101' },
    { id: 'v1', kind: 'gate-valve', tag: 'HV-101' },
    { id: 'ch1', kind: 'chiller', tag: 'CH-1' },
    { id: 'tt1', kind: 'temperature-transmitter', tag: 'TT-101' },
  ]);
  return s;
}

function connect(s: TwinState, from: [string, string], to: [string, string], ids = idSequence('c')): TwinState {
  const r = connectPorts(s, { asset: from[0], port: from[1] }, { asset: to[0], port: to[1] }, ids);
  if ('reason' in r) throw new Error(r.reason);
  return applyDiff(s, r.diff);
}

describe('asset edits', () => {
  it('places a component with its defaults and the next tag of its kind', () => {
    const s = plant();
    const { diff, id } = addAsset(s, 'centrifugal-pump', { x: 10, y: 20 }, () => 'new');
    const next = applyDiff(s, diff);
    expect(next.assets[id]!.tag).toBe('P-102');
    expect(Object.keys(next.assets[id]!.properties).length).toBeGreaterThan(0);
    expect(next.assets[id]!.position).toEqual({ x: 10, y: 20 });
  });

  it('rotates a quarter turn each way and flips', () => {
    let s = plant();
    s = applyDiff(s, rotateAssets(s, ['p1'], 'cw'));
    expect(s.assets.p1!.rotation).toBe(90);
    s = applyDiff(s, rotateAssets(s, ['p1'], 'ccw'));
    s = applyDiff(s, rotateAssets(s, ['p1'], 'ccw'));
    expect(s.assets.p1!.rotation).toBe(270);
    s = applyDiff(s, flipAssets(s, ['p1']));
    expect(s.assets.p1!.flip).toBe(true);
  });

  it('deletes connections with their assets, unbinds sensors and updates systems', () => {
    let s = connect(plant(), ['p1', 'out'], ['v1', 'in']);
    s = applyDiff(s, {
      sensors: { added: { s1: { id: 's1', series: 'B7_P1_KW#value', unit: 'kW', role: 'power', trusted: true, assetId: 'p1' } }, updated: {}, removed: {} },
    });
    s = applyDiff(s, createSystem(s, 'Chilled water loop', ['p1', 'v1'], () => 'sys').diff);
    s = applyDiff(s, deleteItems(s, ['p1']));
    expect(s.assets.p1).toBeUndefined();
    expect(Object.keys(s.connections)).toHaveLength(0);
    expect(s.sensors.s1!.assetId).toBeNull();
    expect(s.systems.sys!.assetIds).toEqual(['v1']);
  });
});

describe('connections', () => {
  it('joins process ports and orients them outlet → inlet', () => {
    const s = connect(plant(), ['v1', 'in'], ['p1', 'out']);
    const c = Object.values(s.connections)[0]!;
    expect(c.kind).toBe('process');
    expect(c.from).toEqual({ asset: 'p1', port: 'out' });
    expect(c.to).toEqual({ asset: 'v1', port: 'in' });
  });

  it('joins signal ports with a signal line', () => {
    const s = connect(plant(), ['tt1', 'out'], ['ch1', 'sig']);
    expect(Object.values(s.connections)[0]!.kind).toBe('signal');
  });

  it('refuses a process port wired to a signal port, with a reason naming both', () => {
    const r = connectPorts(plant(), { asset: 'p1', port: 'out' }, { asset: 'tt1', port: 'pv' }, () => 'x');
    expect('reason' in r && r.reason).toMatch(/P-101.*process.*TT-101.*signal/);
  });

  it('refuses outlet to outlet, self-connections, duplicates and missing ports', () => {
    let s = plant();
    expect('reason' in connectPorts(s, { asset: 'p1', port: 'out' }, { asset: 'v1', port: 'out' }, () => 'x')).toBe(true);
    expect('reason' in connectPorts(s, { asset: 'p1', port: 'in' }, { asset: 'p1', port: 'out' }, () => 'x')).toBe(true);
    expect('reason' in connectPorts(s, { asset: 'p1', port: 'nope' }, { asset: 'v1', port: 'in' }, () => 'x')).toBe(true);
    s = connect(s, ['p1', 'out'], ['v1', 'in']);
    const again = connectPorts(s, { asset: 'v1', port: 'in' }, { asset: 'p1', port: 'out' }, () => 'y');
    expect('reason' in again && again.reason).toMatch(/already connected/);
  });
});

describe('copy and paste', () => {
  it('pastes with new ids and unique tags, internal connections re-pointed and bindings kept', () => {
    let s = connect(plant(), ['p1', 'out'], ['v1', 'in']);
    s = applyDiff(s, {
      sensors: { added: { s1: { id: 's1', series: 'B7_P1_KW#value', unit: 'kW', role: 'power', trusted: true, assetId: 'p1' } }, updated: {}, removed: {} },
    });
    const clip = ClipboardSchema.parse(JSON.parse(JSON.stringify(copyAssets(s, ['p1', 'v1']))));
    const { diff, assetIds } = pasteAssets(s, clip, { x: 40, y: 40 }, idSequence('n'));
    const next = applyDiff(s, diff);
    expect(assetIds).toHaveLength(2);
    const tags = assetIds.map((id) => next.assets[id]!.tag).sort();
    expect(tags).toEqual(['HV-102', 'P-102']);
    const copies = Object.values(next.connections).filter((c) => assetIds.includes(c.from.asset));
    expect(copies).toHaveLength(1);
    expect(assetIds).toContain(copies[0]!.to.asset);
    const boundCopy = Object.values(next.sensors).find((x) => x.id !== 's1')!;
    expect(assetIds).toContain(boundCopy.assetId);
    expect(boundCopy.series).toBe('B7_P1_KW#value');
    const pumpCopy = next.assets[assetIds[0]!]!;
    expect(pumpCopy.position).toEqual({ x: s.assets.p1!.position.x + 40, y: s.assets.p1!.position.y + 40 });
    expect(pumpCopy.properties).toEqual(s.assets.p1!.properties);
  });

  it('does not carry connections to assets outside the copy', () => {
    const s = connect(plant(), ['p1', 'out'], ['v1', 'in']);
    expect(copyAssets(s, ['p1']).connections).toHaveLength(0);
  });
});

describe('systems', () => {
  it('adds and removes members', () => {
    let s = plant();
    s = applyDiff(s, createSystem(s, '  Condenser water loop ', ['p1', 'missing'], () => 'sys').diff);
    expect(s.systems.sys).toMatchObject({ name: 'Condenser water loop', assetIds: ['p1'] });
    s = applyDiff(s, setSystemMembers(s, 'sys', ['v1', 'ch1'], true));
    s = applyDiff(s, setSystemMembers(s, 'sys', ['p1'], false));
    expect(s.systems.sys!.assetIds.sort()).toEqual(['ch1', 'v1']);
  });
});

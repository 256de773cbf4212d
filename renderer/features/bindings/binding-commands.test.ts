import { describe, expect, it } from 'vitest';
import { buildDemoProject } from '../../../shared/sim/demo-plant/build-demo-project';
import { writeBindingTable } from '../../../shared/bindings/binding-table';
import { trustGroup } from '../../../shared/twin/edits/binding-edits';
import { documentFromState } from '../../../shared/twin/state';
import { validateDocument } from '../../../shared/twin/validate';
import type { Sensor } from '../../../shared/twin/schema';
import { TestEditor } from '../../commands/testing/test-editor';
import { moveAssets } from '../../../shared/twin/edits/asset-edits';

const demo = () => buildDemoProject();
// The drawing alone: no sensors, and no models (they would name roles nothing is bound to yet).
const bare = () => ({ ...buildDemoProject(), sensors: [], models: [] });
const historian = { id: 'influx1:abc', kind: 'influx1' as const, name: 'B7 historian', location: 'https://historian.b7:8086', database: 'plant' };
const local = { id: 'local', kind: 'local' as const, name: 'Local store', location: '/data/local' };

const sensorOf = (ed: TestEditor, series: string): Sensor | undefined => Object.values(ed.twin.sensors).find((s) => s.series === series);
const trustedIn = (ed: TestEditor, s: Sensor) =>
  trustGroup(ed.twin, s)
    .filter((o) => o.trusted)
    .map((o) => o.series);

describe('binding commands through the test editor', () => {
  it('bind: a dropped sensor gets the role its name says, one undo step, and the project names its source', async () => {
    const ed = new TestEditor(bare(), [local]);
    expect(await ed.run('bindings.bind', { series: 'B7_CH1_KW#value', sessionSource: 'local', unit: 'kW', assetId: 'ch-1' })).toBe(true);
    expect(sensorOf(ed, 'B7_CH1_KW#value')).toMatchObject({ assetId: 'ch-1', role: 'power', unit: 'kW', trusted: true });
    expect(sensorOf(ed, 'B7_CH1_KW#value')).not.toHaveProperty('source');
    expect(ed.twin.meta.defaultSource).toBe('local');
    expect([...ed.view.getState().selectedAssets]).toEqual(['ch-1']);
    expect(ed.lastSaid).toBe('Bound B7_CH1_KW#value to CH-1 as power.');
    ed.undo();
    expect(Object.keys(ed.twin.sensors)).toEqual([]);
    expect(ed.doc.getState().canUndo).toBe(false);
    ed.redo();
    expect(sensorOf(ed, 'B7_CH1_KW#value')?.assetId).toBe('ch-1');
  });

  it('bind from a connected historian adds it to the sources with its non-secret parts only', async () => {
    const ed = new TestEditor(bare(), [local, historian]);
    await ed.run('bindings.bind', { series: 'LCHWT_2#value', sessionSource: 'influx1:abc', unit: '°C', assetId: 'tt-121' });
    const src = Object.values(ed.twin.sources).find((s) => s.kind === 'influx1');
    expect(src).toEqual({ id: 'b7-historian', name: 'B7 historian', kind: 'influx1', url: 'https://historian.b7:8086', database: 'plant' });
    expect(sensorOf(ed, 'LCHWT_2#value')).toMatchObject({ source: 'b7-historian', role: 'chws-temperature', assetId: 'tt-121' });
    expect(validateDocument(documentFromState(ed.twin))).toEqual([]);
    // The same connection binds into the same project source, not a second one.
    await ed.run('bindings.bind', { series: 'ECHWT_2#value', sessionSource: 'influx1:abc', unit: '°C', assetId: 'tt-122' });
    expect(Object.values(ed.twin.sources).filter((s) => s.kind === 'influx1')).toHaveLength(1);
  });

  it('rebind moves the same sensor, unbind leaves it in the project bound to nothing; each one step', async () => {
    const ed = new TestEditor(demo(), [local]);
    const before = sensorOf(ed, 'B7_CH1_STS#value') as Sensor;
    await ed.run('bindings.bind', { series: 'B7_CH1_STS#value', source: 'local', assetId: 'ch-2', role: 'status' });
    expect(sensorOf(ed, 'B7_CH1_STS#value')).toMatchObject({ id: before.id, assetId: 'ch-2' });
    expect(Object.keys(ed.twin.sensors)).toHaveLength(53);
    await ed.run('bindings.unbind', { sensorIds: [before.id] });
    expect(sensorOf(ed, 'B7_CH1_STS#value')?.assetId).toBeNull();
    ed.undo();
    expect(sensorOf(ed, 'B7_CH1_STS#value')?.assetId).toBe('ch-2');
    ed.undo();
    expect(sensorOf(ed, 'B7_CH1_STS#value')).toEqual(before);
  });

  it('trust switching keeps exactly one trusted sensor per role of an asset, through binds, unbinds and undo', async () => {
    const ed = new TestEditor(demo(), [local]);
    const first = sensorOf(ed, 'B7_CHWS_T#value') as Sensor;
    const second = sensorOf(ed, 'B7_CHWS_T_2#value') as Sensor;
    expect(trustedIn(ed, first)).toEqual(['B7_CHWS_T#value']);
    await ed.run('bindings.trust', { sensorId: second.id });
    expect(trustedIn(ed, first)).toEqual(['B7_CHWS_T_2#value']);
    // A third CHWS sensor on the header joins untrusted; the user's choice stands.
    await ed.run('bindings.bind', { series: 'B7_CHWS_T_3#value', source: 'local', assetId: 'hdr-101', role: 'chws-temperature', unit: '°C' });
    expect(trustGroup(ed.twin, first)).toHaveLength(3);
    expect(trustedIn(ed, first)).toEqual(['B7_CHWS_T_2#value']);
    // Unbinding the trusted one hands trust to another: never none.
    await ed.run('bindings.unbind', { sensorIds: [second.id] });
    expect(trustedIn(ed, first)).toEqual(['B7_CHWS_T#value']);
    // A role change moves the sensor out of the group; the group keeps one.
    await ed.run('bindings.setRole', { sensorId: first.id, role: 'temperature' });
    expect(trustedIn(ed, sensorOf(ed, 'B7_CHWS_T_3#value') as Sensor)).toEqual(['B7_CHWS_T_3#value']);
    for (let i = 0; i < 4; i++) ed.undo();
    expect(trustedIn(ed, first)).toEqual(['B7_CHWS_T#value']);
    expect(sensorOf(ed, 'B7_CHWS_T_2#value')?.trusted).toBe(false);
    expect(validateDocument(documentFromState(ed.twin))).toEqual([]);
  });

  it('accepts many suggestions as one step, and a rejected one is remembered by the project', async () => {
    const ed = new TestEditor(bare(), [local]);
    await ed.run('bindings.accept', {
      suggestions: [
        { series: 'B7_CH1_KW#value', sessionSource: 'local', unit: 'kW', assetId: 'jt-115', role: 'power' },
        { series: 'B7_CHWS_T#value', sessionSource: 'local', unit: '°C', assetId: 'tt-101', role: 'chws-temperature' },
        { series: 'B7_CHWS_T_2#value', sessionSource: 'local', unit: '°C', assetId: 'tt-102', role: 'chws-temperature' },
      ],
    });
    expect(Object.keys(ed.twin.sensors)).toHaveLength(3);
    expect(Object.values(ed.twin.sensors).filter((s) => s.trusted)).toHaveLength(2);
    await ed.run('bindings.reject', { suggestions: [{ series: 'B7_CH1_AMPS#value', assetId: 'ch-2', role: 'current' }] });
    expect(ed.twin.meta.rejectedSuggestions).toEqual([{ series: 'B7_CH1_AMPS#value', assetId: 'ch-2', role: 'current' }]);
    ed.undo();
    expect(ed.twin.meta.rejectedSuggestions).toEqual([]);
    ed.undo();
    expect(Object.keys(ed.twin.sensors)).toHaveLength(0);
  });

  it('changes a unit as one step per field, and a role the kind lacks is reported by the validator', async () => {
    const ed = new TestEditor(demo(), [local]);
    const s = sensorOf(ed, 'B7_CH1_AMPS#value') as Sensor;
    await ed.run('bindings.setUnit', { sensorId: s.id, unit: 'm' });
    await ed.run('bindings.setUnit', { sensorId: s.id, unit: 'mA' });
    ed.doc.getState().seal();
    expect(sensorOf(ed, 'B7_CH1_AMPS#value')?.unit).toBe('mA');
    ed.undo();
    expect(sensorOf(ed, 'B7_CH1_AMPS#value')?.unit).toBe('A');
    await ed.run('bindings.setRole', { sensorId: s.id, role: 'fan-speed' });
    expect(validateDocument(documentFromState(ed.twin)).map((p) => p.path)).toContain('$.sensors[13].role');
  });

  it('imports a binding table all or nothing, and exports the same table', async () => {
    const ed = new TestEditor(demo(), [local]);
    await ed.run('bindings.exportTable', {});
    const [file] = ed.files;
    expect(file?.name).toBe('B7-chilled-water-plant-demo-bindings.csv');
    expect(file?.text).toBe(writeBindingTable(ed.twin));
    const before = ed.twin;
    await ed.run('bindings.importTable', { text: 'series,asset tag,role\nB7_CH1_KW#value,CH-9,power\n', fileName: 'theirs.csv' });
    expect(ed.twin).toBe(before);
    expect(ed.problems[0]).toMatchObject({
      title: 'Could not import the binding table',
      problems: [{ path: 'line 2', message: 'no asset has the tag "CH-9"', severity: 'error' }],
    });
    await ed.run('bindings.importTable', { text: 'series,asset tag,role\nB7_CH1_KW#value,CH-1,power\n', fileName: 'theirs.csv' });
    expect(
      Object.values(ed.twin.sensors)
        .filter((s) => s.assetId !== null)
        .map((s) => s.series),
    ).toEqual(['B7_CH1_KW#value']);
    ed.undo();
    expect(ed.twin.sensors).toEqual(before.sensors);
  });

  it('places the bubble for a sensor dropped on empty canvas, bound, wired to the nearest asset when asked; one step', async () => {
    const ed = new TestEditor(demo(), [local]);
    const ch1 = ed.twin.assets['ch-1']!;
    await ed.run('bindings.placeInstrument', {
      series: 'CH1_OIL_PRESS#value',
      sessionSource: 'local',
      unit: 'kPa',
      at: { x: ch1.position.x + 60, y: ch1.position.y - 40 },
      link: true,
    });
    const bubble = Object.values(ed.twin.assets).find((a) => a.tag === 'PT-116');
    expect(bubble?.kind).toBe('pressure-transmitter');
    expect(sensorOf(ed, 'CH1_OIL_PRESS#value')).toMatchObject({ assetId: bubble?.id, role: 'pressure', unit: 'kPa' });
    expect(Object.values(ed.twin.connections).some((c) => c.from.asset === 'ch-1' && c.to.asset === bubble?.id && c.to.port === 'pv')).toBe(true);
    expect(ed.lastSaid).toBe('Placed PT-116 for CH1_OIL_PRESS#value (pressure), wired to CH-1.');
    ed.undo();
    expect(Object.values(ed.twin.assets).some((a) => a.tag === 'PT-116')).toBe(false);
    expect(sensorOf(ed, 'CH1_OIL_PRESS#value')).toBeUndefined();
  });

  it('bails a drag in progress: the assets go back and no undo step is left', () => {
    const ed = new TestEditor(demo(), [local]);
    const at = ed.twin.assets['ch-1']!.position;
    for (let i = 1; i <= 5; i++) ed.doc.getState().apply(moveAssets(ed.twin, { 'ch-1': { x: at.x + i * 10, y: at.y } }), { kind: 'squash', key: 'drag' });
    expect(ed.doc.getState().gesture()).toBe('drag');
    expect(ed.doc.getState().bail('drag')).toBe(true);
    expect(ed.twin.assets['ch-1']!.position).toEqual(at);
    expect(ed.doc.getState().canUndo).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { emptyDocument } from './empty-document';
import { schematicPlan } from './schematic-plan';
import { keysBySessionSource, sensorReads } from './sensor-reads';
import { stateFromDocument } from './state';

describe('sensor reads', () => {
  const doc = emptyDocument('t');
  doc.sources = [
    { id: 'historian', name: 'B7 historian', kind: 'influx1', url: 'https://historian.example:8086', database: 'plant' },
    { id: 'site9', name: 'Site 9', kind: 'influx1', url: 'http://10.0.0.9:8086', database: 'site9' },
  ];
  doc.defaultSource = 'historian';
  doc.assets = [{ id: 'p', kind: 'centrifugal-pump', tag: 'P-1', name: '', properties: {}, position: { x: 0, y: 0 }, rotation: 0, flip: false }];
  doc.sensors = [
    { id: 'a', series: 'A#value', unit: null, role: 'power', trusted: true, assetId: 'p' },
    { id: 'b', series: 'B#value', source: 'historian', unit: null, role: 'speed', trusted: true, assetId: 'p' },
    { id: 'c', series: 'C#value', source: 'site9', unit: null, role: 'status', trusted: true, assetId: 'p' },
    { id: 'u', series: 'U#value', source: 'historian', unit: null, role: '', trusted: true, assetId: null },
  ];
  const twin = stateFromDocument(doc);
  const session = [{ id: 'influx1:x', kind: 'influx1' as const, name: 'Tunnel', location: 'http://127.0.0.1:1', database: 'plant' }];

  it('resolves every bound sensor (the default source included) and leaves unconnected ones without a source', () => {
    const reads = sensorReads(twin, schematicPlan(twin), session);
    expect(reads).toEqual([
      { id: 'a', key: 'A#value', source: 'influx1:x' },
      { id: 'b', key: 'B#value', source: 'influx1:x' },
      { id: 'c', key: 'C#value', source: null },
    ]);
    expect([...keysBySessionSource(reads)]).toEqual([['influx1:x', ['A#value', 'B#value']]]);
  });
});

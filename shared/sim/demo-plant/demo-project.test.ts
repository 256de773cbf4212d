import { describe, expect, it } from 'vitest';
import { componentByKind } from '../../catalog/catalog';
import { placedPort, placedSize } from '../../catalog/port-geometry';
import { TwinDocumentSchema } from '../../twin/schema';
import type { Asset, TwinDocument } from '../../twin/schema';
import { validateDocument } from '../../twin/validate';
import { demoGroundTruth } from '../ground-truth';
import { SIM_SERIES } from '../sim-series';
import { buildDemoProject } from './build-demo-project';
import demoFileText from '../../../assets/demo/b7-chilled-water.twin.json?raw';

const onDisk = (): unknown => JSON.parse(demoFileText);
const doc: TwinDocument = buildDemoProject();
const byTag = new Map(doc.assets.map((a) => [a.tag, a]));
const byId = new Map(doc.assets.map((a) => [a.id, a]));

function box(a: Asset): { x1: number; y1: number; x2: number; y2: number } {
  const def = componentByKind(a.kind);
  if (!def) throw new Error(`unknown kind ${a.kind}`);
  const s = placedSize(def, a.rotation);
  return { x1: a.position.x, y1: a.position.y, x2: a.position.x + s.width, y2: a.position.y + s.height };
}

describe('the demo project', () => {
  it('is the committed file, parses with the schema and has no validator problems at all', () => {
    expect(onDisk()).toEqual(JSON.parse(JSON.stringify(doc)));
    expect(TwinDocumentSchema.safeParse(onDisk()).success).toBe(true);
    expect(validateDocument(onDisk())).toEqual([]);
    expect(doc.timeZone).toBe('America/Chicago');
  });

  it('uses only kinds and ports the catalog has, with process lines on process ports and signal lines on signal ports', () => {
    for (const a of doc.assets) expect(componentByKind(a.kind), a.tag).toBeDefined();
    for (const c of doc.connections) {
      for (const end of [c.from, c.to]) {
        const asset = byId.get(end.asset);
        const port = asset && componentByKind(asset.kind)?.ports.find((p) => p.id === end.port);
        expect(port, `${c.id} ${end.asset}.${end.port}`).toBeDefined();
        expect(port?.kind, c.id).toBe(c.kind);
      }
      // Process lines run from an outlet (or a two-way port) to an inlet (or a two-way port).
      const from = componentByKind(byId.get(c.from.asset)?.kind ?? '')?.ports.find((p) => p.id === c.from.port);
      const to = componentByKind(byId.get(c.to.asset)?.kind ?? '')?.ports.find((p) => p.id === c.to.port);
      if (c.kind === 'process') {
        expect(from?.flow, c.id).not.toBe('in');
        expect(to?.flow, c.id).not.toBe('out');
      }
    }
  });

  it('has the plant a chilled-water engineer expects, with unique tags', () => {
    expect(doc.assets.length).toBeGreaterThanOrEqual(25);
    expect(new Set(doc.assets.map((a) => a.tag.toLowerCase())).size).toBe(doc.assets.length);
    const count = (kind: string): number => doc.assets.filter((a) => a.kind === kind).length;
    expect(count('chiller')).toBe(2);
    expect(count('cooling-tower')).toBe(2);
    expect(count('centrifugal-pump')).toBe(4);
    expect(count('header')).toBeGreaterThanOrEqual(2);
    expect(count('control-valve')).toBe(1);
    expect(count('expansion-tank')).toBe(1);
    expect(count('cooling-coil') + count('ahu')).toBeGreaterThanOrEqual(1);
    expect(count('gate-valve') + count('butterfly-valve')).toBeGreaterThanOrEqual(6);
    expect(count('controller')).toBeGreaterThanOrEqual(3);
    for (const kind of ['temperature-transmitter', 'flow-transmitter', 'dp-transmitter', 'power-transmitter', 'speed-transmitter', 'position-transmitter']) {
      expect(count(kind), kind).toBeGreaterThan(0);
    }
    // The bypass valve joins the supply side to the return side.
    const bypass = doc.assets.find((a) => a.kind === 'control-valve') as Asset;
    const into = doc.connections.find((c) => c.to.asset === bypass.id);
    const outOf = doc.connections.find((c) => c.from.asset === bypass.id);
    expect(byId.get(into?.from.asset ?? '')?.name).toMatch(/supply/i);
    expect(byId.get(outOf?.to.asset ?? '')?.name).toMatch(/return/i);
  });

  it('is laid out tidily: nothing overlaps, trains flow left to right, condenser water above the chillers and chilled water below', () => {
    const boxes = doc.assets.map((a) => ({ tag: a.tag, ...box(a) }));
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i] as (typeof boxes)[number];
        const b = boxes[j] as (typeof boxes)[number];
        const overlap = a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
        expect(overlap, `${a.tag} overlaps ${b.tag}`).toBe(false);
      }
    }
    const x = (tag: string): number => (byTag.get(tag) as Asset).position.x;
    const top = (tag: string): number => box(byTag.get(tag) as Asset).y1;
    const bottom = (tag: string): number => box(byTag.get(tag) as Asset).y2;
    for (const u of [1, 2]) {
      const cw = [`HV-2${4 + u}1`, `CWP-${u}`, `CKV-2${4 + u}2`, `CH-${u}`, `HV-2${4 + u}3`];
      const chw = [`HV-1${4 + u}1`, `CHWP-${u}`, `CKV-1${4 + u}2`, `CH-${u}`, `HV-1${4 + u}3`];
      for (const train of [cw, chw]) for (let k = 1; k < train.length; k++) expect(x(train[k] as string)).toBeGreaterThan(x(train[k - 1] as string));
      for (const t of ['CT-1', 'CT-2', 'HDR-201', 'HDR-202']) expect(bottom(t)).toBeLessThan(top(`CH-${u}`));
      for (const t of ['HDR-101', 'HDR-102', 'CC-1', 'FV-106', 'ET-101']) expect(top(t)).toBeGreaterThan(bottom(`CH-${u}`));
    }
    expect(x('CH-1')).toBeLessThan(x('CH-2'));
    expect(x('HDR-101')).toBeGreaterThan(x('CH-2'));
    expect(x('CC-1')).toBeGreaterThan(x('HDR-101'));
    // Runs along one level are straight: ports at the two ends share a y (or an x for the bypass).
    const portAt = (tag: string, port: string): { x: number; y: number } => {
      const a = byTag.get(tag) as Asset;
      const p = placedPort(componentByKind(a.kind) as NonNullable<ReturnType<typeof componentByKind>>, port, a.rotation, a.flip);
      return { x: a.position.x + p.x, y: a.position.y + p.y };
    };
    const level: [string, string, string, string][] = [
      ['HV-251', 'out', 'CWP-1', 'in'],
      ['CWP-1', 'out', 'CKV-252', 'in'],
      ['CKV-252', 'out', 'CH-1', 'cw-in'],
      ['CH-1', 'cw-out', 'HV-253', 'in'],
      ['HV-161', 'out', 'CHWP-2', 'in'],
      ['CHWP-2', 'out', 'CKV-162', 'in'],
      ['CH-2', 'chw-out', 'HV-163', 'in'],
      ['J-101', 'e', 'J-102', 'w'],
      ['J-102', 'e', 'HDR-101', 'in'],
      ['HDR-101', 'out', 'J-105', 'w'],
      ['HV-107', 'out', 'CC-1', 'in'],
      ['HDR-102', 'in', 'J-104', 'e'],
      ['J-104', 'w', 'J-103', 'e'],
      ['HDR-201', 'out', 'J-202', 'e'],
      ['J-203', 'e', 'J-204', 'w'],
    ];
    for (const [a, pa, b, pb] of level) expect(portAt(a, pa).y, `${a}.${pa} → ${b}.${pb}`).toBe(portAt(b, pb).y);
    expect(portAt('J-105', 's').x).toBe(portAt('FV-106', 'in').x);
    expect(portAt('FV-106', 'out').x).toBe(portAt('J-106', 'n').x);
  });

  it('binds a sensor to the right asset for every simulated point, with one trusted sensor of the redundant CHWS pair', () => {
    expect(doc.sensors.map((s) => s.series).sort()).toEqual(SIM_SERIES.map((s) => s.key).sort());
    for (const s of doc.sensors) {
      expect(byId.has(s.assetId ?? ''), s.series).toBe(true);
      expect(s.role, s.series).not.toBe('');
    }
    const chws = doc.sensors.filter((s) => s.role === 'chws-temperature' && byId.get(s.assetId ?? '')?.name.startsWith('CHWS header'));
    expect(chws).toHaveLength(2);
    expect(chws.filter((s) => s.trusted)).toHaveLength(1);
    // Instruments carry what they measure; the chillers carry their panel points.
    const tagOf = (series: string): string | undefined => byId.get(doc.sensors.find((s) => s.series === series)?.assetId ?? '')?.tag;
    expect(tagOf('B7_CH1_KW#value')).toBe('JT-115');
    expect(tagOf('B7.CHLR2.KW#value')).toBe('JT-125');
    expect(tagOf('LCHWT_2#value')).toBe('TT-121');
    expect(tagOf('B7_CH1_STS#value')).toBe('CH-1');
    expect(tagOf('B7.BYP.POS#value')).toBe('ZT-106');
    expect(tagOf('OAWB#value')).toBe('TT-702');
  });

  it('names the four systems and the tags the ground truth points at', () => {
    expect(doc.systems.map((s) => s.name)).toEqual(['Chilled water loop', 'Condenser water loop', 'Cooling towers', 'Instrumentation']);
    for (const s of doc.systems) expect(s.assetIds.length, s.name).toBeGreaterThan(1);
    for (const f of demoGroundTruth().faults) for (const tag of f.assetTags) expect(byTag.has(tag), `${f.id}: ${tag}`).toBe(true);
  });
});

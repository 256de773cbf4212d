import { describe, expect, it } from 'vitest';
import { catalog, componentByKind } from './catalog';
import { portPoint } from './port-geometry';
import { elementVisible } from './symbol-content';
import { distanceToElement, elementBounds } from './symbol-geometry';
import type { Category, ComponentDef, PropertyDef } from './types';

const CATEGORIES: readonly Category[] = ['Pumps and compressors', 'Heat transfer', 'Vessels', 'Valves', 'Piping', 'Instruments', 'Control', 'Air side'];

/** The kinds, tag rules and port ids the editor, the validator and the demo plant are written against. */
const REQUIRED: Record<string, { prefix: string; numbering: 'loop' | 'unit'; ports: string[] }> = {
  'centrifugal-pump': { prefix: 'P', numbering: 'loop', ports: ['in', 'out', 'sig'] },
  'pd-pump': { prefix: 'P', numbering: 'loop', ports: ['in', 'out', 'sig'] },
  compressor: { prefix: 'K', numbering: 'loop', ports: ['in', 'out', 'sig'] },
  fan: { prefix: 'FN', numbering: 'loop', ports: ['in', 'out', 'sig'] },
  chiller: { prefix: 'CH', numbering: 'unit', ports: ['chw-in', 'chw-out', 'cw-in', 'cw-out', 'sig'] },
  'cooling-tower': { prefix: 'CT', numbering: 'unit', ports: ['in', 'out', 'sig'] },
  boiler: { prefix: 'B', numbering: 'unit', ports: ['in', 'out', 'sig'] },
  'shell-tube-hx': { prefix: 'E', numbering: 'loop', ports: ['hot-in', 'hot-out', 'cold-in', 'cold-out', 'sig'] },
  'plate-hx': { prefix: 'E', numbering: 'loop', ports: ['hot-in', 'hot-out', 'cold-in', 'cold-out', 'sig'] },
  tank: { prefix: 'TK', numbering: 'loop', ports: ['in', 'out', 'sig'] },
  vessel: { prefix: 'V', numbering: 'loop', ports: ['in', 'out', 'sig'] },
  'expansion-tank': { prefix: 'ET', numbering: 'unit', ports: ['conn', 'sig'] },
  'gate-valve': { prefix: 'HV', numbering: 'loop', ports: ['in', 'out', 'sig'] },
  'globe-valve': { prefix: 'HV', numbering: 'loop', ports: ['in', 'out', 'sig'] },
  'ball-valve': { prefix: 'HV', numbering: 'loop', ports: ['in', 'out', 'sig'] },
  'butterfly-valve': { prefix: 'HV', numbering: 'loop', ports: ['in', 'out', 'sig'] },
  'check-valve': { prefix: 'CKV', numbering: 'loop', ports: ['in', 'out', 'sig'] },
  'three-way-valve': { prefix: 'TV', numbering: 'loop', ports: ['in', 'out', 'branch', 'sig'] },
  'control-valve': { prefix: 'FCV', numbering: 'loop', ports: ['in', 'out', 'sig'] },
  filter: { prefix: 'STR', numbering: 'loop', ports: ['in', 'out', 'sig'] },
  ahu: { prefix: 'AHU', numbering: 'unit', ports: ['in', 'out', 'sig'] },
  'cooling-coil': { prefix: 'CC', numbering: 'unit', ports: ['in', 'out', 'sig'] },
  'pipe-junction': { prefix: 'J', numbering: 'loop', ports: ['n', 'e', 's', 'w'] },
  // The header's `sig` is beyond the brief: header pressure and ΔP transmitters need somewhere to attach.
  header: { prefix: 'HDR', numbering: 'unit', ports: ['in', 'out', 'b1', 'b2', 'b3', 'b4', 'b5', 'b6', 'sig'] },
  'temperature-transmitter': { prefix: 'TT', numbering: 'loop', ports: ['pv', 'out'] },
  'pressure-transmitter': { prefix: 'PT', numbering: 'loop', ports: ['pv', 'out'] },
  'dp-transmitter': { prefix: 'PDT', numbering: 'loop', ports: ['pv', 'out'] },
  'flow-transmitter': { prefix: 'FT', numbering: 'loop', ports: ['pv', 'out'] },
  'level-transmitter': { prefix: 'LT', numbering: 'loop', ports: ['pv', 'out'] },
  'power-transmitter': { prefix: 'JT', numbering: 'loop', ports: ['pv', 'out'] },
  'speed-transmitter': { prefix: 'ST', numbering: 'loop', ports: ['pv', 'out'] },
  'position-transmitter': { prefix: 'ZT', numbering: 'loop', ports: ['pv', 'out'] },
  analyzer: { prefix: 'AT', numbering: 'loop', ports: ['pv', 'out'] },
  controller: { prefix: 'TIC', numbering: 'loop', ports: ['pv', 'sp', 'out'] },
  vfd: { prefix: 'SIC', numbering: 'loop', ports: ['cmd', 'out'] },
};

const INSTRUMENTS = Object.keys(REQUIRED).filter((k) => REQUIRED[k]?.ports.join() === 'pv,out');
const MOUNTINGS = ['field', 'panel', 'behind-panel', 'shared-display', 'plc', 'computer'];

/** Why a property's default does not satisfy its own definition, or null when it does. */
function defaultProblem(p: PropertyDef): string | null {
  switch (p.type) {
    case 'number':
      if (p.default === null) return null;
      if (!Number.isFinite(p.default)) return 'not finite';
      if (p.min !== undefined && p.default < p.min) return `below min ${p.min}`;
      if (p.max !== undefined && p.default > p.max) return `above max ${p.max}`;
      if (p.min !== undefined && p.max !== undefined && p.min > p.max) return 'min above max';
      return null;
    case 'enum':
      if (p.options.length === 0) return 'no options';
      if (new Set(p.options).size !== p.options.length) return 'duplicate options';
      return p.options.includes(p.default) ? null : `default "${p.default}" is not an option`;
    case 'string':
      return typeof p.default === 'string' ? null : 'not a string';
    case 'boolean':
      return typeof p.default === 'boolean' ? null : 'not a boolean';
  }
}

const each = (fn: (d: ComponentDef) => void) => () => {
  for (const d of catalog) fn(d);
};

describe('component catalog', () => {
  it('has at least 30 components, each kind once', () => {
    expect(catalog.length).toBeGreaterThanOrEqual(30);
    const kinds = catalog.map((d) => d.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    for (const k of kinds) expect(k, k).toMatch(/^[a-z][a-z0-9-]*$/);
  });

  it(
    'gives every component a name, a category, a tag prefix and a numbering',
    each((d) => {
      expect(d.name.trim(), d.kind).not.toBe('');
      expect(d.description.trim(), d.kind).not.toBe('');
      expect(CATEGORIES, d.kind).toContain(d.category);
      expect(d.tagPrefix, d.kind).toMatch(/^[A-Z]{1,4}$/);
      expect(['loop', 'unit'], d.kind).toContain(d.tagNumbering);
      expect(d.keywords.length, d.kind).toBeGreaterThan(0);
    }),
  );

  it(
    'gives every component at least one port, with unique ids and offsets within 0..1',
    each((d) => {
      expect(d.ports.length, d.kind).toBeGreaterThan(0);
      const ids = d.ports.map((p) => p.id);
      expect(new Set(ids).size, `${d.kind} port ids ${ids.join()}`).toBe(ids.length);
      for (const p of d.ports) {
        expect(p.offset, `${d.kind}.${p.id}`).toBeGreaterThanOrEqual(0);
        expect(p.offset, `${d.kind}.${p.id}`).toBeLessThanOrEqual(1);
        expect(['left', 'right', 'top', 'bottom']).toContain(p.side);
        expect(['process', 'signal']).toContain(p.kind);
        expect(['in', 'out', 'both']).toContain(p.flow);
        expect(p.label.trim(), `${d.kind}.${p.id}`).not.toBe('');
      }
    }),
  );

  it(
    'puts no two ports of a component on the same point',
    each((d) => {
      const seen = new Map<string, string>();
      for (const p of d.ports) {
        const { x, y } = portPoint(d, p.side, p.offset);
        const key = `${x.toFixed(1)},${y.toFixed(1)}`;
        expect(seen.get(key), `${d.kind}.${p.id} sits on ${seen.get(key)}`).toBeUndefined();
        seen.set(key, p.id);
      }
    }),
  );

  it(
    'draws every symbol with elements inside its box',
    each((d) => {
      const { width, height, elements } = d.symbol;
      expect(width, d.kind).toBeGreaterThan(0);
      expect(height, d.kind).toBeGreaterThan(0);
      expect(elements.length, d.kind).toBeGreaterThan(0);
      elements.forEach((e, i) => {
        const b = elementBounds(e);
        const what = `${d.kind} element ${i} (${e.type})`;
        expect(b, what).not.toBeNull();
        if (!b) return;
        // Half a stroke may overhang the box edge where a stub ends on a port.
        expect(b.minX, what).toBeGreaterThanOrEqual(-0.01);
        expect(b.minY, what).toBeGreaterThanOrEqual(-0.01);
        expect(b.maxX, what).toBeLessThanOrEqual(width + 0.01);
        expect(b.maxY, what).toBeLessThanOrEqual(height + 0.01);
      });
    }),
  );

  it(
    'joins every process port, and every instrument or control port, to a drawn line',
    each((d) => {
      for (const p of d.ports) {
        if (p.kind === 'signal' && d.category !== 'Instruments' && d.category !== 'Control') continue;
        const { x, y } = portPoint(d, p.side, p.offset);
        const nearest = Math.min(...d.symbol.elements.map((e) => distanceToElement(e, x, y)));
        expect(nearest, `${d.kind}.${p.id} at (${x}, ${y}) is ${nearest.toFixed(1)} from the drawing`).toBeLessThan(0.75);
      }
    }),
  );

  it(
    'gives every property a unique key and a default that satisfies its own definition',
    each((d) => {
      const keys = d.properties.map((p) => p.key);
      expect(new Set(keys).size, `${d.kind} keys ${keys.join()}`).toBe(keys.length);
      for (const p of d.properties) {
        expect(p.label.trim(), `${d.kind}.${p.key}`).not.toBe('');
        expect(defaultProblem(p), `${d.kind}.${p.key}`).toBeNull();
      }
    }),
  );

  it(
    'only makes symbol elements conditional on enum or boolean properties, with values they can take',
    each((d) => {
      for (const e of d.symbol.elements) {
        if (!e.when) continue;
        const prop = d.properties.find((p) => p.key === e.when?.property);
        const what = `${d.kind} condition on ${e.when.property}`;
        expect(prop, what).toBeDefined();
        const values = prop?.type === 'enum' ? prop.options : prop?.type === 'boolean' ? ['true', 'false'] : [];
        for (const v of e.when.equals) expect(values, what).toContain(v);
      }
    }),
  );

  it(
    'draws something for every value a conditional symbol property can take',
    each((d) => {
      for (const p of d.properties) {
        if (!d.symbol.elements.some((e) => e.when?.property === p.key)) continue;
        const values = p.type === 'enum' ? p.options : ['true', 'false'];
        for (const v of values) {
          const props = { [p.key]: p.type === 'boolean' ? v === 'true' : v };
          const shapes = d.symbol.elements.filter((e) => e.type !== 'text' && elementVisible(d, e, props));
          expect(shapes.length, `${d.kind} with ${p.key}=${v}`).toBeGreaterThan(0);
        }
      }
    }),
  );

  it('has every kind the editor, validator and demo plant rely on, with their tag rules and port ids', () => {
    for (const [kind, want] of Object.entries(REQUIRED)) {
      const d = componentByKind(kind);
      expect(d, kind).toBeDefined();
      expect(d?.tagPrefix, kind).toBe(want.prefix);
      expect(d?.tagNumbering, kind).toBe(want.numbering);
      expect(d?.ports.map((p) => p.id).sort(), kind).toEqual([...want.ports].sort());
    }
  });

  it('gives process equipment a signal port "sig" and lines their process ports', () => {
    const processKinds = Object.entries(REQUIRED)
      .filter(([, w]) => w.ports.includes('sig'))
      .map(([k]) => k);
    expect(processKinds.length).toBeGreaterThanOrEqual(22);
    for (const kind of processKinds) {
      const d = componentByKind(kind) as ComponentDef;
      expect(d.ports.find((p) => p.id === 'sig')?.kind, kind).toBe('signal');
      for (const p of d.ports.filter((q) => q.id !== 'sig')) expect(p.kind, `${kind}.${p.id}`).toBe('process');
    }
  });

  it('places the ports the drawings are made for', () => {
    const port = (kind: string, id: string) => componentByKind(kind)?.ports.find((p) => p.id === id);
    for (const kind of [
      'centrifugal-pump',
      'pd-pump',
      'compressor',
      'fan',
      'gate-valve',
      'globe-valve',
      'ball-valve',
      'butterfly-valve',
      'check-valve',
      'control-valve',
    ]) {
      expect(port(kind, 'in'), kind).toMatchObject({ side: 'left', flow: 'in' });
      expect(port(kind, 'out'), kind).toMatchObject({ side: 'right', flow: 'out' });
      expect(port(kind, 'sig'), kind).toMatchObject({ side: 'top' });
    }
    expect(port('chiller', 'chw-in')).toMatchObject({ flow: 'in' });
    expect(port('chiller', 'chw-out')).toMatchObject({ flow: 'out' });
    expect(port('expansion-tank', 'conn')).toMatchObject({ kind: 'process', flow: 'both' });
    for (const id of ['n', 'e', 's', 'w']) expect(port('pipe-junction', id)).toMatchObject({ kind: 'process', flow: 'both' });
    for (let i = 1; i <= 6; i++) expect(port('header', `b${i}`)).toMatchObject({ kind: 'process', side: 'bottom', flow: 'both' });
    const header = componentByKind('header')?.symbol;
    expect((header?.width ?? 0) / (header?.height ?? 1)).toBeGreaterThan(4);
    for (const kind of INSTRUMENTS) {
      expect(port(kind, 'pv'), kind).toMatchObject({ kind: 'signal', side: 'bottom', flow: 'in' });
      expect(port(kind, 'out'), kind).toMatchObject({ kind: 'signal', side: 'right', flow: 'out' });
    }
    expect(port('controller', 'pv')).toMatchObject({ kind: 'signal', flow: 'in' });
    expect(port('controller', 'sp')).toMatchObject({ kind: 'signal', flow: 'in' });
    expect(port('controller', 'out')).toMatchObject({ kind: 'signal', flow: 'out' });
    expect(port('vfd', 'cmd')).toMatchObject({ kind: 'signal', flow: 'in' });
    expect(port('vfd', 'out')).toMatchObject({ kind: 'signal', flow: 'out' });
  });

  it('gives every instrument a mounting with the six ISA-5.1 locations and a range', () => {
    for (const kind of [...INSTRUMENTS, 'controller']) {
      const d = componentByKind(kind) as ComponentDef;
      const mounting = d.properties.find((p) => p.key === 'mounting');
      expect(mounting?.type === 'enum' ? [...mounting.options] : [], kind).toEqual(MOUNTINGS);
      if (kind === 'controller') continue;
      const low = d.properties.find((p) => p.key === 'rangeLow')?.default as number;
      const high = d.properties.find((p) => p.key === 'rangeHigh')?.default as number;
      expect(high, kind).toBeGreaterThan(low);
    }
  });

  it('draws a different outline for each mounting', () => {
    const d = componentByKind('temperature-transmitter') as ComponentDef;
    const outlines = MOUNTINGS.map((m) => JSON.stringify(d.symbol.elements.filter((e) => e.type !== 'text' && elementVisible(d, e, { mounting: m }))));
    expect(new Set(outlines).size).toBe(MOUNTINGS.length);
  });

  it('has credible chiller-plant defaults', () => {
    const def = (kind: string, key: string) => componentByKind(kind)?.properties.find((p) => p.key === key)?.default;
    const capacity = def('chiller', 'capacity') as number;
    const cop = def('chiller', 'designCop') as number;
    expect(capacity / 3.517).toBeGreaterThan(300); // tons
    expect(cop).toBeGreaterThanOrEqual(5);
    expect(cop).toBeLessThanOrEqual(7);
    expect(def('chiller', 'chwsSetpoint')).toBeGreaterThanOrEqual(5);
    expect(def('chiller', 'chwsSetpoint')).toBeLessThanOrEqual(8);
    // Design chilled-water flow carries the capacity at the design ΔT: Q = flow × 4.186 × ΔT.
    const flow = def('chiller', 'designChwFlow') as number;
    const dT = def('chiller', 'designChwDeltaT') as number;
    expect(Math.abs(flow * 4.186 * dT - capacity) / capacity).toBeLessThan(0.05);
    expect(def('cooling-tower', 'designApproach')).toBeGreaterThanOrEqual(3);
    expect(def('cooling-tower', 'designApproach')).toBeLessThanOrEqual(5);
    for (const kind of ['gate-valve', 'globe-valve', 'ball-valve', 'butterfly-valve']) {
      expect(
        componentByKind(kind)?.properties.find((p) => p.key === 'normalPosition'),
        kind,
      ).toMatchObject({ type: 'enum', options: ['open', 'closed'] });
    }
  });

  it('answers undefined for a kind it does not know', () => {
    expect(componentByKind('flux-capacitor')).toBeUndefined();
    expect(componentByKind('')).toBeUndefined();
  });
});

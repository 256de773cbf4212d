// Small constructors that keep the component files readable: ports, properties and recurring shapes.
import type { PortDef, PortKind, PropertyDef, Side, SymbolElement, SymbolPoint } from '../types';

/** A process port. */
export function processPort(id: string, side: Side, offset: number, flow: PortDef['flow'], label: string): PortDef {
  return port('process', id, side, offset, flow, label);
}

/** A signal port. */
export function signalPort(id: string, side: Side, offset: number, flow: PortDef['flow'], label: string): PortDef {
  return port('signal', id, side, offset, flow, label);
}

function port(kind: PortKind, id: string, side: Side, offset: number, flow: PortDef['flow'], label: string): PortDef {
  return { id, kind, side, offset, flow, label };
}

/** The signal port every piece of process equipment carries, so instruments and controllers can be wired to it. */
export function sigPort(side: Side = 'top', offset = 0.5): PortDef {
  return signalPort('sig', side, offset, 'both', 'Signal');
}

/** A number property; `unit` is shown beside the field. */
export function num(key: string, label: string, def: number | null, unit?: string, range: { min?: number; max?: number } = {}): PropertyDef {
  const p: PropertyDef = { key, label, type: 'number', default: def, ...range };
  if (unit !== undefined) p.unit = unit;
  return p;
}

/** A choice among fixed options. */
export function choice(key: string, label: string, options: readonly string[], def: string): PropertyDef {
  return { key, label, type: 'enum', options, default: def };
}

/** A free-text property. */
export function text(key: string, label: string, def = ''): PropertyDef {
  return { key, label, type: 'string', default: def };
}

/** A yes/no property. */
export function flag(key: string, label: string, def: boolean): PropertyDef {
  return { key, label, type: 'boolean', default: def };
}

/** A straight pipe stub from a port point to the shape's outline, so lines visibly join the symbol. */
export function stub(x1: number, y1: number, x2: number, y2: number): SymbolElement {
  return { type: 'line', x1, y1, x2, y2 };
}

/** Two triangles tip to tip along the x axis, centred at (cx, cy): the ISO 10628 valve body. */
export function bowTie(cx: number, cy: number, halfLength: number, halfHeight: number, fill: 'none' | 'stroke' | 'background' = 'background'): SymbolElement[] {
  return [
    {
      type: 'polygon',
      points: [
        [cx - halfLength, cy - halfHeight],
        [cx - halfLength, cy + halfHeight],
        [cx, cy],
      ],
      fill,
    },
    {
      type: 'polygon',
      points: [
        [cx + halfLength, cy - halfHeight],
        [cx + halfLength, cy + halfHeight],
        [cx, cy],
      ],
      fill,
    },
  ];
}

/** A zigzag from (x1, y) to (x2, y): tube bundles and heating surfaces. */
export function zigzag(x1: number, x2: number, y: number, amplitude: number, teeth: number): SymbolElement {
  const pts: SymbolPoint[] = [[x1, y]];
  const step = (x2 - x1) / (teeth * 2);
  for (let i = 1; i < teeth * 2; i++) pts.push([x1 + i * step, y + (i % 2 === 1 ? -amplitude : amplitude)]);
  pts.push([x2, y]);
  return { type: 'polyline', points: pts };
}

/** A zigzag from (x, y1) to (x, y2): pleated filters and vertical coils. */
export function zigzagVertical(x: number, y1: number, y2: number, amplitude: number, teeth: number): SymbolElement {
  const pts: SymbolPoint[] = [[x, y1]];
  const step = (y2 - y1) / (teeth * 2);
  for (let i = 1; i < teeth * 2; i++) pts.push([x + (i % 2 === 1 ? -amplitude : amplitude), y1 + i * step]);
  pts.push([x, y2]);
  return { type: 'polyline', points: pts };
}

/**
 * A propeller of `blades` leaf-shaped blades around (cx, cy): the fan inside fan, cooling-tower and AHU
 * symbols. Angles start pointing up, so the fan reads the same in every symbol.
 */
export function propeller(cx: number, cy: number, r: number, blades: number): SymbolElement {
  let d = '';
  for (let i = 0; i < blades; i++) {
    const a = (i * 2 * Math.PI) / blades - Math.PI / 2;
    const tip = [cx + r * Math.cos(a), cy + r * Math.sin(a)];
    const side = 0.32;
    const c1 = [cx + r * 0.6 * Math.cos(a - side), cy + r * 0.6 * Math.sin(a - side)];
    const c2 = [cx + r * 0.6 * Math.cos(a + side), cy + r * 0.6 * Math.sin(a + side)];
    d += `M${f(cx)} ${f(cy)} Q${f(c1[0]!)} ${f(c1[1]!)} ${f(tip[0]!)} ${f(tip[1]!)} Q${f(c2[0]!)} ${f(c2[1]!)} ${f(cx)} ${f(cy)} Z `;
  }
  return { type: 'path', d: d.trim(), fill: 'none', strokeWidth: 1.2 };
}

/** A filled arrowhead with its tip at (x, y) pointing along the given direction. */
export function arrowHead(x: number, y: number, direction: 'left' | 'right' | 'up' | 'down', size = 5): SymbolElement {
  const h = size * 0.6;
  const pts: Record<typeof direction, SymbolPoint[]> = {
    right: [
      [x, y],
      [x - size, y - h],
      [x - size, y + h],
    ],
    left: [
      [x, y],
      [x + size, y - h],
      [x + size, y + h],
    ],
    down: [
      [x, y],
      [x - h, y - size],
      [x + h, y - size],
    ],
    up: [
      [x, y],
      [x - h, y + size],
      [x + h, y + size],
    ],
  };
  return { type: 'polygon', points: pts[direction], fill: 'stroke', strokeWidth: 1 };
}

function f(v: number): string {
  return String(Math.round(v * 100) / 100);
}

import { twinError } from '../api/errors';
import type { ComponentDef, Side, SymbolDef } from './types';

export type Rotation = 0 | 90 | 180 | 270;

/** An affine map [a, b, c, d, e, f] as in SVG's `matrix()`: x' = a·x + c·y + e, y' = b·x + d·y + f. */
export type Matrix = readonly [number, number, number, number, number, number];

/**
 * The map from a symbol's own box to the placed node's box (top-left origin): mirror left-right first
 * when flipped, then rotate clockwise, then shift back into positive coordinates. SVG drawing and port
 * positions both use it, so handles always sit on the drawn connection points.
 */
export function placementMatrix(symbol: Pick<SymbolDef, 'width' | 'height'>, rotation: Rotation, flip: boolean): Matrix {
  const w = symbol.width;
  const h = symbol.height;
  // Rotation of the (already flipped) W×H box, clockwise on screen (y points down).
  const r: Matrix =
    rotation === 90 ? [0, 1, -1, 0, h, 0] : rotation === 180 ? [-1, 0, 0, -1, w, h] : rotation === 270 ? [0, -1, 1, 0, 0, w] : [1, 0, 0, 1, 0, 0];
  if (!flip) return r;
  const f: Matrix = [-1, 0, 0, 1, w, 0];
  return multiply(r, f);
}

/** The composition m ∘ n: apply n first, then m. */
export function multiply(m: Matrix, n: Matrix): Matrix {
  const [a1, b1, c1, d1, e1, f1] = m;
  const [a2, b2, c2, d2, e2, f2] = n;
  return [a1 * a2 + c1 * b2, b1 * a2 + d1 * b2, a1 * c2 + c1 * d2, b1 * c2 + d1 * d2, a1 * e2 + c1 * f2 + e1, b1 * e2 + d1 * f2 + f1];
}

/** Where a point of the symbol's own box lands in the placed box. */
export function applyMatrix(m: Matrix, x: number, y: number): { x: number; y: number } {
  return { x: m[0] * x + m[2] * y + m[4], y: m[1] * x + m[3] * y + m[5] };
}

/** The node's box once rotated: a quarter turn swaps width and height. */
export function placedSize(def: ComponentDef, rotation: Rotation): { width: number; height: number } {
  const { width, height } = def.symbol;
  return rotation === 90 || rotation === 270 ? { width: height, height: width } : { width, height };
}

const FLIPPED: Record<Side, Side> = { left: 'right', right: 'left', top: 'top', bottom: 'bottom' };
const CLOCKWISE: Record<Side, Side> = { left: 'top', top: 'right', right: 'bottom', bottom: 'left' };

/** Which side a side of the symbol faces once the node is flipped and rotated. */
export function placedSide(side: Side, rotation: Rotation, flip: boolean): Side {
  let s = flip ? FLIPPED[side] : side;
  for (let turns = rotation / 90; turns > 0; turns--) s = CLOCKWISE[s];
  return s;
}

/** A port's point on the edge of the symbol's own (unrotated, unflipped) box. */
export function portPoint(def: ComponentDef, side: Side, offset: number): { x: number; y: number } {
  const { width: w, height: h } = def.symbol;
  switch (side) {
    case 'left':
      return { x: 0, y: offset * h };
    case 'right':
      return { x: w, y: offset * h };
    case 'top':
      return { x: offset * w, y: 0 };
    case 'bottom':
      return { x: offset * w, y: h };
  }
}

/** Where a port sits in the node's local box (top-left origin) once the node is rotated and flipped. */
export function placedPort(def: ComponentDef, portId: string, rotation: Rotation, flip: boolean): { x: number; y: number; side: Side } {
  const port = def.ports.find((p) => p.id === portId);
  if (!port) {
    throw twinError(
      'not-found',
      `Component "${def.kind}" has no port "${portId}"; its ports are ${def.ports.map((p) => p.id).join(', ')}. Reconnect the line to one of them.`,
      {
        where: `${def.kind}.${portId}`,
      },
    );
  }
  const p = applyMatrix(placementMatrix(def.symbol, rotation, flip), ...xy(portPoint(def, port.side, port.offset)));
  // Round away float dust (0.30000000000000004) so handles and edges agree to the pixel.
  return { x: round(p.x), y: round(p.y), side: placedSide(port.side, rotation, flip) };
}

function xy(p: { x: number; y: number }): [number, number] {
  return [p.x, p.y];
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000 + 0;
}

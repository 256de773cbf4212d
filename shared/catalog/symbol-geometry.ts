// Symbol shapes as polylines: enough geometry to check that a symbol stays inside its box and that every
// port is joined by a drawn line, and to hit-test or export symbols without a DOM.
import { twinError } from '../api/errors';
import type { SymbolElement, SymbolPoint } from './types';

type Pt = [number, number];

const CURVE_STEPS = 16;

/** The drawn outline of a shape element as polylines (curves and arcs sampled); text has none. */
export function elementOutline(e: SymbolElement): SymbolPoint[][] {
  switch (e.type) {
    case 'line':
      return [
        [
          [e.x1, e.y1],
          [e.x2, e.y2],
        ],
      ];
    case 'rect': {
      const { x, y, width: w, height: h } = e;
      return [
        [
          [x, y],
          [x + w, y],
          [x + w, y + h],
          [x, y + h],
          [x, y],
        ],
      ];
    }
    case 'circle': {
      const pts: SymbolPoint[] = [];
      for (let i = 0; i <= 4 * CURVE_STEPS; i++) {
        const a = (i / (4 * CURVE_STEPS)) * 2 * Math.PI;
        pts.push([e.cx + e.r * Math.cos(a), e.cy + e.r * Math.sin(a)]);
      }
      return [pts];
    }
    case 'polygon':
      return e.points.length ? [[...e.points, e.points[0] as SymbolPoint]] : [];
    case 'polyline':
      return [[...e.points]];
    case 'path':
      return pathOutline(e.d);
    case 'text':
      return [];
  }
}

/** Smallest box holding an element's outline (for text, its anchor point only), or null if it draws nothing. */
export function elementBounds(e: SymbolElement): { minX: number; minY: number; maxX: number; maxY: number } | null {
  const pts = e.type === 'text' ? [[e.x, e.y] as SymbolPoint] : elementOutline(e).flat();
  if (pts.length === 0) return null;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of pts) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  return { minX, minY, maxX, maxY };
}

/** Distance from a point to the nearest drawn segment of an element (Infinity for text). */
export function distanceToElement(e: SymbolElement, x: number, y: number): number {
  let best = Infinity;
  for (const line of elementOutline(e)) {
    for (let i = 1; i < line.length; i++) best = Math.min(best, segmentDistance(line[i - 1] as SymbolPoint, line[i] as SymbolPoint, x, y));
  }
  return best;
}

function segmentDistance([ax, ay]: SymbolPoint, [bx, by]: SymbolPoint, x: number, y: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2));
  return Math.hypot(ax + t * dx - x, ay + t * dy - y);
}

/** The SVG path commands the catalog uses (M L H V Q T C S A Z, absolute and relative), sampled into polylines. */
export function pathOutline(d: string): SymbolPoint[][] {
  const tokens = d.match(/[A-Za-z]|-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?/g) ?? [];
  const out: Pt[][] = [];
  let cur: Pt = [0, 0];
  let start: Pt = [0, 0];
  let line: Pt[] = [];
  let lastCtrl: Pt | null = null;
  let lastCmd = '';
  let i = 0;
  const num = () => Number(tokens[i++]);
  const flush = () => {
    if (line.length > 1) out.push(line);
    line = [];
  };
  while (i < tokens.length) {
    let cmd = tokens[i] as string;
    if (/[A-Za-z]/.test(cmd)) i++;
    else cmd = lastCmd === 'M' ? 'L' : lastCmd === 'm' ? 'l' : lastCmd; // repeated arguments
    const rel = cmd === cmd.toLowerCase();
    const ox = rel ? cur[0] : 0;
    const oy = rel ? cur[1] : 0;
    const up = cmd.toUpperCase();
    let ctrl: Pt | null = null;
    if (up === 'M') {
      flush();
      cur = [ox + num(), oy + num()];
      start = cur;
      line = [cur];
    } else if (up === 'L') {
      cur = [ox + num(), oy + num()];
      line.push(cur);
    } else if (up === 'H') {
      cur = [ox + num(), cur[1]];
      line.push(cur);
    } else if (up === 'V') {
      cur = [cur[0], oy + num()];
      line.push(cur);
    } else if (up === 'Q' || up === 'T') {
      const c: Pt = up === 'Q' ? [ox + num(), oy + num()] : reflect(cur, lastCtrl, lastCmd, 'QT');
      const end: Pt = [ox + num(), oy + num()];
      for (let s = 1; s <= CURVE_STEPS; s++) line.push(quad(cur, c, end, s / CURVE_STEPS));
      ctrl = c;
      cur = end;
    } else if (up === 'C' || up === 'S') {
      const c1: Pt = up === 'C' ? [ox + num(), oy + num()] : reflect(cur, lastCtrl, lastCmd, 'CS');
      const c2: Pt = [ox + num(), oy + num()];
      const end: Pt = [ox + num(), oy + num()];
      for (let s = 1; s <= CURVE_STEPS; s++) line.push(cubic(cur, c1, c2, end, s / CURVE_STEPS));
      ctrl = c2;
      cur = end;
    } else if (up === 'A') {
      const rx = num();
      const ry = num();
      const rot = num();
      const large = num() !== 0;
      const sweep = num() !== 0;
      const end: Pt = [ox + num(), oy + num()];
      line.push(...arc(cur, rx, ry, rot, large, sweep, end));
      cur = end;
    } else if (up === 'Z') {
      line.push(start);
      cur = start;
    } else {
      throw twinError('internal', `Symbol path uses the unsupported command "${cmd}": "${d}". Use M, L, H, V, Q, T, C, S, A or Z.`);
    }
    lastCtrl = ctrl;
    lastCmd = cmd;
  }
  flush();
  return out;
}

function reflect(cur: Pt, ctrl: Pt | null, lastCmd: string, family: string): Pt {
  return ctrl && family.includes(lastCmd.toUpperCase()) ? [2 * cur[0] - ctrl[0], 2 * cur[1] - ctrl[1]] : cur;
}

function quad(a: Pt, c: Pt, b: Pt, t: number): Pt {
  const u = 1 - t;
  return [u * u * a[0] + 2 * u * t * c[0] + t * t * b[0], u * u * a[1] + 2 * u * t * c[1] + t * t * b[1]];
}

function cubic(a: Pt, c1: Pt, c2: Pt, b: Pt, t: number): Pt {
  const u = 1 - t;
  const w = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t] as const;
  return [w[0] * a[0] + w[1] * c1[0] + w[2] * c2[0] + w[3] * b[0], w[0] * a[1] + w[1] * c1[1] + w[2] * c2[1] + w[3] * b[1]];
}

/** Sampled elliptical arc, by the endpoint-to-centre conversion of SVG 1.1 appendix F.6.5. */
function arc(p0: Pt, rxIn: number, ryIn: number, rotDeg: number, large: boolean, sweep: boolean, p1: Pt): Pt[] {
  let rx = Math.abs(rxIn);
  let ry = Math.abs(ryIn);
  if (rx === 0 || ry === 0) return [p1];
  const phi = (rotDeg * Math.PI) / 180;
  const cos = Math.cos(phi);
  const sin = Math.sin(phi);
  const dx = (p0[0] - p1[0]) / 2;
  const dy = (p0[1] - p1[1]) / 2;
  const x1 = cos * dx + sin * dy;
  const y1 = -sin * dx + cos * dy;
  const scale = (x1 * x1) / (rx * rx) + (y1 * y1) / (ry * ry);
  if (scale > 1) {
    rx *= Math.sqrt(scale);
    ry *= Math.sqrt(scale);
  }
  const num = rx * rx * ry * ry - rx * rx * y1 * y1 - ry * ry * x1 * x1;
  const den = rx * rx * y1 * y1 + ry * ry * x1 * x1;
  const k = (large === sweep ? -1 : 1) * Math.sqrt(Math.max(0, num / den));
  const cxp = (k * rx * y1) / ry;
  const cyp = (-k * ry * x1) / rx;
  const cx = cos * cxp - sin * cyp + (p0[0] + p1[0]) / 2;
  const cy = sin * cxp + cos * cyp + (p0[1] + p1[1]) / 2;
  const angle = (ux: number, uy: number, vx: number, vy: number) => Math.atan2(ux * vy - uy * vx, ux * vx + uy * vy);
  const t1 = angle(1, 0, (x1 - cxp) / rx, (y1 - cyp) / ry);
  let dt = angle((x1 - cxp) / rx, (y1 - cyp) / ry, (-x1 - cxp) / rx, (-y1 - cyp) / ry);
  if (!sweep && dt > 0) dt -= 2 * Math.PI;
  if (sweep && dt < 0) dt += 2 * Math.PI;
  const pts: Pt[] = [];
  for (let s = 1; s <= CURVE_STEPS; s++) {
    const t = t1 + (dt * s) / CURVE_STEPS;
    const ex = rx * Math.cos(t);
    const ey = ry * Math.sin(t);
    pts.push([cos * ex - sin * ey + cx, sin * ex + cos * ey + cy]);
  }
  return pts;
}

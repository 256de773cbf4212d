import { emptyDocument, type Asset, type Connection, type TwinDocument } from '../shared/twin/schema';
import { componentByKind } from '../shared/catalog/catalog';
import type { PropertyValue } from '../shared/twin/schema';

/** One repeating process cell: ten assets, six process lines inside, five signal lines, one line to the next cell. */
const CELL: readonly { key: string; kind: string; prefix: string; x: number; y: number }[] = [
  { key: 'tk', kind: 'tank', prefix: 'TK', x: 0, y: 60 },
  { key: 'hv', kind: 'gate-valve', prefix: 'HV', x: 110, y: 90 },
  { key: 'str', kind: 'filter', prefix: 'STR', x: 190, y: 85 },
  { key: 'p', kind: 'centrifugal-pump', prefix: 'P', x: 280, y: 75 },
  { key: 'e', kind: 'plate-hx', prefix: 'E', x: 390, y: 60 },
  { key: 'fcv', kind: 'control-valve', prefix: 'FCV', x: 520, y: 85 },
  { key: 'bv', kind: 'ball-valve', prefix: 'HV', x: 620, y: 90 },
  { key: 'tt', kind: 'temperature-transmitter', prefix: 'TT', x: 400, y: 200 },
  { key: 'ft', kind: 'flow-transmitter', prefix: 'FT', x: 290, y: 200 },
  { key: 'tic', kind: 'controller', prefix: 'TIC', x: 520, y: 200 },
];
const PROCESS: readonly [string, string, string, string][] = [
  ['tk', 'out', 'hv', 'in'],
  ['hv', 'out', 'str', 'in'],
  ['str', 'out', 'p', 'in'],
  ['p', 'out', 'e', 'hot-in'],
  ['e', 'hot-out', 'fcv', 'in'],
  ['fcv', 'out', 'bv', 'in'],
];
const SIGNAL: readonly [string, string, string, string][] = [
  ['e', 'sig', 'tt', 'pv'],
  ['tt', 'out', 'tic', 'pv'],
  ['tic', 'out', 'fcv', 'sig'],
  ['p', 'sig', 'ft', 'pv'],
  ['ft', 'out', 'tic', 'sp'],
];

/**
 * A synthetic plant of `cells` × 10 assets and about 12 connections per cell, laid out in rows of
 * `perRow` cells: what the editor benchmark opens and drags. Row 0 holds the first `perRow` cells.
 */
export function largeProject(cells = 50, perRow = 5): TwinDocument {
  const doc = emptyDocument('bench-large', `Benchmark plant (${cells * 10} assets)`, 'UTC');
  const assets: Asset[] = [];
  const connections: Connection[] = [];
  let conn = 0;
  const id = (cell: number, key: string) => `c${cell}-${key}`;
  for (let c = 0; c < cells; c++) {
    const ox = (c % perRow) * 820;
    const oy = Math.floor(c / perRow) * 320;
    for (const a of CELL) {
      const def = componentByKind(a.kind);
      if (!def) throw new Error(`The catalog lacks ${a.kind}`);
      const properties: Record<string, PropertyValue> = {};
      for (const p of def.properties) properties[p.key] = p.default;
      assets.push({
        id: id(c, a.key),
        kind: a.kind,
        tag: `${a.prefix}-${1000 + c}${a.key === 'bv' ? 'B' : ''}`,
        name: '',
        properties,
        position: { x: ox + a.x, y: oy + a.y },
        rotation: 0,
        flip: false,
      });
    }
    for (const [fa, fp, ta, tp] of PROCESS)
      connections.push({ id: `k${conn++}`, kind: 'process', from: { asset: id(c, fa), port: fp }, to: { asset: id(c, ta), port: tp } });
    for (const [fa, fp, ta, tp] of SIGNAL)
      connections.push({ id: `k${conn++}`, kind: 'signal', from: { asset: id(c, fa), port: fp }, to: { asset: id(c, ta), port: tp } });
    if (c + 1 < cells)
      connections.push({ id: `k${conn++}`, kind: 'process', from: { asset: id(c, 'bv'), port: 'out' }, to: { asset: id(c + 1, 'tk'), port: 'in' } });
  }
  // Round the count up to 12 per cell with recirculation lines back into the first tank of each row.
  for (let c = 0; connections.length < cells * 12 && c < cells; c += perRow) {
    connections.push({ id: `k${conn++}`, kind: 'signal', from: { asset: id(c, 'tic'), port: 'out' }, to: { asset: id(c, 'p'), port: 'sig' } });
  }
  doc.assets = assets;
  doc.connections = connections;
  return doc;
}

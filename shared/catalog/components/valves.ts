import type { ComponentDef, PropertyDef, SymbolElement } from '../types';
import { roles } from '../roles';
import { arrowHead, bowTie, choice, flag, num, processPort, sigPort, stub } from './builders';

const size = num('size', 'Size (DN)', 150, 'mm', { min: 6, max: 3000 });
const normalPosition = choice('normalPosition', 'Normal position', ['open', 'closed'], 'open');
const characteristic = choice('characteristic', 'Characteristic', ['equal-percentage', 'linear', 'quick-opening'], 'equal-percentage');

// Straight-through body: pipe centreline at y = 16 in a 48 × 32 box.
const inOut = [processPort('in', 'left', 0.5, 'in', 'Inlet'), processPort('out', 'right', 0.5, 'out', 'Outlet'), sigPort()];
const pipeStubs = (y: number): SymbolElement[] => [stub(0, y, 10, y), stub(38, y, 48, y)];

/** The body of a hand valve: drawn solid when the valve is normally closed, as P&IDs conventionally show it. */
function manualBody(cy: number): SymbolElement[] {
  const open = bowTie(24, cy, 14, 9, 'background').map((e) => ({ ...e, when: { property: 'normalPosition', equals: ['open'] } }) as SymbolElement);
  const closed = bowTie(24, cy, 14, 9, 'stroke').map((e) => ({ ...e, when: { property: 'normalPosition', equals: ['closed'] } }) as SymbolElement);
  return [...open, ...closed];
}

/** Actuator dome on a stem down to the body: the mark of an automatic valve. */
function actuator(bodyY: number): SymbolElement[] {
  return [stub(24, 12, 24, bodyY), { type: 'path', d: 'M12 12 A12 9 0 0 1 36 12 Z', fill: 'background' }];
}

function manualValve(kind: string, name: string, description: string, centre: SymbolElement[], keywords: string[], extra: PropertyDef[] = []): ComponentDef {
  return {
    kind,
    name,
    category: 'Valves',
    description,
    tagPrefix: 'HV',
    tagNumbering: 'loop',
    ports: inOut,
    // A hand valve may carry limit switches (open/closed) or a position indicator.
    roles: roles('position', 'status'),
    properties: [size, normalPosition, ...extra],
    symbol: { width: 48, height: 32, elements: [...pipeStubs(16), ...manualBody(16), ...centre] },
    keywords: ['valve', 'hand valve', 'manual', 'isolation', 'hv', ...keywords],
  };
}

export const valveComponents: readonly ComponentDef[] = [
  manualValve('gate-valve', 'Gate valve', 'Hand-operated gate valve for isolation', [], ['gate', 'isolating']),
  manualValve(
    'globe-valve',
    'Globe valve',
    'Hand-operated globe valve for throttling and balancing',
    [{ type: 'circle', cx: 24, cy: 16, r: 3.5, fill: 'stroke', strokeWidth: 1 }],
    ['globe', 'balancing', 'throttling'],
  ),
  manualValve(
    'ball-valve',
    'Ball valve',
    'Quarter-turn ball valve',
    [{ type: 'circle', cx: 24, cy: 16, r: 5.5, fill: 'background' }],
    ['ball', 'quarter turn'],
  ),
  manualValve(
    'butterfly-valve',
    'Butterfly valve',
    'Quarter-turn butterfly valve; the disc is drawn edge-on across the body',
    [{ type: 'circle', cx: 24, cy: 16, r: 5, fill: 'background' }, stub(24, 5, 24, 27)],
    ['butterfly', 'quarter turn', 'wafer', 'lug'],
  ),
  {
    kind: 'check-valve',
    name: 'Check valve',
    category: 'Valves',
    description: 'Non-return valve: flow only from inlet to outlet',
    tagPrefix: 'CKV',
    tagNumbering: 'loop',
    ports: inOut,
    roles: roles(),
    properties: [size, choice('type', 'Type', ['swing', 'dual-plate', 'lift', 'spring (silent)', 'ball'], 'dual-plate')],
    symbol: {
      width: 48,
      height: 32,
      elements: [
        ...pipeStubs(16),
        // Outlet half solid; the arrow below gives the one allowed direction (above is the signal port).
        {
          type: 'polygon',
          points: [
            [10, 8],
            [10, 24],
            [24, 16],
          ],
          fill: 'background',
        },
        {
          type: 'polygon',
          points: [
            [38, 8],
            [38, 24],
            [24, 16],
          ],
          fill: 'stroke',
        },
        { type: 'line', x1: 14, y1: 28.5, x2: 32, y2: 28.5, strokeWidth: 1 },
        arrowHead(36, 28.5, 'right', 5),
      ],
    },
    keywords: ['check', 'non-return', 'nrv', 'backflow', 'valve', 'ckv'],
  },
  {
    kind: 'three-way-valve',
    name: 'Three-way valve',
    category: 'Valves',
    description: 'Mixing or diverting three-way valve, usually with an actuator (bypass, tower bypass, coil control)',
    tagPrefix: 'TV',
    tagNumbering: 'loop',
    ports: [
      processPort('in', 'left', 26 / 56, 'in', 'Port A'),
      processPort('out', 'right', 26 / 56, 'out', 'Port AB (common)'),
      processPort('branch', 'bottom', 0.5, 'both', 'Port B (branch)'),
      sigPort(),
    ],
    roles: roles('position', 'command'),
    properties: [size, choice('function', 'Function', ['mixing', 'diverting'], 'mixing'), characteristic, flag('actuated', 'Actuated', true)],
    symbol: {
      width: 48,
      height: 56,
      elements: [
        ...actuator(26).map((e) => ({ ...e, when: { property: 'actuated', equals: ['true'] } }) as SymbolElement),
        stub(0, 26, 10, 26),
        stub(38, 26, 48, 26),
        stub(24, 40, 24, 56),
        ...bowTie(24, 26, 14, 9),
        {
          type: 'polygon',
          points: [
            [15, 40],
            [33, 40],
            [24, 26],
          ],
          fill: 'background',
        },
      ],
    },
    keywords: ['three-way', '3-way', 'three way', 'mixing', 'diverting', 'bypass', 'valve', 'control'],
  },
  {
    kind: 'control-valve',
    name: 'Control valve',
    category: 'Valves',
    description: 'Globe control valve with diaphragm or electric actuator; the signal port is the actuator',
    tagPrefix: 'FCV',
    tagNumbering: 'loop',
    ports: [processPort('in', 'left', 32 / 48, 'in', 'Inlet'), processPort('out', 'right', 32 / 48, 'out', 'Outlet'), sigPort()],
    roles: roles('position', 'command', 'alarm'),
    properties: [
      size,
      num('kvs', 'Kvs', 250, 'm³/h', { min: 0 }),
      characteristic,
      choice('actuator', 'Actuator', ['electric', 'pneumatic diaphragm', 'hydraulic'], 'electric'),
      choice('failPosition', 'Fail position', ['fail closed', 'fail open', 'fail last'], 'fail closed'),
    ],
    symbol: {
      width: 48,
      height: 48,
      elements: [
        ...actuator(32),
        stub(0, 32, 10, 32),
        stub(38, 32, 48, 32),
        ...bowTie(24, 32, 14, 9),
        { type: 'circle', cx: 24, cy: 32, r: 3.5, fill: 'stroke', strokeWidth: 1 },
      ],
    },
    keywords: ['control valve', 'modulating', 'actuated', 'bypass', 'fcv', 'tcv', 'pcv', 'valve', 'automatic'],
  },
  {
    kind: 'relief-valve',
    name: 'Pressure relief valve',
    category: 'Valves',
    description: 'Spring-loaded safety/relief valve: inlet from below, discharge to the side',
    tagPrefix: 'PSV',
    tagNumbering: 'loop',
    ports: [processPort('in', 'bottom', 0.5, 'in', 'Inlet'), processPort('out', 'right', 32 / 56, 'out', 'Discharge'), sigPort()],
    roles: roles('status'),
    properties: [size, num('setPressure', 'Set pressure', 1000, 'kPa(g)', { min: 0 })],
    symbol: {
      width: 48,
      height: 56,
      elements: [
        // Spring above the seat.
        {
          type: 'polyline',
          points: [
            [24, 32],
            [24, 26],
            [18, 23],
            [30, 19],
            [18, 15],
            [30, 11],
            [24, 8],
            [24, 4],
          ],
          strokeWidth: 1.2,
        },
        stub(24, 50, 24, 56),
        stub(42, 32, 48, 32),
        {
          type: 'polygon',
          points: [
            [15, 50],
            [33, 50],
            [24, 32],
          ],
          fill: 'background',
        },
        {
          type: 'polygon',
          points: [
            [42, 23],
            [42, 41],
            [24, 32],
          ],
          fill: 'background',
        },
      ],
    },
    keywords: ['relief', 'safety', 'psv', 'prv', 'pressure relief', 'safety valve', 'valve'],
  },
];

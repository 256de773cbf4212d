import type { ComponentDef } from '../types';
import { roles } from '../roles';
import { choice, num, processPort, propeller, sigPort, stub, zigzag } from './builders';

const refrigerants = ['R-134a', 'R-513A', 'R-1233zd(E)', 'R-1234ze(E)', 'R-514A', 'R-410A', 'R-32', 'R-717 (ammonia)'] as const;

const chiller: ComponentDef = {
  kind: 'chiller',
  name: 'Chiller',
  category: 'Heat transfer',
  description: 'Water-cooled vapour-compression chiller: evaporator (chilled water) and condenser (condenser water) bundles',
  tagPrefix: 'CH',
  tagNumbering: 'unit',
  ports: [
    processPort('cw-in', 'left', 0.25, 'in', 'Condenser water in (CWS)'),
    processPort('cw-out', 'right', 0.25, 'out', 'Condenser water out (CWR)'),
    processPort('chw-in', 'left', 0.75, 'in', 'Chilled water return in (CHWR)'),
    processPort('chw-out', 'right', 0.75, 'out', 'Chilled water supply out (CHWS)'),
    sigPort(),
  ],
  roles: roles(
    'status',
    'power',
    'current',
    'chws-temperature',
    'chwr-temperature',
    'cws-temperature',
    'cwr-temperature',
    'condenser-saturation-temperature',
    'evaporator-saturation-temperature',
    'flow',
    'condenser-flow',
    'chws-setpoint',
    'cooling-load',
    'alarm',
    'command',
  ),
  properties: [
    // 1,500 kW ≈ 425 tons: a typical mid-size centrifugal machine.
    num('capacity', 'Capacity', 1500, 'kW', { min: 0 }),
    num('designCop', 'Design COP', 6, undefined, { min: 0, max: 20 }),
    num('chwsSetpoint', 'CHWS setpoint', 6.7, '°C', { min: -10, max: 20 }),
    num('designChwDeltaT', 'Design chilled-water ΔT', 5.5, 'K', { min: 0 }),
    num('designChwFlow', 'Design chilled-water flow', 65, 'L/s', { min: 0 }),
    num('designCwFlow', 'Design condenser-water flow', 84, 'L/s', { min: 0 }),
    choice('refrigerant', 'Refrigerant', refrigerants, 'R-134a'),
    choice('compressorType', 'Compressor', ['centrifugal', 'screw', 'scroll', 'reciprocating'], 'centrifugal'),
    num('minPartLoad', 'Minimum part load', 15, '%', { min: 0, max: 100 }),
  ],
  symbol: {
    width: 120,
    height: 100,
    elements: [
      { type: 'rect', x: 8, y: 4, width: 104, height: 92, fill: 'background' },
      // Condenser bundle (top) and evaporator bundle (bottom): tube passes either side of the bundle's name.
      stub(0, 25, 18, 25),
      stub(102, 25, 120, 25),
      { type: 'rect', x: 16, y: 14, width: 88, height: 22, rx: 11 },
      zigzag(20, 44, 25, 5, 2),
      zigzag(76, 100, 25, 5, 2),
      stub(0, 75, 18, 75),
      stub(102, 75, 120, 75),
      { type: 'rect', x: 16, y: 64, width: 88, height: 22, rx: 11 },
      zigzag(20, 44, 75, 5, 2),
      zigzag(76, 100, 75, 5, 2),
      // Refrigerant circuit between them: compressor up, expansion valve down.
      stub(60, 36, 60, 42),
      { type: 'circle', cx: 60, cy: 50, r: 8, fill: 'background', strokeWidth: 1.2 },
      stub(54.3, 44.3, 67.5, 47.5),
      stub(54.3, 55.7, 67.5, 52.5),
      stub(60, 58, 60, 64),
      stub(30, 36, 30, 44),
      {
        type: 'polygon',
        points: [
          [25, 44],
          [35, 44],
          [30, 50],
        ],
        fill: 'background',
        strokeWidth: 1.2,
      },
      {
        type: 'polygon',
        points: [
          [25, 56],
          [35, 56],
          [30, 50],
        ],
        fill: 'background',
        strokeWidth: 1.2,
      },
      stub(30, 56, 30, 64),
      { type: 'text', x: 60, y: 25, content: { from: 'literal', text: 'COND' }, size: 7 },
      { type: 'text', x: 60, y: 75, content: { from: 'literal', text: 'EVAP' }, size: 7 },
    ],
  },
  keywords: ['chiller', 'chlr', 'ch', 'centrifugal chiller', 'screw chiller', 'evaporator', 'condenser', 'refrigeration', 'chilled water', 'chw', 'cooling'],
};

const coolingTower: ComponentDef = {
  kind: 'cooling-tower',
  name: 'Cooling tower',
  category: 'Heat transfer',
  description: 'Induced-draft cooling tower: hot condenser water sprayed over the fill, cooled water collected in the basin',
  tagPrefix: 'CT',
  tagNumbering: 'unit',
  ports: [processPort('in', 'left', 0.4, 'in', 'Hot water in (CWR)'), processPort('out', 'right', 0.9, 'out', 'Basin out (CWS)'), sigPort()],
  roles: roles('status', 'fan-speed', 'fan-power', 'basin-temperature', 'cws-temperature', 'cwr-temperature', 'flow', 'level', 'command', 'alarm'),
  properties: [
    num('designFlow', 'Design water flow', 84, 'L/s', { min: 0 }),
    num('designApproach', 'Design approach', 4, 'K', { min: 0 }),
    num('designRange', 'Design range', 5.5, 'K', { min: 0 }),
    num('designWetBulb', 'Design wet-bulb', 24, '°C', { min: -20, max: 40 }),
    num('fanKw', 'Fan power', 15, 'kW', { min: 0 }),
    choice('draft', 'Draft', ['induced', 'forced', 'natural'], 'induced'),
  ],
  symbol: {
    width: 90,
    height: 100,
    elements: [
      {
        type: 'polygon',
        points: [
          [8, 96],
          [82, 96],
          [66, 26],
          [24, 26],
        ],
        fill: 'background',
      },
      // Fan on the top deck, drawing air up through the fill.
      stub(45, 24, 45, 26),
      { type: 'circle', cx: 45, cy: 13, r: 11, fill: 'background', strokeWidth: 1.2 },
      propeller(45, 13, 9, 3),
      // Distribution header with spray nozzles.
      stub(0, 40, 66, 40),
      { type: 'path', d: 'M32 40 l-4 6 M32 40 l4 6 M45 40 l-4 6 M45 40 l4 6 M58 40 l-4 6 M58 40 l4 6', strokeWidth: 1 },
      // Fill pack.
      zigzag(22, 68, 58, 4, 6),
      zigzag(20, 70, 68, 4, 6),
      // Basin water surface.
      { type: 'path', d: 'M16 82 q4 -3 8 0 t8 0 t8 0 t8 0 t8 0 t8 0 t8 0 t8 0', strokeWidth: 1 },
      stub(80.6, 90, 90, 90),
    ],
  },
  keywords: ['cooling tower', 'tower', 'ct', 'condenser water', 'cw', 'heat rejection', 'evaporative'],
};

const boiler: ComponentDef = {
  kind: 'boiler',
  name: 'Boiler',
  category: 'Heat transfer',
  description: 'Fired hot-water boiler: water coil over a burner flame',
  tagPrefix: 'B',
  tagNumbering: 'unit',
  ports: [processPort('in', 'left', 0.35, 'in', 'Return in'), processPort('out', 'right', 0.35, 'out', 'Supply out'), sigPort()],
  roles: roles('status', 'power', 'supply-temperature', 'return-temperature', 'flow', 'pressure', 'alarm', 'command'),
  properties: [
    num('capacity', 'Capacity', 800, 'kW', { min: 0 }),
    choice('fuel', 'Fuel', ['natural gas', 'oil', 'electric', 'biomass', 'dual fuel'], 'natural gas'),
    num('efficiency', 'Efficiency', 92, '%', { min: 0, max: 110 }),
    num('supplySetpoint', 'Supply setpoint', 70, '°C', { min: 0, max: 200 }),
  ],
  symbol: {
    width: 72,
    height: 80,
    elements: [
      { type: 'rect', x: 10, y: 6, width: 52, height: 70, rx: 4, fill: 'background' },
      stub(0, 28, 10, 28),
      stub(62, 28, 72, 28),
      zigzag(10, 62, 28, 6, 4),
      // Flame (outer and inner) on the burner line.
      { type: 'path', d: 'M36 44 C40 52 48 56 46 64 A10 8 0 0 1 26 64 C24 56 32 52 36 44 Z', fill: 'none', strokeWidth: 1.2 },
      { type: 'path', d: 'M36 54 C38 58 41 60 40 64 A4 4 0 0 1 32 64 C31 60 34 58 36 54 Z', fill: 'stroke', strokeWidth: 1 },
      stub(24, 71, 48, 71),
    ],
  },
  keywords: ['boiler', 'heater', 'hot water', 'hw', 'burner', 'furnace', 'heating'],
};

const hxProperties = [
  num('duty', 'Design duty', 500, 'kW', { min: 0 }),
  num('area', 'Heat-transfer area', 40, 'm²', { min: 0 }),
  num('designApproach', 'Design approach', 1.5, 'K', { min: 0 }),
  num('hotInTemp', 'Hot side in', 12, '°C'),
  num('coldInTemp', 'Cold side in', 5.5, '°C'),
];

const shellTube: ComponentDef = {
  kind: 'shell-tube-hx',
  name: 'Shell-and-tube heat exchanger',
  category: 'Heat transfer',
  description: 'Shell-and-tube exchanger: hot side through the shell, cold side through the tubes',
  tagPrefix: 'E',
  tagNumbering: 'loop',
  ports: [
    processPort('hot-in', 'top', 0.3, 'in', 'Shell side in (hot)'),
    processPort('hot-out', 'bottom', 0.7, 'out', 'Shell side out (hot)'),
    processPort('cold-in', 'left', 0.5, 'in', 'Tube side in (cold)'),
    processPort('cold-out', 'right', 0.5, 'out', 'Tube side out (cold)'),
    sigPort('top', 0.7),
  ],
  roles: roles(
    'hot-inlet-temperature',
    'hot-outlet-temperature',
    'cold-inlet-temperature',
    'cold-outlet-temperature',
    'chws-temperature',
    'chwr-temperature',
    'dp',
    'flow',
  ),
  properties: [...hxProperties, num('passes', 'Tube passes', 2, undefined, { min: 1, max: 8 })],
  symbol: {
    width: 120,
    height: 60,
    elements: [
      { type: 'rect', x: 12, y: 14, width: 96, height: 32, rx: 16, fill: 'background' },
      // Tube sheets, with the channel heads beyond them.
      stub(28, 14, 28, 46),
      stub(92, 14, 92, 46),
      stub(0, 30, 28, 30),
      zigzag(28, 92, 30, 9, 4),
      stub(92, 30, 120, 30),
      stub(36, 0, 36, 14),
      stub(84, 46, 84, 60),
    ],
  },
  keywords: ['heat exchanger', 'hx', 'shell and tube', 'shell', 'tube', 'exchanger', 'condenser', 'evaporator'],
};

const plate: ComponentDef = {
  kind: 'plate-hx',
  name: 'Plate heat exchanger',
  category: 'Heat transfer',
  description: 'Gasketed plate exchanger, counterflow: hot side on the left nozzles, cold side on the right',
  tagPrefix: 'E',
  tagNumbering: 'loop',
  ports: [
    processPort('hot-in', 'left', 0.2, 'in', 'Hot side in'),
    processPort('hot-out', 'left', 0.8, 'out', 'Hot side out'),
    processPort('cold-in', 'right', 0.8, 'in', 'Cold side in'),
    processPort('cold-out', 'right', 0.2, 'out', 'Cold side out'),
    sigPort(),
  ],
  roles: roles(
    'hot-inlet-temperature',
    'hot-outlet-temperature',
    'cold-inlet-temperature',
    'cold-outlet-temperature',
    'chws-temperature',
    'chwr-temperature',
    'dp',
    'flow',
  ),
  properties: [...hxProperties, num('plates', 'Plates', 120, undefined, { min: 3 })],
  symbol: {
    width: 64,
    height: 96,
    elements: [
      stub(0, 19.2, 10, 19.2),
      stub(0, 76.8, 10, 76.8),
      stub(54, 19.2, 64, 19.2),
      stub(54, 76.8, 64, 76.8),
      { type: 'rect', x: 15, y: 10, width: 34, height: 76, fill: 'background' },
      // Frame and pressure plates, then the plate pack.
      { type: 'rect', x: 10, y: 4, width: 5, height: 88, fill: 'stroke' },
      { type: 'rect', x: 49, y: 4, width: 5, height: 88, fill: 'stroke' },
      { type: 'path', d: 'M21 10 V86 M27 10 V86 M33 10 V86 M39 10 V86 M45 10 V86', strokeWidth: 1 },
      stub(10, 92, 54, 92),
    ],
  },
  keywords: ['heat exchanger', 'hx', 'plate', 'phe', 'plate and frame', 'economizer', 'free cooling', 'exchanger'],
};

export const heatTransferComponents: readonly ComponentDef[] = [chiller, coolingTower, boiler, shellTube, plate];

import type { ComponentDef, SymbolElement } from '../types';
import { roles } from '../roles';
import { choice, num, processPort, propeller, sigPort, stub } from './builders';

const motorKw = num('motorKw', 'Motor power', 30, 'kW', { min: 0 });
const ratedRpm = num('ratedSpeed', 'Rated speed', 1480, 'rpm', { min: 0 });
const drive = choice('drive', 'Drive', ['direct-on-line', 'vfd', 'soft-starter'], 'vfd');

/** Pump base: two legs under the casing, so the circle reads as a machine and not as an instrument bubble. */
function base(cx: number, cy: number, r: number, bottom: number): SymbolElement {
  const dy = r * 0.78;
  const dx = Math.sqrt(r * r - dy * dy);
  return {
    type: 'polyline',
    points: [
      [cx - dx, cy + dy],
      [cx - dx - 6, bottom],
      [cx + dx + 6, bottom],
      [cx + dx, cy + dy],
    ],
  };
}

export const pumpComponents: readonly ComponentDef[] = [
  {
    kind: 'centrifugal-pump',
    name: 'Centrifugal pump',
    category: 'Pumps and compressors',
    description: 'Centrifugal pump with motor; suction at the eye, discharge tangential at the top',
    tagPrefix: 'P',
    tagNumbering: 'loop',
    ports: [processPort('in', 'left', 0.5, 'in', 'Suction'), processPort('out', 'right', 14 / 64, 'out', 'Discharge'), sigPort()],
    roles: roles('status', 'speed', 'power', 'current', 'dp', 'flow', 'command', 'alarm'),
    properties: [
      num('designFlow', 'Design flow', 60, 'L/s', { min: 0 }),
      num('designHead', 'Design head', 250, 'kPa', { min: 0 }),
      motorKw,
      ratedRpm,
      num('efficiency', 'Pump efficiency', 80, '%', { min: 0, max: 100 }),
      drive,
      choice('service', 'Service', ['primary chilled water', 'secondary chilled water', 'condenser water', 'hot water', 'other'], 'primary chilled water'),
    ],
    symbol: {
      width: 64,
      height: 64,
      elements: [
        stub(0, 32, 14, 32),
        { type: 'circle', cx: 32, cy: 32, r: 18, fill: 'background' },
        // The discharge leaves the casing on its tangent, the ISO 10628 mark of a centrifugal machine.
        stub(32, 14, 64, 14),
        base(32, 32, 18, 60),
      ],
    },
    keywords: ['pump', 'chwp', 'cwp', 'hwp', 'chw pump', 'cw pump', 'primary', 'secondary', 'condenser', 'circulator', 'water'],
  },
  {
    kind: 'pd-pump',
    name: 'Positive-displacement pump',
    category: 'Pumps and compressors',
    description: 'Gear, lobe or screw pump; flow nearly independent of head',
    tagPrefix: 'P',
    tagNumbering: 'loop',
    ports: [processPort('in', 'left', 0.5, 'in', 'Suction'), processPort('out', 'right', 0.5, 'out', 'Discharge'), sigPort()],
    roles: roles('status', 'speed', 'power', 'current', 'dp', 'flow', 'command', 'alarm'),
    properties: [
      num('designFlow', 'Design flow', 2, 'L/s', { min: 0 }),
      num('dischargePressure', 'Discharge pressure', 600, 'kPa', { min: 0 }),
      num('motorKw', 'Motor power', 4, 'kW', { min: 0 }),
      ratedRpm,
      choice('type', 'Type', ['gear', 'lobe', 'screw', 'diaphragm', 'piston', 'peristaltic'], 'gear'),
    ],
    symbol: {
      width: 64,
      height: 64,
      elements: [
        stub(0, 32, 14, 32),
        stub(50, 32, 64, 32),
        { type: 'circle', cx: 32, cy: 32, r: 18, fill: 'background' },
        // Two meshing rotors: what sets a displacement pump apart from the centrifugal one at a glance.
        { type: 'circle', cx: 26, cy: 32, r: 6, strokeWidth: 1.2 },
        { type: 'circle', cx: 38, cy: 32, r: 6, strokeWidth: 1.2 },
        base(32, 32, 18, 60),
      ],
    },
    keywords: ['pump', 'positive displacement', 'gear', 'lobe', 'screw', 'dosing', 'metering', 'pd'],
  },
  {
    kind: 'compressor',
    name: 'Compressor',
    category: 'Pumps and compressors',
    description: 'Gas or refrigerant compressor (centrifugal, screw, reciprocating)',
    tagPrefix: 'K',
    tagNumbering: 'loop',
    ports: [processPort('in', 'left', 0.5, 'in', 'Suction'), processPort('out', 'right', 0.5, 'out', 'Discharge'), sigPort()],
    roles: roles('status', 'speed', 'power', 'current', 'suction-pressure', 'discharge-pressure', 'command', 'alarm'),
    properties: [
      num('flow', 'Free air delivery', 10, 'm³/min', { min: 0 }),
      num('dischargePressure', 'Discharge pressure', 700, 'kPa', { min: 0 }),
      num('motorKw', 'Motor power', 55, 'kW', { min: 0 }),
      choice('type', 'Type', ['screw', 'centrifugal', 'reciprocating', 'scroll'], 'screw'),
      drive,
    ],
    symbol: {
      width: 64,
      height: 56,
      elements: [
        stub(0, 28, 12, 28),
        stub(52, 28, 64, 28),
        { type: 'circle', cx: 32, cy: 28, r: 20, fill: 'background' },
        // Converging lines: the gas leaves smaller than it came in.
        stub(17.86, 13.86, 50.13, 19.55),
        stub(17.86, 42.14, 50.13, 36.45),
      ],
    },
    keywords: ['compressor', 'air', 'refrigerant', 'gas', 'screw', 'reciprocating'],
  },
  {
    kind: 'fan',
    name: 'Fan',
    category: 'Pumps and compressors',
    description: 'Axial or centrifugal fan with motor',
    tagPrefix: 'FN',
    tagNumbering: 'loop',
    ports: [processPort('in', 'left', 0.5, 'in', 'Air in'), processPort('out', 'right', 0.5, 'out', 'Air out'), sigPort()],
    roles: roles('status', 'speed', 'power', 'current', 'command', 'alarm'),
    properties: [
      num('airflow', 'Design airflow', 10, 'm³/s', { min: 0 }),
      num('staticPressure', 'Static pressure', 500, 'Pa', { min: 0 }),
      num('motorKw', 'Motor power', 11, 'kW', { min: 0 }),
      ratedRpm,
      choice('type', 'Type', ['centrifugal', 'axial', 'plug', 'mixed-flow'], 'centrifugal'),
      drive,
    ],
    symbol: {
      width: 64,
      height: 56,
      elements: [
        stub(0, 28, 12, 28),
        stub(52, 28, 64, 28),
        { type: 'circle', cx: 32, cy: 28, r: 20, fill: 'background' },
        propeller(32, 28, 16, 3),
        { type: 'circle', cx: 32, cy: 28, r: 2, fill: 'stroke', strokeWidth: 1 },
      ],
    },
    keywords: ['fan', 'blower', 'supply fan', 'exhaust', 'return fan', 'air'],
  },
];

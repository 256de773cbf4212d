import type { ComponentDef } from '../types';
import { choice, num, processPort, propeller, sigPort, stub, zigzagVertical } from './builders';

export const airSideComponents: readonly ComponentDef[] = [
  {
    kind: 'ahu',
    name: 'Air-handling unit',
    category: 'Air side',
    description: 'Air-handling unit: filter, chilled-water coil and supply fan in one casing; the ports are the coil water connections',
    tagPrefix: 'AHU',
    tagNumbering: 'unit',
    ports: [
      processPort('in', 'bottom', 54 / 140, 'in', 'Coil water in (CHWS)'),
      processPort('out', 'bottom', 66 / 140, 'out', 'Coil water out (CHWR)'),
      sigPort('top', 108 / 140),
    ],
    properties: [
      num('airflow', 'Supply airflow', 8, 'm³/s', { min: 0 }),
      num('coolingCapacity', 'Coil cooling capacity', 120, 'kW', { min: 0 }),
      num('fanKw', 'Supply fan power', 11, 'kW', { min: 0 }),
      num('supplyAirSetpoint', 'Supply air setpoint', 13, '°C', { min: 0, max: 40 }),
    ],
    symbol: {
      width: 140,
      height: 72,
      elements: [
        { type: 'rect', x: 4, y: 8, width: 132, height: 52, fill: 'background' },
        stub(40, 8, 40, 60),
        stub(80, 8, 80, 60),
        // Pleated filter, coil (box with its diagonal), supply fan.
        zigzagVertical(22, 12, 56, 6, 4),
        { type: 'rect', x: 48, y: 14, width: 24, height: 40 },
        stub(48, 54, 72, 14),
        stub(54, 54, 54, 72),
        stub(66, 54, 66, 72),
        { type: 'circle', cx: 108, cy: 34, r: 16, fill: 'background' },
        propeller(108, 34, 13, 3),
      ],
    },
    keywords: ['ahu', 'air handler', 'air-handling unit', 'air handling', 'coil', 'fan', 'supply air', 'building load', 'load'],
  },
  {
    kind: 'cooling-coil',
    name: 'Cooling coil',
    category: 'Air side',
    description: 'Chilled-water cooling coil (also stands for a building load)',
    tagPrefix: 'CC',
    tagNumbering: 'unit',
    ports: [processPort('in', 'left', 0.5, 'in', 'Water in (CHWS)'), processPort('out', 'right', 0.5, 'out', 'Water out (CHWR)'), sigPort()],
    properties: [
      num('capacity', 'Design capacity', 1200, 'kW', { min: 0 }),
      num('designFlow', 'Design water flow', 52, 'L/s', { min: 0 }),
      num('enteringAir', 'Entering air', 26, '°C', { min: -30, max: 60 }),
      num('leavingAir', 'Leaving air', 13, '°C', { min: -30, max: 60 }),
    ],
    symbol: {
      width: 56,
      height: 56,
      elements: [stub(0, 28, 12, 28), stub(44, 28, 56, 28), { type: 'rect', x: 12, y: 8, width: 32, height: 40, fill: 'background' }, stub(12, 48, 44, 8)],
    },
    keywords: ['coil', 'cooling coil', 'chw coil', 'building load', 'load', 'fan coil', 'air'],
  },
  {
    kind: 'damper',
    name: 'Damper',
    category: 'Air side',
    description: 'Air damper (isolation or modulating); the blade is drawn across the duct',
    tagPrefix: 'DMP',
    tagNumbering: 'loop',
    ports: [processPort('in', 'left', 0.5, 'in', 'Air in'), processPort('out', 'right', 0.5, 'out', 'Air out'), sigPort()],
    properties: [
      num('width', 'Width', 800, 'mm', { min: 0 }),
      num('height', 'Height', 600, 'mm', { min: 0 }),
      choice('type', 'Type', ['opposed blade', 'parallel blade', 'isolation', 'fire'], 'opposed blade'),
      choice('failPosition', 'Fail position', ['fail closed', 'fail open', 'fail last'], 'fail closed'),
    ],
    symbol: {
      width: 48,
      height: 32,
      elements: [
        stub(0, 16, 10, 16),
        stub(38, 16, 48, 16),
        { type: 'rect', x: 10, y: 4, width: 28, height: 24, fill: 'background' },
        stub(14, 25, 34, 7),
        { type: 'circle', cx: 24, cy: 16, r: 2, fill: 'stroke', strokeWidth: 1 },
      ],
    },
    keywords: ['damper', 'louvre', 'louver', 'air', 'outside air', 'duct'],
  },
];

import type { ComponentDef } from '../types';
import { roles } from '../roles';
import { choice, num, processPort, sigPort, signalPort, stub, text } from './builders';

export const vesselComponents: readonly ComponentDef[] = [
  {
    kind: 'tank',
    name: 'Tank',
    category: 'Vessels',
    description: 'Atmospheric storage tank: cone roof with vent, dished bottom',
    tagPrefix: 'TK',
    tagNumbering: 'loop',
    ports: [processPort('in', 'left', 0.3, 'in', 'Inlet'), processPort('out', 'right', 0.8, 'out', 'Outlet'), sigPort('top', 0.8)],
    roles: roles('level', 'pressure', 'temperature'),
    properties: [
      num('volume', 'Volume', 20, 'm³', { min: 0 }),
      num('height', 'Height', 4, 'm', { min: 0 }),
      text('contents', 'Contents', 'water'),
      choice('type', 'Type', ['storage', 'thermal storage (chilled water)', 'break tank', 'day tank'], 'storage'),
    ],
    symbol: {
      width: 72,
      height: 110,
      elements: [
        { type: 'path', d: 'M10 20 L36 8 L62 20 V92 A26 10 0 0 1 10 92 Z', fill: 'background' },
        // Gooseneck vent: the roof is open to atmosphere, which is what makes this a tank and not a vessel.
        { type: 'path', d: 'M36 8 V2 H42 V5', strokeWidth: 1.2 },
        { type: 'line', x1: 10, y1: 50, x2: 62, y2: 50, dashed: true, strokeWidth: 1 },
        {
          type: 'polygon',
          points: [
            [44, 44],
            [52, 44],
            [48, 50],
          ],
          strokeWidth: 1,
        },
        stub(0, 33, 10, 33),
        stub(62, 88, 72, 88),
      ],
    },
    keywords: ['tank', 'storage', 'thermal storage', 'tes', 'reservoir', 'break tank', 'sump'],
  },
  {
    kind: 'vessel',
    name: 'Vessel',
    category: 'Vessels',
    description: 'Closed pressure vessel with elliptical heads (receiver, separator, buffer vessel)',
    tagPrefix: 'V',
    tagNumbering: 'loop',
    ports: [processPort('in', 'left', 0.5, 'in', 'Inlet'), processPort('out', 'right', 0.5, 'out', 'Outlet'), sigPort()],
    roles: roles('level', 'pressure', 'temperature'),
    properties: [
      num('volume', 'Volume', 2, 'm³', { min: 0 }),
      num('designPressure', 'Design pressure', 1000, 'kPa(g)', { min: 0 }),
      num('designTemperature', 'Design temperature', 90, '°C'),
      choice('service', 'Service', ['buffer', 'air separator', 'receiver', 'separator', 'decoupler'], 'buffer'),
    ],
    symbol: {
      width: 120,
      height: 64,
      elements: [
        { type: 'path', d: 'M24 10 H96 A14 22 0 0 1 96 54 H24 A14 22 0 0 1 24 10 Z', fill: 'background' },
        // Head-to-shell seams.
        { type: 'path', d: 'M24 10 V54 M96 10 V54', strokeWidth: 0.8 },
        // Saddle supports.
        { type: 'path', d: 'M36 54 L32 62 H48 L44 54 M76 54 L72 62 H88 L84 54', strokeWidth: 1.2 },
        stub(0, 32, 10, 32),
        stub(110, 32, 120, 32),
      ],
    },
    keywords: ['vessel', 'pressure vessel', 'receiver', 'buffer', 'separator', 'drum', 'air separator', 'decoupler'],
  },
  {
    kind: 'expansion-tank',
    name: 'Expansion tank',
    category: 'Vessels',
    description: 'Diaphragm expansion vessel: takes up the water volume change of a closed loop and sets its static pressure',
    tagPrefix: 'ET',
    tagNumbering: 'unit',
    ports: [processPort('conn', 'bottom', 0.5, 'both', 'System connection'), signalPort('sig', 'top', 0.5, 'both', 'Signal')],
    roles: roles('pressure', 'level'),
    properties: [
      num('volume', 'Volume', 500, 'L', { min: 0 }),
      num('precharge', 'Precharge pressure', 150, 'kPa(g)', { min: 0 }),
      num('maxPressure', 'Maximum pressure', 600, 'kPa(g)', { min: 0 }),
    ],
    symbol: {
      width: 44,
      height: 72,
      elements: [
        { type: 'path', d: 'M8 16 A14 8 0 0 1 36 16 V50 A14 8 0 0 1 8 50 Z', fill: 'background' },
        // The diaphragm between the gas charge (top) and the system water (bottom).
        { type: 'path', d: 'M8 33 Q22 43 36 33', strokeWidth: 1.2 },
        stub(22, 58, 22, 72),
      ],
    },
    keywords: ['expansion tank', 'expansion vessel', 'diaphragm', 'bladder', 'pressurisation', 'pressurization', 'et'],
  },
];

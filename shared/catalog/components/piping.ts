import type { ComponentDef, PortDef } from '../types';
import { roles } from '../roles';
import { choice, num, processPort, sigPort, stub } from './builders';

const HEADER_BRANCHES = 6;
const HEADER_WIDTH = 200;

/** Branch ports spread evenly along the header's underside. */
const headerBranches: PortDef[] = Array.from({ length: HEADER_BRANCHES }, (_, i) =>
  processPort(`b${i + 1}`, 'bottom', (2 * i + 1) / (2 * HEADER_BRANCHES), 'both', `Branch ${i + 1}`),
);

export const pipingComponents: readonly ComponentDef[] = [
  {
    kind: 'filter',
    name: 'Filter / strainer',
    category: 'Piping',
    description: 'Line strainer or filter; the dashed line is the screen',
    tagPrefix: 'STR',
    tagNumbering: 'loop',
    ports: [processPort('in', 'left', 0.5, 'in', 'Inlet'), processPort('out', 'right', 0.5, 'out', 'Outlet'), sigPort()],
    roles: roles('dp'),
    properties: [
      num('size', 'Size (DN)', 150, 'mm', { min: 6, max: 3000 }),
      choice('type', 'Type', ['Y-strainer', 'basket strainer', 'cartridge filter', 'bag filter', 'side-stream filter'], 'Y-strainer'),
      num('mesh', 'Mesh', 800, 'µm', { min: 0 }),
      num('cleanDp', 'Clean pressure drop', 10, 'kPa', { min: 0 }),
    ],
    symbol: {
      width: 48,
      height: 40,
      elements: [
        stub(0, 20, 6, 20),
        stub(42, 20, 48, 20),
        {
          type: 'polygon',
          points: [
            [24, 4],
            [42, 20],
            [24, 36],
            [6, 20],
          ],
          fill: 'background',
        },
        { type: 'line', x1: 24, y1: 6, x2: 24, y2: 34, dashed: true, strokeWidth: 1.2 },
      ],
    },
    keywords: ['filter', 'strainer', 'y-strainer', 'basket', 'screen', 'str'],
  },
  {
    kind: 'pipe-junction',
    name: 'Pipe junction',
    category: 'Piping',
    description: 'Tee or cross where process lines join; any port may be inlet or outlet',
    tagPrefix: 'J',
    tagNumbering: 'loop',
    ports: [
      processPort('n', 'top', 0.5, 'both', 'North'),
      processPort('e', 'right', 0.5, 'both', 'East'),
      processPort('s', 'bottom', 0.5, 'both', 'South'),
      processPort('w', 'left', 0.5, 'both', 'West'),
    ],
    roles: roles('temperature', 'pressure', 'flow'),
    properties: [],
    symbol: {
      width: 16,
      height: 16,
      elements: [stub(8, 0, 8, 16), stub(0, 8, 16, 8), { type: 'circle', cx: 8, cy: 8, r: 3, fill: 'stroke', strokeWidth: 1 }],
    },
    keywords: ['junction', 'tee', 'cross', 'branch', 'node', 'connection', 'pipe'],
  },
  {
    kind: 'header',
    name: 'Header',
    category: 'Piping',
    description: 'Distribution header (manifold) with six branch connections underneath',
    tagPrefix: 'HDR',
    tagNumbering: 'unit',
    ports: [processPort('in', 'left', 0.5, 'both', 'End A'), processPort('out', 'right', 0.5, 'both', 'End B'), ...headerBranches, sigPort()],
    roles: roles(
      'chws-temperature',
      'chwr-temperature',
      'cws-temperature',
      'cwr-temperature',
      'supply-temperature',
      'return-temperature',
      'temperature',
      'pressure',
      'dp',
      'flow',
    ),
    properties: [
      num('size', 'Size (DN)', 300, 'mm', { min: 6, max: 3000 }),
      choice(
        'service',
        'Service',
        ['chilled water supply', 'chilled water return', 'condenser water supply', 'condenser water return', 'hot water supply', 'hot water return', 'other'],
        'chilled water supply',
      ),
    ],
    symbol: {
      width: HEADER_WIDTH,
      height: 24,
      elements: [
        stub(0, 12, 4, 12),
        stub(HEADER_WIDTH - 4, 12, HEADER_WIDTH, 12),
        { type: 'rect', x: 4, y: 6, width: HEADER_WIDTH - 8, height: 12, fill: 'background', strokeWidth: 2 },
        ...headerBranches.map((b) => stub(b.offset * HEADER_WIDTH, 18, b.offset * HEADER_WIDTH, 24)),
      ],
    },
    keywords: ['header', 'manifold', 'distribution', 'supply header', 'return header', 'common', 'hdr'],
  },
];

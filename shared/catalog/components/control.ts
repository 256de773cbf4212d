import type { ComponentDef } from '../types';
import { roles } from '../roles';
import { choice, flag, num, signalPort, stub, text } from './builders';
import { bubble, mountingProperty } from './bubbles';

export const controlComponents: readonly ComponentDef[] = [
  {
    kind: 'controller',
    name: 'Controller',
    category: 'Control',
    description: 'PID controller: measurement in, setpoint in, output to a valve, damper or drive (TIC, PIC, FIC…)',
    tagPrefix: 'TIC',
    tagNumbering: 'loop',
    ports: [
      signalPort('pv', 'left', 0.5, 'in', 'Measurement (PV)'),
      signalPort('sp', 'top', 0.5, 'in', 'Remote setpoint (SP)'),
      signalPort('out', 'right', 0.5, 'out', 'Output (OP)'),
    ],
    roles: roles('setpoint', 'chws-setpoint', 'cws-setpoint', 'dp-setpoint', 'command', 'status'),
    properties: [
      mountingProperty('shared-display'),
      num('setpoint', 'Setpoint', 6.7),
      text('unit', 'Unit', '°C'),
      choice('action', 'Action', ['reverse', 'direct'], 'direct'),
      num('gain', 'Proportional gain', 1, undefined, { min: 0 }),
      num('integralTime', 'Integral time', 120, 's', { min: 0 }),
      num('derivativeTime', 'Derivative time', 0, 's', { min: 0 }),
      num('outputLow', 'Output low limit', 0, '%', { min: 0, max: 100 }),
      num('outputHigh', 'Output high limit', 100, '%', { min: 0, max: 100 }),
    ],
    symbol: {
      width: 44,
      height: 44,
      elements: [stub(0, 22, 7, 22), stub(22, 0, 22, 7), stub(37, 22, 44, 22), ...bubble(22, 17)],
    },
    keywords: ['controller', 'pid', 'tic', 'pic', 'fic', 'loop', 'control', 'setpoint', 'dcs', 'bms'],
  },
  {
    kind: 'vfd',
    name: 'Variable-frequency drive',
    category: 'Control',
    description: 'Variable-frequency drive (speed controller) for a pump, fan or compressor motor',
    tagPrefix: 'SIC',
    tagNumbering: 'loop',
    ports: [signalPort('cmd', 'left', 0.5, 'in', 'Speed command'), signalPort('out', 'right', 0.5, 'out', 'Motor output')],
    roles: roles('speed', 'power', 'current', 'command', 'status', 'alarm'),
    properties: [
      num('ratedKw', 'Rated power', 30, 'kW', { min: 0 }),
      num('minSpeed', 'Minimum speed', 30, '%', { min: 0, max: 100 }),
      num('maxSpeed', 'Maximum speed', 100, '%', { min: 0, max: 120 }),
      num('rampTime', 'Ramp time', 30, 's', { min: 0 }),
      flag('bypass', 'Bypass contactor', false),
    ],
    symbol: {
      width: 56,
      height: 44,
      elements: [
        stub(0, 22, 8, 22),
        stub(48, 22, 56, 22),
        // IEC 60617 converter: a box split by a diagonal, mains frequency in, variable frequency out.
        { type: 'rect', x: 8, y: 2, width: 40, height: 40, fill: 'background' },
        stub(8, 42, 48, 2),
        { type: 'path', d: 'M12 13 q3 -5 6 0 t6 0', strokeWidth: 1.2 },
        { type: 'path', d: 'M32 32 q3 -5 6 0 t6 0', strokeWidth: 1.2 },
      ],
    },
    keywords: ['vfd', 'vsd', 'drive', 'inverter', 'variable speed', 'frequency', 'sic', 'speed', 'controller'],
  },
];

import { LEVEL, TRAIN_X } from './chiller-trains';
import type { Drawing } from './drawing';

/**
 * The chilled-water loop below the chillers: evaporator outlets drop into the supply main, which runs right
 * through the supply header to the building's coils; the minimum-flow bypass joins supply to return
 * downstream of the header, and the return main runs back left under the trains to each pump's suction.
 */
export function drawChilledWaterLoop(d: Drawing): void {
  const [x1, x2] = TRAIN_X;
  const S = LEVEL.chwsMain;
  const R = LEVEL.chwrMain;

  d.add('pipe-junction', 'J-101', 'CH-1 chilled-water supply tee', { port: 'w', x: x1 + 472, y: S });
  d.add('pipe-junction', 'J-102', 'CH-2 chilled-water supply tee', { port: 'w', x: x2 + 472, y: S });
  d.add(
    'header',
    'HDR-101',
    'Chilled water supply header (CHWS)',
    { port: 'in', x: 1400, y: S },
    { properties: { size: 300, service: 'chilled water supply' } },
  );
  d.add('pipe-junction', 'J-105', 'Bypass tee (supply)', { port: 'w', x: 1652, y: S });
  d.add('gate-valve', 'HV-107', 'Building supply isolation', { port: 'in', x: 1720, y: S }, { properties: { size: 300 } });
  d.add(
    'cooling-coil',
    'CC-1',
    'Building B7 air-handler coils (aggregate load)',
    { port: 'in', x: 1820, y: S },
    {
      properties: { capacity: 2900, designFlow: 128, enteringAir: 26, leavingAir: 13 },
    },
  );
  d.pipe('HV-153', 'out', 'J-101', 'n');
  d.pipe('J-101', 'e', 'J-102', 'w');
  d.pipe('HV-163', 'out', 'J-102', 'n');
  d.pipe('J-102', 'e', 'HDR-101', 'in');
  d.pipe('HDR-101', 'out', 'J-105', 'w');
  d.pipe('J-105', 'e', 'HV-107', 'in');
  d.pipe('HV-107', 'out', 'CC-1', 'in');

  // Minimum-flow bypass, vertical between the mains.
  d.add(
    'control-valve',
    'FV-106',
    'Chilled-water minimum-flow bypass valve',
    { port: 'in', x: 1660, y: S + 36 },
    {
      rotation: 90,
      properties: { size: 100, kvs: 170, characteristic: 'linear', failPosition: 'fail open' },
    },
  );
  d.add('pipe-junction', 'J-106', 'Bypass tee (return)', { port: 'n', x: 1660, y: R - 8 });
  d.pipe('J-105', 's', 'FV-106', 'in');
  d.pipe('FV-106', 'out', 'J-106', 'n');

  // Return from the building, through the return header, back left to the pumps.
  d.add('gate-valve', 'HV-108', 'Building return isolation', { port: 'in', x: 1780, y: R }, { flip: true, properties: { size: 300 } });
  d.add(
    'header',
    'HDR-102',
    'Chilled water return header (CHWR)',
    { port: 'out', x: 1600, y: R },
    { properties: { size: 300, service: 'chilled water return' } },
  );
  d.add('pipe-junction', 'J-104', 'CHWP-2 suction tee', { port: 'e', x: x2 - 72, y: R });
  d.add('pipe-junction', 'J-103', 'CHWP-1 suction tee', { port: 'e', x: x1 - 72, y: R });
  d.add('expansion-tank', 'ET-101', 'Expansion tank', { port: 'conn', x: 40, y: R - 40 }, { properties: { volume: 800, precharge: 150 } });
  d.pipe('CC-1', 'out', 'HV-108', 'in');
  d.pipe('HV-108', 'out', 'J-106', 'e');
  d.pipe('J-106', 'w', 'HDR-102', 'out');
  d.pipe('HDR-102', 'in', 'J-104', 'e');
  d.pipe('J-104', 'w', 'J-103', 'e');
  d.pipe('J-103', 'n', 'HV-151', 'in');
  d.pipe('J-104', 'n', 'HV-161', 'in');
  d.pipe('ET-101', 'conn', 'J-103', 'w');

  // Instruments and loops on the mains.
  const above = S - 12 - 66;
  d.add('temperature-transmitter', 'TT-101', 'CHWS header temperature', { x: 1400, y: above });
  d.add(
    'controller',
    'TIC-101',
    'CHWS temperature control (chiller setpoint, reset on OAT)',
    { x: 1456, y: above },
    {
      properties: { setpoint: 6.7, unit: '°C', action: 'direct' },
    },
  );
  d.add('temperature-transmitter', 'TT-102', 'CHWS header temperature (redundant)', { x: 1516, y: above });
  d.add('flow-transmitter', 'FT-104', 'Primary chilled-water flow', { x: 1576, y: above }, { properties: { rangeHigh: 200 } });
  d.add(
    'controller',
    'FIC-106',
    'Minimum evaporator flow control (bypass)',
    { x: 1636, y: above },
    {
      properties: { setpoint: 40, unit: 'L/s', action: 'reverse' },
    },
  );
  d.add('temperature-transmitter', 'TT-103', 'CHWR header temperature (after bypass)', { port: 'pv', x: 1500, y: R - 24 });
  const valveSig = d.port('FV-106', 'sig');
  d.add('position-transmitter', 'ZT-106', 'Bypass valve position', { port: 'pv', x: valveSig.x + 24, y: valveSig.y }, { rotation: 90 });
  d.add('dp-transmitter', 'PDT-105', 'Loop differential pressure (supply − return)', { port: 'pv', x: 1848, y: S - 40 }, { properties: { rangeHigh: 200 } });
  d.add(
    'controller',
    'PDIC-105',
    'Loop DP control (primary pump speed)',
    { port: 'pv', x: 1912, y: S - 62 },
    {
      properties: { setpoint: 70, unit: 'kPa', action: 'reverse' },
    },
  );
  for (const tt of ['TT-101', 'TT-102', 'FT-104']) d.signal('HDR-101', 'sig', tt, 'pv');
  d.signal('HDR-102', 'sig', 'TT-103', 'pv');
  d.signal('FV-106', 'sig', 'ZT-106', 'pv');
  d.signal('CC-1', 'sig', 'PDT-105', 'pv');
  d.signal('TT-101', 'out', 'TIC-101', 'pv');
  d.signal('TIC-101', 'out', 'CH-1', 'sig');
  d.signal('TIC-101', 'out', 'CH-2', 'sig');
  d.signal('FT-104', 'out', 'FIC-106', 'pv');
  d.signal('FIC-106', 'out', 'FV-106', 'sig');
  d.signal('PDT-105', 'out', 'PDIC-105', 'pv');
  d.signal('PDIC-105', 'out', 'CHWP-1', 'sig');
  d.signal('PDIC-105', 'out', 'CHWP-2', 'sig');
}

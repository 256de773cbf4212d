import { LEVEL, TRAIN_X } from './chiller-trains';
import type { Drawing } from './drawing';

/**
 * The condenser-water loop above the chillers: the return main collects both condensers and rises at the
 * right to the tower distribution header; the towers drain into the supply header, whose main runs back
 * left over the trains and drops to each condenser pump.
 */
export function drawCondenserLoop(d: Drawing): void {
  const [x1, x2] = TRAIN_X;

  d.add(
    'cooling-tower',
    'CT-1',
    'Cooling tower cell 1',
    { x: 1500, y: 180 },
    {
      properties: { designFlow: 85.5, designApproach: 4, designRange: 5.7, designWetBulb: 26.5, fanKw: 18.5 },
    },
  );
  d.add(
    'cooling-tower',
    'CT-2',
    'Cooling tower cell 2',
    { x: 1680, y: 180 },
    {
      properties: { designFlow: 85.5, designApproach: 4, designRange: 5.7, designWetBulb: 26.5, fanKw: 18.5 },
    },
  );

  // Return: each condenser outlet rises into a tee on the return main.
  d.add('pipe-junction', 'J-203', 'CH-1 condenser return tee', { port: 'e', x: x1 + 488, y: LEVEL.cwReturnMain });
  d.add('pipe-junction', 'J-204', 'CH-2 condenser return tee', { port: 'e', x: x2 + 488, y: LEVEL.cwReturnMain });
  d.add('pipe-junction', 'J-205', 'Condenser return riser', { port: 'e', x: 1908, y: LEVEL.cwReturnMain });
  d.add(
    'header',
    'HDR-202',
    'Condenser water return header (tower distribution)',
    { x: 1440, y: 100 },
    {
      properties: { size: 350, service: 'condenser water return' },
    },
  );
  d.pipe('HV-253', 'out', 'J-203', 's');
  d.pipe('J-203', 'e', 'J-204', 'w');
  d.pipe('HV-263', 'out', 'J-204', 's');
  d.pipe('J-204', 'e', 'J-205', 'w');
  d.pipe('J-205', 'n', 'HDR-202', 'out');
  d.pipe('HDR-202', 'b1', 'CT-1', 'in');
  d.pipe('HDR-202', 'b6', 'CT-2', 'in');

  // Supply: the towers' basins drain into the supply header (turned so its branches face up), then left.
  d.add(
    'header',
    'HDR-201',
    'Condenser water supply header',
    { port: 'out', x: 1480, y: LEVEL.cwSupplyMain },
    {
      rotation: 180,
      properties: { size: 350, service: 'condenser water supply' },
    },
  );
  d.add('pipe-junction', 'J-202', 'CWP-2 suction tee', { port: 'e', x: x2 - 72, y: LEVEL.cwSupplyMain });
  d.add('pipe-junction', 'J-201', 'CWP-1 suction tee', { port: 'e', x: x1 - 72, y: LEVEL.cwSupplyMain });
  d.pipe('CT-1', 'out', 'HDR-201', 'b3');
  d.pipe('CT-2', 'out', 'HDR-201', 'b1');
  d.pipe('HDR-201', 'out', 'J-202', 'e');
  d.pipe('J-202', 'w', 'J-201', 'e');
  d.pipe('J-201', 's', 'HV-251', 'in');
  d.pipe('J-202', 's', 'HV-261', 'in');

  // Header instruments: the supply pair hangs below its (turned) header, clear of its tag; the return one sits above its own.
  d.add('temperature-transmitter', 'TT-201', 'Condenser water supply temperature (CWS)', { port: 'pv', x: 1520, y: 412 }, { rotation: 180 });
  d.add('flow-transmitter', 'FT-203', 'Condenser water flow', { port: 'pv', x: 1640, y: 412 }, { rotation: 180, properties: { rangeHigh: 200 } });
  d.add('temperature-transmitter', 'TT-202', 'Condenser water return temperature (CWR)', { port: 'pv', x: 1540, y: 74 });
  d.signal('HDR-201', 'sig', 'TT-201', 'pv');
  d.signal('HDR-201', 'sig', 'FT-203', 'pv');
  d.signal('HDR-202', 'sig', 'TT-202', 'pv');

  // Tower fans follow the supply temperature, with the setpoint reset from the outdoor wet-bulb.
  const ttOut = d.port('TT-201', 'out');
  d.add(
    'controller',
    'TIC-201',
    'Condenser water supply temperature control (tower fans)',
    { port: 'pv', x: ttOut.x - 12, y: ttOut.y },
    {
      flip: true,
      properties: { setpoint: 29.5, unit: '°C', action: 'direct' },
    },
  );
  // The wet-bulb transmitter sits right above the controller, turned so its output drops straight onto the setpoint input.
  const sp = d.port('TIC-201', 'sp');
  d.add(
    'temperature-transmitter',
    'TT-702',
    'Outdoor wet-bulb temperature (from RH and dry-bulb)',
    { port: 'out', x: sp.x, y: 344 },
    {
      rotation: 90,
      properties: { rangeLow: -20, rangeHigh: 40 },
    },
  );
  d.add('temperature-transmitter', 'TT-701', 'Outdoor air temperature (OAT)', { x: sp.x - 110, y: 300 }, { properties: { rangeLow: -20, rangeHigh: 50 } });
  d.signal('TT-201', 'out', 'TIC-201', 'pv');
  d.signal('TT-702', 'out', 'TIC-201', 'sp');
  d.signal('TIC-201', 'out', 'CT-1', 'sig');
  d.signal('TIC-201', 'out', 'CT-2', 'sig');
}

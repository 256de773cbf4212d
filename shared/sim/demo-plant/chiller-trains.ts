import type { Drawing } from './drawing';

/** Left edges of the two chiller trains; each train runs left to right: suction valve, pump, check valve, chiller, outlet valve. */
export const TRAIN_X = [200, 800] as const;

/** Levels of the drawing, top to bottom (canvas px). */
export const LEVEL = {
  cwSupplyMain: 380,
  cwReturnMain: 490,
  chillerTop: 600,
  chwsMain: 920,
  chwrMain: 1040,
} as const;

const CW_PORT = LEVEL.chillerTop + 25;
const CHW_PORT = LEVEL.chillerTop + 75;
const CHWP_OUT = 800;

/**
 * One chiller with its dedicated condenser-water and primary chilled-water pumps, the valves around them,
 * and the instruments on the chiller and pumps. Condenser water enters at the top left, chilled water at
 * the bottom left; both leave on the right.
 */
export function drawTrain(d: Drawing, unit: 1 | 2): void {
  const x0 = unit === 1 ? TRAIN_X[0] : TRAIN_X[1];
  const cwLoop = 240 + unit * 10; // 250, 260: condenser-water valves of this train
  const chwLoop = 140 + unit * 10; // 150, 160
  const ch = `CH-${unit}`;
  const cwp = `CWP-${unit}`;
  const chwp = `CHWP-${unit}`;

  d.add(
    'chiller',
    ch,
    `Chiller ${unit} (500 ton centrifugal)`,
    { x: x0 + 240, y: LEVEL.chillerTop },
    {
      properties: { capacity: 1758, designCop: 6, chwsSetpoint: 6.7, designChwDeltaT: 5.5, designChwFlow: 76, designCwFlow: 85.5, minPartLoad: 20 },
    },
  );

  // Condenser water: suction valve → pump → check valve → condenser → outlet valve.
  d.add('gate-valve', `HV-${cwLoop + 1}`, `${cwp} suction isolation`, { port: 'out', x: x0 + 10, y: CW_PORT + 18 }, { properties: { size: 250 } });
  d.add(
    'centrifugal-pump',
    cwp,
    `Condenser water pump ${unit}`,
    { port: 'out', x: x0 + 110, y: CW_PORT },
    {
      properties: { designFlow: 85.5, designHead: 200, motorKw: 37, efficiency: 80, drive: 'vfd', service: 'condenser water' },
    },
  );
  d.add('check-valve', `CKV-${cwLoop + 2}`, `${cwp} discharge check`, { port: 'in', x: x0 + 152, y: CW_PORT }, { properties: { size: 250 } });
  d.add('butterfly-valve', `HV-${cwLoop + 3}`, `${ch} condenser outlet isolation`, { port: 'in', x: x0 + 400, y: CW_PORT }, { properties: { size: 250 } });
  d.pipe(`HV-${cwLoop + 1}`, 'out', cwp, 'in');
  d.pipe(cwp, 'out', `CKV-${cwLoop + 2}`, 'in');
  d.pipe(`CKV-${cwLoop + 2}`, 'out', ch, 'cw-in');
  d.pipe(ch, 'cw-out', `HV-${cwLoop + 3}`, 'in');

  // Chilled water: suction valve → pump → check valve → evaporator → outlet valve.
  d.add('gate-valve', `HV-${chwLoop + 1}`, `${chwp} suction isolation`, { port: 'out', x: x0 + 10, y: CHWP_OUT + 18 }, { properties: { size: 200 } });
  d.add(
    'centrifugal-pump',
    chwp,
    `Primary chilled-water pump ${unit}`,
    { port: 'out', x: x0 + 110, y: CHWP_OUT },
    {
      properties: { designFlow: 76, designHead: 250, motorKw: 30, efficiency: 78, drive: 'vfd', service: 'primary chilled water' },
    },
  );
  d.add('check-valve', `CKV-${chwLoop + 2}`, `${chwp} discharge check`, { port: 'in', x: x0 + 152, y: CHWP_OUT }, { properties: { size: 200 } });
  d.add('butterfly-valve', `HV-${chwLoop + 3}`, `${ch} evaporator outlet isolation`, { port: 'in', x: x0 + 400, y: CHW_PORT }, { properties: { size: 200 } });
  d.pipe(`HV-${chwLoop + 1}`, 'out', chwp, 'in');
  d.pipe(chwp, 'out', `CKV-${chwLoop + 2}`, 'in');
  d.pipe(`CKV-${chwLoop + 2}`, 'out', ch, 'chw-in');
  d.pipe(ch, 'chw-out', `HV-${chwLoop + 3}`, 'in');

  // The chiller's instruments in a row above it, each wired to the chiller's signal port.
  const instruments: [string, string, string, Record<string, string | number>][] = [
    ['temperature-transmitter', `TT-1${unit}4`, `${ch} entering condenser water (ECWT)`, {}],
    ['temperature-transmitter', `TT-1${unit}2`, `${ch} entering chilled water (ECHWT)`, {}],
    ['power-transmitter', `JT-1${unit}5`, `${ch} input power`, { rangeHigh: 500 }],
    ['temperature-transmitter', `TT-1${unit}1`, `${ch} leaving chilled water (LCHWT)`, {}],
    ['temperature-transmitter', `TT-1${unit}3`, `${ch} leaving condenser water (LCWT)`, {}],
  ];
  instruments.forEach(([kind, tag, name, properties], k) => {
    d.add(kind, tag, name, { x: x0 + 174 + 52 * k, y: LEVEL.chillerTop - 100 }, { properties });
    d.signal(ch, 'sig', tag, 'pv');
  });

  // Drive speed and power of each pump, above the pump.
  const pumpLoops: [string, number, number][] = [
    [cwp, 200 + (unit + 2) * 10, CW_PORT - 14],
    [chwp, 100 + (unit + 2) * 10, CHWP_OUT - 14],
  ];
  for (const [pump, loop, pumpTop] of pumpLoops) {
    d.add('speed-transmitter', `ST-${loop + 1}`, `${pump} drive speed`, { x: x0 + 30, y: pumpTop - 81 }, { properties: { unit: '%', rangeHigh: 100 } });
    d.add(
      'power-transmitter',
      `JT-${loop + 2}`,
      `${pump} input power`,
      { x: x0 + 82, y: pumpTop - 81 },
      {
        properties: { rangeHigh: 50, measurement: 'drive-reported power' },
      },
    );
    d.signal(pump, 'sig', `ST-${loop + 1}`, 'pv');
    d.signal(pump, 'sig', `JT-${loop + 2}`, 'pv');
  }
}

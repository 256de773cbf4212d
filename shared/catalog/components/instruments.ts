import type { ComponentDef, PropertyDef } from '../types';
import { roles } from '../roles';
import { choice, num, signalPort, stub, text } from './builders';
import { bubble, mountingProperty } from './bubbles';

const SIZE = 44;
const C = SIZE / 2;
const R = 17;

interface InstrumentSpec {
  kind: string;
  name: string;
  prefix: string;
  description: string;
  unit: string;
  range: [number, number];
  /** What a sensor bound to this bubble may measure. */
  roles: readonly string[];
  extra?: PropertyDef[];
  keywords: string[];
}

/** A transmitter bubble: sensing point below (`pv`), transmitted signal to the right (`out`). */
function transmitter(s: InstrumentSpec): ComponentDef {
  return {
    kind: s.kind,
    name: s.name,
    category: 'Instruments',
    description: s.description,
    tagPrefix: s.prefix,
    tagNumbering: 'loop',
    ports: [signalPort('pv', 'bottom', 0.5, 'in', 'Process connection'), signalPort('out', 'right', 0.5, 'out', 'Transmitter output')],
    roles: roles(...s.roles),
    properties: [
      mountingProperty('field'),
      num('rangeLow', 'Range low', s.range[0]),
      num('rangeHigh', 'Range high', s.range[1]),
      text('unit', 'Unit', s.unit),
      ...(s.extra ?? []),
    ],
    symbol: {
      width: SIZE,
      height: SIZE,
      elements: [stub(C, C + R - 2, C, SIZE), stub(C + R - 2, C, SIZE, C), ...bubble(C, R)],
    },
    keywords: ['instrument', 'transmitter', 'sensor', 'bubble', ...s.keywords],
  };
}

export const instrumentComponents: readonly ComponentDef[] = [
  transmitter({
    kind: 'temperature-transmitter',
    name: 'Temperature transmitter',
    prefix: 'TT',
    description: 'Temperature transmitter (CHWS, CHWR, CWS, CWR, outdoor air)',
    unit: '°C',
    range: [0, 50],
    roles: [
      'chws-temperature',
      'chwr-temperature',
      'cws-temperature',
      'cwr-temperature',
      'condenser-saturation-temperature',
      'evaporator-saturation-temperature',
      'supply-temperature',
      'return-temperature',
      'hot-inlet-temperature',
      'hot-outlet-temperature',
      'cold-inlet-temperature',
      'cold-outlet-temperature',
      'basin-temperature',
      'supply-air-temperature',
      'return-air-temperature',
      'outdoor-temperature',
      'wet-bulb',
      'temperature',
    ],
    extra: [choice('element', 'Element', ['Pt100 RTD', 'Pt1000 RTD', 'NTC thermistor', 'thermocouple type K'], 'Pt100 RTD')],
    keywords: ['temperature', 'tt', 'thermometer', 'rtd', 'chws', 'chwr', 'lchwt', 'echwt', 'cws', 'cwr', 'oat', 'wet-bulb'],
  }),
  transmitter({
    kind: 'pressure-transmitter',
    name: 'Pressure transmitter',
    prefix: 'PT',
    description: 'Gauge or absolute pressure transmitter',
    unit: 'kPa(g)',
    range: [0, 1000],
    roles: ['pressure', 'suction-pressure', 'discharge-pressure'],
    extra: [choice('reference', 'Reference', ['gauge', 'absolute'], 'gauge')],
    keywords: ['pressure', 'pt', 'gauge'],
  }),
  transmitter({
    kind: 'dp-transmitter',
    name: 'Differential-pressure transmitter',
    prefix: 'PDT',
    description: 'Differential pressure across a pump, strainer, coil or between headers',
    unit: 'kPa',
    range: [0, 250],
    roles: ['dp'],
    keywords: ['differential pressure', 'dp', 'pdt', 'delta p', 'pressure'],
  }),
  transmitter({
    kind: 'flow-transmitter',
    name: 'Flow transmitter',
    prefix: 'FT',
    description: 'Flow meter with transmitter',
    unit: 'L/s',
    range: [0, 100],
    roles: ['flow', 'condenser-flow'],
    extra: [choice('meter', 'Meter', ['electromagnetic', 'ultrasonic inline', 'ultrasonic clamp-on', 'vortex', 'orifice + DP', 'turbine'], 'electromagnetic')],
    keywords: ['flow', 'ft', 'flow meter', 'flowmeter', 'magmeter', 'gpm'],
  }),
  transmitter({
    kind: 'level-transmitter',
    name: 'Level transmitter',
    prefix: 'LT',
    description: 'Level in a tank, basin or vessel',
    unit: '%',
    range: [0, 100],
    roles: ['level'],
    extra: [choice('method', 'Method', ['hydrostatic', 'radar', 'ultrasonic', 'float', 'DP'], 'hydrostatic')],
    keywords: ['level', 'lt', 'basin'],
  }),
  transmitter({
    kind: 'power-transmitter',
    name: 'Power transmitter (kW)',
    prefix: 'JT',
    description: 'Electrical power meter or transducer (kW) on a motor or chiller feeder',
    unit: 'kW',
    range: [0, 1500],
    roles: ['power', 'fan-power', 'energy', 'cooling-load'],
    extra: [choice('measurement', 'Measurement', ['3-phase power meter', 'drive-reported power', 'CT and voltage'], '3-phase power meter')],
    keywords: ['power', 'kw', 'jt', 'energy', 'electrical', 'meter', 'demand'],
  }),
  transmitter({
    kind: 'speed-transmitter',
    name: 'Speed transmitter',
    prefix: 'ST',
    description: 'Speed or drive frequency of a pump, fan or compressor',
    unit: 'Hz',
    range: [0, 50],
    roles: ['speed', 'fan-speed'],
    keywords: ['speed', 'st', 'frequency', 'rpm', 'hz', 'spd', 'vfd'],
  }),
  transmitter({
    kind: 'position-transmitter',
    name: 'Position transmitter',
    prefix: 'ZT',
    description: 'Valve or damper position feedback',
    unit: '%',
    range: [0, 100],
    roles: ['position'],
    keywords: ['position', 'zt', 'valve position', 'feedback', 'pos', 'stroke'],
  }),
  transmitter({
    kind: 'current-transmitter',
    name: 'Current transmitter',
    prefix: 'IT',
    description: 'Motor or feeder current (amps), from a CT or reported by a drive or starter',
    unit: 'A',
    range: [0, 1000],
    roles: ['current'],
    keywords: ['current', 'amps', 'it', 'ct', 'ammeter', 'motor current', 'fla'],
  }),
  transmitter({
    kind: 'status-indicator',
    name: 'Status indicator (run / fault)',
    prefix: 'YI',
    description: 'On/off state of a machine or valve: run status, fault, open/closed limit (0/1)',
    unit: '',
    range: [0, 1],
    roles: ['status', 'alarm'],
    keywords: ['status', 'state', 'run', 'running', 'yi', 'ys', 'fault', 'alarm', 'on/off', 'sts', 'proof'],
  }),
  transmitter({
    kind: 'analyzer',
    name: 'Analyzer',
    prefix: 'AT',
    description: 'Analyzer transmitter: water quality, refrigerant leak, CO₂',
    unit: 'µS/cm',
    range: [0, 2000],
    roles: ['analysis'],
    extra: [choice('analyte', 'Measures', ['conductivity', 'pH', 'dissolved oxygen', 'turbidity', 'refrigerant leak', 'CO2'], 'conductivity')],
    keywords: ['analyzer', 'analyser', 'at', 'conductivity', 'ph', 'quality', 'refrigerant leak', 'co2'],
  }),
];

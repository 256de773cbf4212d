import { formatSeriesKey } from '../series/series-key';
import type { PlantTruth } from './plant-truth';

/**
 * The demo plant's historian points. Names mix conventions the way a real building's do (`B7_CH1_KW`
 * beside `B7.CHLR2.KW`, `LCHWT_2`, `OAWB`, spaces); each is a measurement with the field `value`.
 */

/** One historian point: how it is named, what it measures, which asset it is bound to, and how the sensor reads. */
export interface SimSeries {
  /** The historian name (the measurement). */
  name: string;
  /** Series key, `NAME#value` with specials escaped. */
  key: string;
  unit: string | null;
  /** What it measures for its asset (`chws-temperature`, `power`, …). */
  role: string;
  /** Tag of the asset in the demo project the sensor is bound to. */
  assetTag: string;
  label: string;
  /** Standard deviation of the sensor's noise, in its unit. */
  noise: number;
  /** Resolution the historian stores (values are rounded to a multiple). */
  quantum: number;
  /** Which of redundant sensors the analytics trust (default true). */
  trusted?: boolean;
  /** A fixed calibration offset, in its unit. */
  bias?: number;
  truth: (p: PlantTruth) => number;
}

/** The series key of a historian name: the name as the measurement, field `value`. */
export function historianKey(name: string): string {
  return formatSeriesKey({ measurement: name, tags: {}, field: 'value' });
}

type Def = Omit<SimSeries, 'key'>;

const TEMP = { unit: '°C', noise: 0.03, quantum: 0.01 } as const;

function chillerPoints(i: 0 | 1, n: Record<string, string>, tags: Record<string, string>): Def[] {
  const ch = (p: PlantTruth) => p.chillers[i] as PlantTruth['chillers'][number];
  const unit = `CH-${i + 1}`;
  return [
    { name: n.sts as string, unit: null, role: 'status', assetTag: unit, label: `${unit} run status`, noise: 0, quantum: 1, truth: (p) => ch(p).on },
    {
      name: n.kw as string,
      unit: 'kW',
      role: 'power',
      assetTag: tags.jt as string,
      label: `${unit} input power`,
      noise: 1.2,
      quantum: 0.1,
      truth: (p) => ch(p).kw,
    },
    { name: n.amps as string, unit: 'A', role: 'current', assetTag: unit, label: `${unit} motor current`, noise: 0.3, quantum: 0.1, truth: (p) => ch(p).amps },
    {
      name: n.lchwt as string,
      ...TEMP,
      role: 'chws-temperature',
      assetTag: tags.lchwt as string,
      label: `${unit} leaving chilled water`,
      truth: (p) => ch(p).lchwt,
    },
    {
      name: n.echwt as string,
      ...TEMP,
      role: 'chwr-temperature',
      assetTag: tags.echwt as string,
      label: `${unit} entering chilled water`,
      truth: (p) => ch(p).echwt,
    },
    {
      name: n.lcwt as string,
      ...TEMP,
      role: 'cwr-temperature',
      assetTag: tags.lcwt as string,
      label: `${unit} leaving condenser water`,
      truth: (p) => ch(p).lcwt,
    },
    {
      name: n.ecwt as string,
      ...TEMP,
      role: 'cws-temperature',
      assetTag: tags.ecwt as string,
      label: `${unit} entering condenser water`,
      truth: (p) => ch(p).ecwt,
    },
    {
      name: n.cond as string,
      ...TEMP,
      noise: 0.05,
      quantum: 0.1,
      role: 'condenser-saturation-temperature',
      assetTag: unit,
      label: `${unit} condenser saturation temperature`,
      truth: (p) => ch(p).condSat,
    },
    {
      name: n.evap as string,
      ...TEMP,
      noise: 0.05,
      quantum: 0.1,
      role: 'evaporator-saturation-temperature',
      assetTag: unit,
      label: `${unit} evaporator saturation temperature`,
      truth: (p) => ch(p).evapSat,
    },
    {
      name: n.flow as string,
      unit: 'L/s',
      role: 'flow',
      assetTag: unit,
      label: `${unit} evaporator flow (chiller panel)`,
      noise: 0.4,
      quantum: 0.1,
      truth: (p) => ch(p).evapFlow,
    },
  ];
}

function pumpPoints(
  kind: 'chwPumps' | 'cwPumps',
  i: 0 | 1,
  asset: string,
  n: { sts: string; spd: string; kw: string },
  tags: { st: string; jt: string },
): Def[] {
  const pump = (p: PlantTruth) => p[kind][i] as PlantTruth['chwPumps'][number];
  return [
    { name: n.sts, unit: null, role: 'status', assetTag: asset, label: `${asset} run status`, noise: 0, quantum: 1, truth: (p) => pump(p).on },
    { name: n.spd, unit: '%', role: 'speed', assetTag: tags.st, label: `${asset} drive speed`, noise: 0.15, quantum: 0.1, truth: (p) => pump(p).speed },
    { name: n.kw, unit: 'kW', role: 'power', assetTag: tags.jt, label: `${asset} input power`, noise: 0.15, quantum: 0.1, truth: (p) => pump(p).kw },
  ];
}

function towerPoints(i: 0 | 1, n: { spd: string; kw: string; basin: string }): Def[] {
  const t = (p: PlantTruth) => p.towers[i] as PlantTruth['towers'][number];
  const asset = `CT-${i + 1}`;
  return [
    { name: n.spd, unit: '%', role: 'fan-speed', assetTag: asset, label: `${asset} fan speed`, noise: 0.15, quantum: 0.1, truth: (p) => t(p).fanSpeed },
    { name: n.kw, unit: 'kW', role: 'fan-power', assetTag: asset, label: `${asset} fan power`, noise: 0.08, quantum: 0.1, truth: (p) => t(p).fanKw },
    { name: n.basin, ...TEMP, role: 'basin-temperature', assetTag: asset, label: `${asset} basin temperature`, truth: (p) => t(p).basinT },
  ];
}

const DEFS: Def[] = [
  {
    name: 'B7 OAT',
    unit: '°C',
    role: 'outdoor-temperature',
    assetTag: 'TT-701',
    label: 'Outdoor air temperature',
    noise: 0.08,
    quantum: 0.1,
    truth: (p) => p.oat,
  },
  { name: 'OAWB', unit: '°C', role: 'wet-bulb', assetTag: 'TT-702', label: 'Outdoor wet-bulb temperature', noise: 0.1, quantum: 0.1, truth: (p) => p.wetBulb },
  {
    name: 'B7.CHWS.SP',
    unit: '°C',
    role: 'chws-setpoint',
    assetTag: 'TIC-101',
    label: 'CHWS temperature setpoint',
    noise: 0,
    quantum: 0.1,
    truth: (p) => p.chwsSetpoint,
  },
  { name: 'B7_CHWS_T', ...TEMP, role: 'chws-temperature', assetTag: 'TT-101', label: 'CHWS header temperature', trusted: true, truth: (p) => p.chwsHeader },
  {
    name: 'B7_CHWS_T_2',
    ...TEMP,
    noise: 0.06,
    bias: 0.18,
    role: 'chws-temperature',
    assetTag: 'TT-102',
    label: 'CHWS header temperature (redundant)',
    trusted: false,
    truth: (p) => p.chwsHeader,
  },
  { name: 'B7_CHWR_T', ...TEMP, role: 'chwr-temperature', assetTag: 'TT-103', label: 'CHWR header temperature', truth: (p) => p.chwrHeader },
  {
    name: 'B7_CHW_FLOW',
    unit: 'L/s',
    role: 'flow',
    assetTag: 'FT-104',
    label: 'Primary chilled-water flow',
    noise: 0.5,
    quantum: 0.1,
    truth: (p) => p.chwFlow,
  },
  { name: 'B7_CHW_DP', unit: 'kPa', role: 'dp', assetTag: 'PDT-105', label: 'Loop differential pressure', noise: 0.4, quantum: 0.1, truth: (p) => p.dp },
  { name: 'B7_CHW_DP_SP', unit: 'kPa', role: 'dp-setpoint', assetTag: 'PDIC-105', label: 'Loop DP setpoint', noise: 0, quantum: 1, truth: (p) => p.dpSetpoint },
  { name: 'B7.BYP.CMD', unit: '%', role: 'command', assetTag: 'FIC-106', label: 'Bypass valve command', noise: 0, quantum: 0.1, truth: (p) => p.bypassCmd },
  { name: 'B7.BYP.POS', unit: '%', role: 'position', assetTag: 'ZT-106', label: 'Bypass valve position', noise: 0.1, quantum: 0.1, truth: (p) => p.bypassPos },
  ...chillerPoints(
    0,
    {
      sts: 'B7_CH1_STS',
      kw: 'B7_CH1_KW',
      amps: 'B7_CH1_AMPS',
      lchwt: 'B7_CH1_LCHWT',
      echwt: 'B7_CH1_ECHWT',
      lcwt: 'B7_CH1_LCWT',
      ecwt: 'B7_CH1_ECWT',
      cond: 'B7_CH1_COND_SAT_T',
      evap: 'B7_CH1_EVAP_SAT_T',
      flow: 'B7_CH1_CHW_FLOW',
    },
    { jt: 'JT-115', lchwt: 'TT-111', echwt: 'TT-112', lcwt: 'TT-113', ecwt: 'TT-114' },
  ),
  ...chillerPoints(
    1,
    {
      sts: 'B7.CHLR2.STAT',
      kw: 'B7.CHLR2.KW',
      amps: 'CH2-AMPS',
      lchwt: 'LCHWT_2',
      echwt: 'ECHWT_2',
      lcwt: 'B7.CHLR2.LCWT',
      ecwt: 'B7.CHLR2.ECWT',
      cond: 'B7.CHLR2.CondSatT',
      evap: 'B7.CHLR2.EvapSatT',
      flow: 'CH2 CHW FLOW',
    },
    { jt: 'JT-125', lchwt: 'TT-121', echwt: 'TT-122', lcwt: 'TT-123', ecwt: 'TT-124' },
  ),
  ...pumpPoints('chwPumps', 0, 'CHWP-1', { sts: 'B7_CHWP1_STS', spd: 'B7_CHWP1_SPD', kw: 'B7_CHWP1_KW' }, { st: 'ST-131', jt: 'JT-132' }),
  ...pumpPoints('chwPumps', 1, 'CHWP-2', { sts: 'B7.CHWP2.STS', spd: 'B7.CHWP2.SPD', kw: 'B7.CHWP2.KW' }, { st: 'ST-141', jt: 'JT-142' }),
  ...pumpPoints('cwPumps', 0, 'CWP-1', { sts: 'B7_CWP1_STS', spd: 'B7_CWP1_SPD', kw: 'B7_CWP1_KW' }, { st: 'ST-231', jt: 'JT-232' }),
  ...pumpPoints('cwPumps', 1, 'CWP-2', { sts: 'B7.CWP2.STAT', spd: 'B7.CWP2.SPD', kw: 'B7.CWP2.KW' }, { st: 'ST-241', jt: 'JT-242' }),
  ...towerPoints(0, { spd: 'B7_CT1_FAN_SPD', kw: 'B7_CT1_FAN_KW', basin: 'B7_CT1_BASIN_T' }),
  ...towerPoints(1, { spd: 'B7.CT2.FAN.SPD', kw: 'B7.CT2.FAN.KW', basin: 'CT2_BASIN_T' }),
  { name: 'B7_CWS_T', ...TEMP, role: 'cws-temperature', assetTag: 'TT-201', label: 'Condenser water supply header temperature', truth: (p) => p.cwsHeader },
  { name: 'B7_CWR_T', ...TEMP, role: 'cwr-temperature', assetTag: 'TT-202', label: 'Condenser water return header temperature', truth: (p) => p.cwrHeader },
  { name: 'B7_CW_FLOW', unit: 'L/s', role: 'flow', assetTag: 'FT-203', label: 'Condenser water flow', noise: 0.6, quantum: 0.1, truth: (p) => p.cwFlow },
  { name: 'B7_PLANT_KW', unit: 'kW', role: 'power', assetTag: 'JT-001', label: 'Chiller plant total power', noise: 0.8, quantum: 0.1, truth: (p) => p.plantKw },
];

/** Every simulated point, in column order. */
export const SIM_SERIES: readonly SimSeries[] = DEFS.map((d) => ({ ...d, key: historianKey(d.name) }));

/** Column index of a historian name; throws for a name the demo does not have. */
export function seriesIndex(name: string): number {
  const i = SIM_SERIES.findIndex((s) => s.name === name);
  if (i < 0) throw new RangeError(`The demo plant has no point named ${JSON.stringify(name)}`);
  return i;
}

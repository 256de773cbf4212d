import { componentByKind } from '../../catalog/catalog';
import { formatSeriesKey } from '../../series/series-key';
import { historianKey } from '../../sim/sim-series';
import { measuredAssetOf } from '../../twin/asset-sensors';
import type { Asset, Sensor } from '../../twin/schema';
import type { TwinState } from '../../twin/state';

/**
 * Other ways a plant's historian could name the same points, generated from the demo plant's bindings,
 * so suggestions are measured on names they were not written against. Each convention names a point by
 * the thing it is about (the chiller for JT-115's power, the header for TT-101) and what it measures.
 */
export interface NamingConvention {
  id: string;
  describe: string;
  name(subject: Asset, role: string, twin: TwinState): string;
  /** The whole series key, for conventions that use tags and fields; else `NAME#value`. */
  key?(subject: Asset, role: string, twin: TwinState): string;
}

/** The asset a point is about: the equipment a bubble is wired to, else what it is bound to. */
export function subjectOf(twin: TwinState, s: Sensor): Asset {
  const bound = twin.assets[s.assetId ?? ''] as Asset;
  const measured = twin.assets[measuredAssetOf(twin, s) ?? ''];
  const isInstrument = (a: Asset) => ['Instruments', 'Control'].includes(componentByKind(a.kind)?.category ?? '');
  return measured && measured.id !== bound.id && !isInstrument(measured) ? measured : bound;
}

const isChiller = (a: Asset) => a.kind === 'chiller';

const DOTTED: Record<string, string> = {
  power: 'KW',
  current: 'AMPS',
  status: 'STS',
  speed: 'SPD',
  flow: 'FLOW',
  dp: 'DP',
  'dp-setpoint': 'DP.SP',
  position: 'POS',
  command: 'CMD',
  'condenser-saturation-temperature': 'SCT',
  'evaporator-saturation-temperature': 'SST',
  'fan-speed': 'FAN.SPD',
  'fan-power': 'FAN.KW',
  'basin-temperature': 'BASIN.T',
  'outdoor-temperature': 'OAT',
  'wet-bulb': 'WB',
  'chws-setpoint': 'SP',
};

const WATER: Record<string, [chiller: string, loop: string]> = {
  'chws-temperature': ['LWT', 'CHWST'],
  'chwr-temperature': ['EWT', 'CHWRT'],
  'cws-temperature': ['ECWT', 'CWST'],
  'cwr-temperature': ['LCWT', 'CWRT'],
};

/** `CH-1.KW`, `CH-1.LWT`, `HDR-101.CHWST`: the asset's tag, a dot, a point abbreviation. */
export const dottedTags: NamingConvention = {
  id: 'dotted-tags',
  describe: 'tag.point (CH-1.KW, CH-1.LWT, HDR-101.CHWST)',
  name(subject, role) {
    const water = WATER[role];
    const point = water ? water[isChiller(subject) ? 0 : 1] : (DOTTED[role] ?? role.toUpperCase());
    return `${subject.tag}.${point}`;
  },
};

const LONG: Record<string, string> = {
  power: 'Power',
  current: 'Motor Current',
  status: 'Run Status',
  speed: 'Speed',
  flow: 'Flow',
  dp: 'Differential Pressure',
  'dp-setpoint': 'Differential Pressure Setpoint',
  position: 'Position',
  command: 'Command',
  'condenser-saturation-temperature': 'Condenser Saturation Temperature',
  'evaporator-saturation-temperature': 'Evaporator Saturation Temperature',
  'fan-speed': 'Fan Speed',
  'fan-power': 'Fan Power',
  'basin-temperature': 'Basin Temperature',
  'outdoor-temperature': 'Temperature',
  'wet-bulb': 'Wet Bulb Temperature',
  'chws-setpoint': 'Setpoint',
};

const LONG_WATER: Record<string, [chiller: string, loop: string]> = {
  'chws-temperature': ['Leaving Chilled Water Temperature', 'Supply Temperature'],
  'chwr-temperature': ['Entering Chilled Water Temperature', 'Return Temperature'],
  'cws-temperature': ['Entering Condenser Water Temperature', 'Supply Temperature'],
  'cwr-temperature': ['Leaving Condenser Water Temperature', 'Return Temperature'],
};

const title = (s: string) => s.replace(/\b\p{Ll}/gu, (c) => c.toUpperCase());

/** `Chiller 1 Power`, `Chilled Water Supply Header Supply Temperature`: the asset's name, then what is measured. */
export const longNames: NamingConvention = {
  id: 'long-names',
  describe: 'asset name + point (Chiller 1 Power, Condenser Water Pump 2 Speed)',
  name(subject, role) {
    const base = title(subject.name.replace(/\s*\([^)]*\)/g, '').trim());
    const water = LONG_WATER[role];
    const point = water ? water[isChiller(subject) ? 0 : 1] : (LONG[role] ?? role);
    const lastWord = point.split(' ').pop() as string;
    return base.toLowerCase().endsWith(lastWord.toLowerCase()) ? base : `${base} ${point}`;
  },
};

const BMS_EQUIPMENT: Record<string, string> = { chiller: 'CHLR', 'centrifugal-pump': 'PMP', 'cooling-tower': 'CLTWR', header: 'HDR' };
const BMS_POINT: Record<string, string> = {
  ...DOTTED,
  speed: 'VFD-HZ',
  status: 'RUN',
  'dp-setpoint': 'DP-STPT',
  'chws-setpoint': 'CHWS-STPT',
  'fan-speed': 'FAN-VFD-HZ',
  'fan-power': 'FAN-KW',
  'basin-temperature': 'SUMP-TEMP',
  'outdoor-temperature': 'OA-TEMP',
  'wet-bulb': 'OA-WETBULB',
  'condenser-saturation-temperature': 'COND-SAT-TEMP',
  'evaporator-saturation-temperature': 'EVAP-SAT-TEMP',
  'chws-temperature': 'CHWS-TEMP',
  'chwr-temperature': 'CHWR-TEMP',
  'cws-temperature': 'CDWS-TEMP',
  'cwr-temperature': 'CDWR-TEMP',
};

/**
 * `B7-CHLR01-KW`, `B7-PMP03-VFD-HZ`, `B7-OA-WETBULB`: a BMS integrator's style, numbering equipment
 * by its own two-digit count and naming pumps by their circuit only through the drawing.
 */
export const bmsPaths: NamingConvention = {
  id: 'bms-paths',
  describe: 'site-EQUIPnn-POINT (B7-CHLR01-KW, B7-CDWP02-VFD-HZ)',
  name(subject, role, twin) {
    const point = BMS_POINT[role] ?? role.toUpperCase();
    const kind = subject.kind;
    const n = /(\d+)$/.exec(subject.tag)?.[1] ?? '';
    if (kind === 'centrifugal-pump') {
      const circuit = String(subject.properties.service ?? '').includes('condenser') ? 'CDWP' : 'CHWP';
      return `B7-${circuit}${n.padStart(2, '0')}-${point}`;
    }
    if (kind === 'header') {
      const service = String(subject.properties.service ?? '');
      const circuit = `${service.includes('condenser') ? 'CDW' : 'CHW'}${service.includes('return') ? 'R' : 'S'}`;
      return `B7-${circuit}-${role.endsWith('temperature') ? 'TEMP' : point}`;
    }
    if (BMS_EQUIPMENT[kind]) return `B7-${BMS_EQUIPMENT[kind]}${n.padStart(2, '0')}-${point}`;
    if (role === 'outdoor-temperature' || role === 'wet-bulb') return `B7-${point}`;
    const name = subject.name
      .replace(/\s*\([^)]*\)/g, '')
      .toUpperCase()
      .replace(/[^A-Z0-9]+/g, '-');
    void twin;
    return `B7-${name}-${point}`;
  },
};

/**
 * `B7-TT-111.PV`: points of instruments named by the bubble's own tag, as SCADA exports them; the
 * equipment's own points (a chiller's status) in the dotted style. What a `.PV` measures comes only
 * from the drawing: the bubble's kind and its name.
 */
export const instrumentTags: NamingConvention = {
  id: 'instrument-tags',
  describe: 'area-bubble tag.PV (B7-TT-111.PV, B7-JT-115.PV), equipment points dotted',
  name(subject, role, twin) {
    const bubble = Object.values(twin.sensors)
      .filter((s) => s.role === role && s.assetId !== null)
      .map((s) => twin.assets[s.assetId as string] as Asset)
      .find((a) => a.id !== subject.id && measuredAssetOf(twin, { assetId: a.id }) === subject.id);
    const own = componentByKind(subject.kind)?.category;
    if (bubble) return `B7-${bubble.tag}.PV`;
    if (own === 'Instruments' || own === 'Control') return `B7-${subject.tag}.PV`;
    return dottedTags.name(subject, role, twin);
  },
};

const CAMEL_POINT: Record<string, string> = {
  power: 'Kw',
  current: 'Amps',
  status: 'RunSts',
  speed: 'SpdPct',
  flow: 'FlowLps',
  dp: 'Dp',
  'dp-setpoint': 'DpSetpt',
  position: 'PosFb',
  command: 'Cmd',
  'chws-temperature': 'ChwsTemp',
  'chwr-temperature': 'ChwrTemp',
  'cws-temperature': 'CwsTemp',
  'cwr-temperature': 'CwrTemp',
  'condenser-saturation-temperature': 'CondSatTemp',
  'evaporator-saturation-temperature': 'EvapSatTemp',
  'fan-speed': 'FanSpd',
  'fan-power': 'FanKw',
  'basin-temperature': 'BasinTemp',
  'outdoor-temperature': 'OaTemp',
  'wet-bulb': 'OaWetBulb',
  'chws-setpoint': 'ChwsTempSetpt',
};

/** `Chiller1ChwsTemp`, `CoolingTowerCell2FanSpd`: words run together, told apart only by their capitals. */
export const camelCase: NamingConvention = {
  id: 'camel-case',
  describe: 'AssetNamePoint run together (Chiller1Kw, CoolingTowerCell2FanSpd)',
  name(subject, role) {
    const words = subject.name
      .replace(/\s*\([^)]*\)/g, '')
      .split(/[^A-Za-z0-9]+/)
      .filter(Boolean);
    return `${words.map((w) => (w[0] as string).toUpperCase() + w.slice(1).toLowerCase()).join('')}${CAMEL_POINT[role] ?? role}`;
  },
};

const NIAGARA_POINT: Record<string, string> = {
  power: 'Demand_kW',
  current: 'MotorAmps',
  status: 'RunStatus',
  speed: 'VFD_Speed',
  flow: 'WaterFlow',
  dp: 'DiffPress',
  'dp-setpoint': 'DiffPressSetpoint',
  position: 'ValvePosition',
  command: 'ValveCommand',
  'chws-temperature': 'EvapLvgWaterTemp',
  'chwr-temperature': 'EvapEntWaterTemp',
  'cws-temperature': 'CondEntWaterTemp',
  'cwr-temperature': 'CondLvgWaterTemp',
  'condenser-saturation-temperature': 'CondSatRefrigTemp',
  'evaporator-saturation-temperature': 'EvapSatRefrigTemp',
  'fan-speed': 'FanSpeed',
  'fan-power': 'Fan_kW',
  'basin-temperature': 'SumpTemp',
  'outdoor-temperature': 'OutsideAirTemp',
  'wet-bulb': 'OutsideWetBulb',
  'chws-setpoint': 'ChwSupplyTempSetpoint',
};

/** `B7/CUP/Chiller_01/EvapLvgWaterTemp`: a station path, equipment by name and count, points in camel case. */
export const niagaraPaths: NamingConvention = {
  id: 'niagara-paths',
  describe: 'station/path/Equipment_nn/PointName (B7/CUP/Chiller_01/EvapLvgWaterTemp)',
  name(subject, role) {
    const n = /(\d+)$/.exec(subject.tag)?.[1] ?? '';
    const service = String(subject.properties.service ?? '');
    let equipment: string;
    if (subject.kind === 'chiller') equipment = `Chiller_${n.padStart(2, '0')}`;
    else if (subject.kind === 'centrifugal-pump') equipment = `${service.includes('condenser') ? 'CW' : 'CHW'}Pump_${n.padStart(2, '0')}`;
    else if (subject.kind === 'cooling-tower') equipment = `Tower_${n}`;
    else if (subject.kind === 'header') equipment = `${service.includes('condenser') ? 'CW' : 'CHW'}_${service.includes('return') ? 'Return' : 'Supply'}_Hdr`;
    else equipment = subject.name.replace(/\s*\([^)]*\)/g, '').replace(/[^A-Za-z0-9]+/g, '_');
    return `B7/CUP/${equipment}/${NIAGARA_POINT[role] ?? role}`;
  },
};

const FIELD: Record<string, string> = {
  power: 'kw',
  current: 'amps',
  status: 'status',
  speed: 'speed_pct',
  'chws-temperature': 'chws_temp',
  'chwr-temperature': 'chwr_temp',
  'cws-temperature': 'cws_temp',
  'cwr-temperature': 'cwr_temp',
  'condenser-saturation-temperature': 'cond_sat_temp',
  'evaporator-saturation-temperature': 'evap_sat_temp',
  'fan-speed': 'fan_speed',
  'fan-power': 'fan_kw',
  'basin-temperature': 'basin_temp',
  'outdoor-temperature': 'oat',
  'wet-bulb': 'wetbulb',
  'chws-setpoint': 'chws_sp',
  'dp-setpoint': 'dp_sp',
};
const MEASUREMENT: Record<string, string> = { chiller: 'chiller', 'centrifugal-pump': 'pump', 'cooling-tower': 'tower', header: 'header' };

/** `chiller,site=B7,unit=CH1#kw`: InfluxDB line-protocol style, the equipment in the measurement and tags, the point in the field. */
export const influxTags: NamingConvention = {
  id: 'influx-tags',
  describe: 'measurement,tags#field (chiller,site=B7,unit=CH1#kw)',
  name: (subject, role) => `${MEASUREMENT[subject.kind] ?? 'plant'} ${subject.tag} ${FIELD[role] ?? role}`,
  key(subject, role) {
    const measurement = MEASUREMENT[subject.kind] ?? 'plant';
    const tags: Record<string, string> = { site: 'B7', [MEASUREMENT[subject.kind] ? 'unit' : 'point']: subject.tag.replace('-', '') };
    return formatSeriesKey({ measurement, tags, field: FIELD[role] ?? role.replace(/-/g, '_') });
  },
};

/** Name every bound sensor of a plant by a convention; a second sensor of the same name gets `-2`. */
export function renamePoints(twin: TwinState, convention: NamingConvention): Map<string, Sensor> {
  const out = new Map<string, Sensor>();
  const used = new Map<string, number>();
  for (const s of Object.values(twin.sensors)) {
    if (s.assetId === null) continue;
    const subject = subjectOf(twin, s);
    let name = convention.key ? convention.key(subject, s.role, twin) : convention.name(subject, s.role, twin);
    const n = (used.get(name) ?? 0) + 1;
    used.set(name, n);
    if (n > 1) name = convention.key ? name.replace(/#/, `${n}#`) : `${name}-${n}`;
    out.set(convention.key ? name : historianKey(name), s);
  }
  return out;
}

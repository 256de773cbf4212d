import { dimensionOfUnit, type Dimension } from './units';

/**
 * What a sensor measures for its asset. Role ids are stored in project files and named in binding
 * tables: add new ones freely, never rename (the demo plant and users' files use them).
 */
export interface RoleDef {
  id: string;
  label: string;
  /** The physical dimension of the value, so a °C sensor bound as power is flagged. */
  dimension: Dimension;
  /** Further dimensions a unit may have (a speed in Hz or in % of rated). */
  accepts?: readonly Dimension[];
  /** ISA-5.1 first letter(s) of the variable: a bubble measuring it is `${letters}T`, `${letters}IC`… */
  isa: string;
  /** The catalog kind of the instrument bubble that measures it (a drop on empty canvas places one). */
  instrumentKind: string;
  /** Where a value usually lies in its most common unit, for suggestions from value ranges. */
  typical?: { unit: string; min: number; max: number };
}

const T = (min: number, max: number) => ({ unit: '°C', min, max });

function def(id: string, label: string, dimension: Dimension, isa: string, instrumentKind: string, extra: Pick<RoleDef, 'accepts' | 'typical'> = {}): RoleDef {
  return { id, label, dimension, isa, instrumentKind, ...extra };
}

const SPEED = ['frequency', 'percent'] as const;

/** Every role this build knows, by id. */
export const ROLES: readonly RoleDef[] = [
  // Equipment state and electrical
  def('status', 'Run status (0/1)', 'status', 'Y', 'status-indicator', { typical: { unit: '', min: 0, max: 1 } }),
  def('alarm', 'Alarm or fault (0/1)', 'status', 'Y', 'status-indicator', { typical: { unit: '', min: 0, max: 1 } }),
  def('power', 'Electrical power', 'power', 'J', 'power-transmitter'),
  def('energy', 'Electrical energy', 'energy', 'JQ', 'power-transmitter'),
  def('current', 'Motor current', 'current', 'I', 'current-transmitter'),
  def('speed', 'Speed', 'speed', 'S', 'speed-transmitter', { accepts: SPEED, typical: { unit: '%', min: 0, max: 100 } }),
  def('fan-speed', 'Fan speed', 'speed', 'S', 'speed-transmitter', { accepts: SPEED, typical: { unit: '%', min: 0, max: 100 } }),
  def('fan-power', 'Fan power', 'power', 'J', 'power-transmitter'),
  def('command', 'Command (output to the actuator)', 'percent', 'H', 'controller', { accepts: ['status'], typical: { unit: '%', min: 0, max: 100 } }),
  def('position', 'Position feedback', 'percent', 'Z', 'position-transmitter', { typical: { unit: '%', min: 0, max: 100 } }),
  def('cooling-load', 'Cooling load', 'power', 'J', 'power-transmitter'),
  // Water temperatures of a chilled-water plant (chiller evaporator leaving = CHWS, condenser entering = CWS)
  def('chws-temperature', 'Chilled water supply temperature (CHWS, evaporator leaving, LCHWT)', 'temperature', 'T', 'temperature-transmitter', {
    typical: T(2, 16),
  }),
  def('chwr-temperature', 'Chilled water return temperature (CHWR, evaporator entering, ECHWT)', 'temperature', 'T', 'temperature-transmitter', {
    typical: T(6, 22),
  }),
  def('cws-temperature', 'Condenser water supply temperature (CWS, condenser entering, ECWT)', 'temperature', 'T', 'temperature-transmitter', {
    typical: T(12, 38),
  }),
  def('cwr-temperature', 'Condenser water return temperature (CWR, condenser leaving, LCWT)', 'temperature', 'T', 'temperature-transmitter', {
    typical: T(15, 45),
  }),
  def('condenser-saturation-temperature', 'Condenser saturation temperature', 'temperature', 'T', 'temperature-transmitter', { typical: T(15, 55) }),
  def('evaporator-saturation-temperature', 'Evaporator saturation temperature', 'temperature', 'T', 'temperature-transmitter', { typical: T(-5, 15) }),
  def('supply-temperature', 'Supply temperature', 'temperature', 'T', 'temperature-transmitter', { typical: T(-10, 120) }),
  def('return-temperature', 'Return temperature', 'temperature', 'T', 'temperature-transmitter', { typical: T(-10, 120) }),
  def('hot-inlet-temperature', 'Hot side inlet temperature', 'temperature', 'T', 'temperature-transmitter', { typical: T(-10, 150) }),
  def('hot-outlet-temperature', 'Hot side outlet temperature', 'temperature', 'T', 'temperature-transmitter', { typical: T(-10, 150) }),
  def('cold-inlet-temperature', 'Cold side inlet temperature', 'temperature', 'T', 'temperature-transmitter', { typical: T(-10, 150) }),
  def('cold-outlet-temperature', 'Cold side outlet temperature', 'temperature', 'T', 'temperature-transmitter', { typical: T(-10, 150) }),
  def('basin-temperature', 'Basin (cold water) temperature', 'temperature', 'T', 'temperature-transmitter', { typical: T(5, 40) }),
  def('supply-air-temperature', 'Supply air temperature', 'temperature', 'T', 'temperature-transmitter', { typical: T(5, 40) }),
  def('return-air-temperature', 'Return air temperature', 'temperature', 'T', 'temperature-transmitter', { typical: T(10, 35) }),
  def('outdoor-temperature', 'Outdoor air temperature (OAT)', 'temperature', 'T', 'temperature-transmitter', { typical: T(-40, 50) }),
  def('wet-bulb', 'Outdoor wet-bulb temperature', 'temperature', 'T', 'temperature-transmitter', { typical: T(-40, 35) }),
  def('temperature', 'Temperature', 'temperature', 'T', 'temperature-transmitter', { typical: T(-40, 150) }),
  // Setpoints: held by the controller of the loop
  def('chws-setpoint', 'Chilled water supply temperature setpoint', 'temperature', 'T', 'controller', { typical: T(2, 16) }),
  def('cws-setpoint', 'Condenser water supply temperature setpoint', 'temperature', 'T', 'controller', { typical: T(12, 38) }),
  def('dp-setpoint', 'Differential pressure setpoint', 'pressure', 'PD', 'controller', { typical: { unit: 'kPa', min: 0, max: 500 } }),
  def('setpoint', 'Setpoint', 'any', 'X', 'controller'),
  // Flow and pressure
  def('flow', 'Water flow', 'flow', 'F', 'flow-transmitter'),
  def('condenser-flow', 'Condenser water flow', 'flow', 'F', 'flow-transmitter'),
  def('dp', 'Differential pressure', 'pressure', 'PD', 'dp-transmitter', { typical: { unit: 'kPa', min: 0, max: 500 } }),
  def('pressure', 'Pressure', 'pressure', 'P', 'pressure-transmitter'),
  def('suction-pressure', 'Suction pressure', 'pressure', 'P', 'pressure-transmitter'),
  def('discharge-pressure', 'Discharge pressure', 'pressure', 'P', 'pressure-transmitter'),
  // Vessels and analysis
  def('level', 'Level', 'percent', 'L', 'level-transmitter', { accepts: ['length'] }),
  def('analysis', 'Analyzer reading', 'any', 'A', 'analyzer'),
];

const byId = new Map(ROLES.map((r) => [r.id, r]));

/** The role with an id, or undefined for one this build does not know. */
export function roleById(id: string): RoleDef | undefined {
  return byId.get(id);
}

/** The roles with these ids, in this order; throws for an unknown id (a catalog typo fails at load). */
export function roles(...ids: string[]): RoleDef[] {
  return ids.map((id) => {
    const r = byId.get(id);
    if (!r) throw new Error(`The catalog names an unknown role "${id}".`);
    return r;
  });
}

/** Whether a unit fits a role: an unknown or absent unit is not held against it. */
export function unitFitsRole(role: RoleDef, unit: string | null | undefined): boolean {
  if (role.dimension === 'any') return true;
  const d = dimensionOfUnit(unit);
  return d === null || d === role.dimension || (role.accepts?.includes(d) ?? false);
}

/** The dimensions a role's unit may have, for messages. */
export function dimensionsOfRole(role: RoleDef): Dimension[] {
  return [role.dimension, ...(role.accepts ?? [])];
}

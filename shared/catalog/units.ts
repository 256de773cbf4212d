/**
 * Physical dimensions a sensor's unit can have, and the unit → dimension table the validator and the
 * suggestion engine share. `status` is the dimensionless 0/1 of a run status or an alarm.
 */
export type Dimension =
  | 'temperature'
  | 'power'
  | 'energy'
  | 'flow'
  | 'pressure'
  | 'status'
  | 'percent'
  | 'current'
  | 'voltage'
  | 'speed'
  | 'frequency'
  | 'length'
  | 'conductivity'
  | 'concentration'
  | 'ratio'
  /** Roles that take any unit (a generic setpoint, an analyzer reading). */
  | 'any';

const TABLE: Record<string, Dimension> = {};
function units(dimension: Dimension, names: readonly string[]): void {
  for (const n of names) TABLE[n] = dimension;
}

units('temperature', ['°C', 'degC', 'deg C', 'C', 'celsius', '℃', '°F', 'degF', 'deg F', 'F', 'fahrenheit', '℉', 'K', 'kelvin']);
units('power', ['W', 'kW', 'MW', 'hp', 'HP', 'BTU/h', 'Btu/h', 'BTUH', 'MBH', 'ton', 'tons', 'TR', 'kVA', 'kvar']);
units('energy', ['Wh', 'kWh', 'MWh', 'GJ', 'MJ', 'kJ', 'J', 'BTU', 'Btu', 'ton-h', 'therm']);
units('flow', [
  'L/s',
  'l/s',
  'L/min',
  'l/min',
  'L/h',
  'l/h',
  'm³/h',
  'm3/h',
  'm³/s',
  'm3/s',
  'gpm',
  'GPM',
  'USgpm',
  'cfm',
  'CFM',
  'kg/s',
  'kg/h',
  't/h',
  'lb/h',
]);
units('pressure', [
  'Pa',
  'kPa',
  'kPa(g)',
  'kPa(a)',
  'kPag',
  'MPa',
  'bar',
  'bar(g)',
  'barg',
  'mbar',
  'psi',
  'psig',
  'psia',
  'PSI',
  'inH2O',
  'inWC',
  'in.w.c.',
  'mH2O',
  'mmH2O',
  'ftH2O',
  'ft',
]);
units('status', ['0/1', 'bool', 'boolean', 'on/off', 'On/Off', 'state', 'status', 'binary', 'digital']);
units('percent', ['%', 'pct', 'percent', '% open', '%open']);
units('current', ['A', 'mA', 'amps', 'Amps', 'AMPS', 'amp']);
units('voltage', ['V', 'kV', 'mV', 'volts']);
units('speed', ['rpm', 'RPM', 'r/min', '1/min', 'rev/min']);
units('frequency', ['Hz', 'hz', 'kHz']);
units('length', ['m', 'mm', 'cm', 'in', 'inch']);
units('conductivity', ['µS/cm', 'uS/cm', 'mS/cm', 'S/m']);
units('concentration', ['ppm', 'ppb', 'mg/L', 'mg/l']);
units('ratio', ['pH', 'COP', 'kW/ton', 'kW/TR', '-', 'ratio']);

const FOLDED = new Map(Object.entries(TABLE).map(([unit, d]) => [unit.toLowerCase(), d]));

/**
 * The dimension of a unit as historians write it, or null when the unit is absent or unknown. Exact
 * spelling first (K is kelvin, k is not a unit), then ignoring case (`KW`, `kw`).
 */
export function dimensionOfUnit(unit: string | null | undefined): Dimension | null {
  if (unit === null || unit === undefined) return null;
  const u = unit.trim();
  if (u === '') return null;
  return TABLE[u] ?? FOLDED.get(u.toLowerCase()) ?? null;
}

/** The units listed for a dimension, most common first (for pickers and messages). */
export function unitsOfDimension(dimension: Dimension): string[] {
  return Object.entries(TABLE)
    .filter(([, d]) => d === dimension)
    .map(([u]) => u);
}

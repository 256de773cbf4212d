/** Short names of the canonical roles, printed before a value when one asset shows several. */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  power: 'kW',
  current: 'Amps',
  status: 'Status',
  speed: 'Speed',
  flow: 'Flow',
  dp: 'DP',
  'dp-setpoint': 'DP SP',
  position: 'Pos',
  command: 'Cmd',
  'chws-temperature': 'CHWS',
  'chwr-temperature': 'CHWR',
  'cws-temperature': 'CWS',
  'cwr-temperature': 'CWR',
  'chws-setpoint': 'CHWS SP',
  'condenser-saturation-temperature': 'Cond sat',
  'evaporator-saturation-temperature': 'Evap sat',
  'fan-speed': 'Fan',
  'fan-power': 'Fan kW',
  'basin-temperature': 'Basin',
  'outdoor-temperature': 'OAT',
  'wet-bulb': 'Wet-bulb',
};

/** The short name of a role (its id when it has none). */
export function roleAbbreviation(role: string): string {
  return ABBREVIATIONS[role] ?? role;
}

/**
 * The role ids sensors carry for their asset (COMMON.md). Models find inputs by these; a role that is
 * not in this list still works when a sensor carries it, the list only makes messages more helpful.
 */
export const KNOWN_ROLES: readonly string[] = [
  'power',
  'current',
  'status',
  'speed',
  'flow',
  'dp',
  'dp-setpoint',
  'position',
  'command',
  'chws-temperature',
  'chwr-temperature',
  'cws-temperature',
  'cwr-temperature',
  'chws-setpoint',
  'condenser-saturation-temperature',
  'evaporator-saturation-temperature',
  'fan-speed',
  'fan-power',
  'basin-temperature',
  'outdoor-temperature',
  'wet-bulb',
];

/**
 * The role ids a name in an expression may stand for, most literal first: `chws` is chws-temperature,
 * `dp_setpoint` is dp-setpoint. Role ids hold hyphens, which an expression reads as minus.
 */
export function roleCandidates(name: string): string[] {
  const dashed = name.replace(/_/g, '-');
  return [...new Set([name, dashed, `${name}-temperature`, `${dashed}-temperature`])];
}

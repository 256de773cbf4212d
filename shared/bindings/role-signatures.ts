/** How a name says a role: the measure it names, the qualifiers it needs, prefers, or cannot have. */
export interface RoleSignature {
  /** The measure concept of the role (`temperature`, `power`…); null for roles never suggested from names. */
  measure: string | null;
  /** Other measures a name of this role may also carry (a setpoint names its temperature). */
  alsoNamed?: readonly string[];
  /** Each group: at least one of its concepts must be said (by the name, or by the asset for what the name leaves open). */
  need?: readonly (readonly string[])[];
  /** Concepts that make the role likelier. */
  prefer?: readonly string[];
  /** Concepts a name of this role does not carry. */
  forbid?: readonly string[];
  /** The least specific role of its measure: any more specific one that fits wins. */
  generic?: boolean;
}

const WATER_T = ['saturation', 'setpoint', 'outdoor', 'basin', 'air', 'wetbulb', 'hw'];

export const SIGNATURES: Readonly<Record<string, RoleSignature>> = {
  status: { measure: 'status', forbid: ['setpoint'] },
  alarm: { measure: 'alarm' },
  power: { measure: 'power', forbid: ['setpoint', 'fan'] },
  'fan-power': { measure: 'power', need: [['fan']], forbid: ['setpoint'] },
  energy: { measure: 'energy' },
  current: { measure: 'current' },
  speed: { measure: 'speed', forbid: ['setpoint', 'fan'] },
  'fan-speed': { measure: 'speed', need: [['fan']], forbid: ['setpoint'] },
  command: { measure: 'command', alsoNamed: ['speed', 'position'] },
  position: { measure: 'position', forbid: ['setpoint', 'command'] },
  'cooling-load': { measure: 'load' },
  'chws-temperature': {
    measure: 'temperature',
    need: [['supply', 'leaving']],
    prefer: ['chw', 'evap'],
    forbid: [...WATER_T, 'return', 'entering', 'cw', 'cond'],
  },
  'chwr-temperature': {
    measure: 'temperature',
    need: [['return', 'entering']],
    prefer: ['chw', 'evap'],
    forbid: [...WATER_T, 'supply', 'leaving', 'cw', 'cond'],
  },
  'cws-temperature': {
    measure: 'temperature',
    need: [
      ['cw', 'cond'],
      ['supply', 'entering'],
    ],
    forbid: [...WATER_T, 'return', 'leaving', 'chw', 'evap'],
  },
  'cwr-temperature': {
    measure: 'temperature',
    need: [
      ['cw', 'cond'],
      ['return', 'leaving'],
    ],
    forbid: [...WATER_T, 'supply', 'entering', 'chw', 'evap'],
  },
  'condenser-saturation-temperature': { measure: 'temperature', need: [['cond', 'cw'], ['saturation']], forbid: ['evap', 'setpoint'] },
  'evaporator-saturation-temperature': { measure: 'temperature', need: [['evap', 'chw'], ['saturation']], forbid: ['cond', 'setpoint'] },
  'supply-temperature': { measure: 'temperature', need: [['supply', 'leaving']], forbid: ['return', 'entering', 'setpoint', 'chw', 'cw', 'air', 'saturation'] },
  'return-temperature': { measure: 'temperature', need: [['return', 'entering']], forbid: ['supply', 'leaving', 'setpoint', 'chw', 'cw', 'air', 'saturation'] },
  'hot-inlet-temperature': { measure: 'temperature', need: [['hw', 'primary'], ['entering']], forbid: ['setpoint'] },
  'hot-outlet-temperature': { measure: 'temperature', need: [['hw', 'primary'], ['leaving']], forbid: ['setpoint'] },
  'cold-inlet-temperature': { measure: 'temperature', need: [['secondary'], ['entering']], forbid: ['setpoint'] },
  'cold-outlet-temperature': { measure: 'temperature', need: [['secondary'], ['leaving']], forbid: ['setpoint'] },
  'basin-temperature': { measure: 'temperature', need: [['basin']], forbid: ['setpoint'] },
  'supply-air-temperature': { measure: 'temperature', need: [['air'], ['supply', 'leaving']], forbid: ['setpoint', 'outdoor', 'return'] },
  'return-air-temperature': { measure: 'temperature', need: [['air'], ['return', 'entering']], forbid: ['setpoint', 'outdoor', 'supply'] },
  'outdoor-temperature': { measure: 'temperature', need: [['outdoor']], forbid: ['setpoint', 'wetbulb', 'supply', 'return'] },
  'wet-bulb': { measure: 'wetbulb', alsoNamed: ['temperature'], forbid: ['setpoint'] },
  temperature: { measure: 'temperature', forbid: ['setpoint'], generic: true },
  'chws-setpoint': { measure: 'setpoint', alsoNamed: ['temperature'], need: [['chw', 'evap']], forbid: ['cw', 'cond', 'dp', 'return', 'entering'] },
  'cws-setpoint': { measure: 'setpoint', alsoNamed: ['temperature'], need: [['cw', 'cond']], forbid: ['chw', 'evap', 'dp', 'return'] },
  'dp-setpoint': { measure: 'setpoint', alsoNamed: ['dp', 'pressure'], need: [['dp']] },
  setpoint: { measure: 'setpoint', alsoNamed: ['temperature', 'dp', 'pressure', 'flow', 'speed'], generic: true },
  flow: { measure: 'flow', forbid: ['setpoint'] },
  'condenser-flow': { measure: 'flow', need: [['cw', 'cond']], forbid: ['setpoint', 'chw', 'evap'] },
  dp: { measure: 'dp', forbid: ['setpoint'] },
  pressure: { measure: 'pressure', forbid: ['setpoint', 'suction', 'discharge'] },
  'suction-pressure': { measure: 'pressure', need: [['suction']], forbid: ['setpoint'] },
  'discharge-pressure': { measure: 'pressure', need: [['discharge']], forbid: ['setpoint'] },
  level: { measure: 'level', forbid: ['setpoint'] },
  analysis: { measure: null },
};

/** Qualifiers that only some roles use: a name saying one points away from roles that do not. */
const ROLE_QUALIFIERS = ['basin', 'outdoor', 'wetbulb', 'saturation', 'fan', 'suction', 'discharge', 'air'];

function mentions(sig: RoleSignature, c: string): boolean {
  return sig.measure === c || !!sig.alsoNamed?.includes(c) || !!sig.prefer?.includes(c) || !!sig.need?.some((g) => g.includes(c));
}

/**
 * How well a name says a role: null when it cannot (another measure, a forbidden qualifier, a missing
 * need), else a score. `said` are the name's concepts and `measure` the measure it is of (its last);
 * `context` is what the asset adds for what the name leaves open (a header's side; everything a TT's
 * own name says when the series is only its tag).
 */
export function roleFit(roleId: string, said: ReadonlySet<string>, measure: string | null, context: ReadonlySet<string>): number | null {
  const sig = SIGNATURES[roleId];
  if (!sig || sig.measure === null) return null;
  let score = 0;
  if (measure !== null) {
    const direct = measure === sig.measure;
    const viaAlias = !!sig.alsoNamed?.includes(measure) && said.has(sig.measure);
    if (!direct && !viaAlias) return null;
    score += 5;
  } else if (context.has(sig.measure)) score += 2;
  else return null;
  for (const c of sig.forbid ?? []) if (said.has(c)) return null;
  for (const group of sig.need ?? []) {
    if (group.some((c) => said.has(c))) score += 1.5;
    else if (group.some((c) => context.has(c)) && !(sig.forbid ?? []).some((f) => context.has(f) && !said.has(f))) score += 0.75;
    else return null;
  }
  for (const c of sig.prefer ?? []) score += said.has(c) ? 1.5 : context.has(c) ? 0.5 : 0;
  for (const c of ROLE_QUALIFIERS) if (said.has(c) && !mentions(sig, c)) score -= 2;
  if (sig.generic) score -= 1;
  return score;
}

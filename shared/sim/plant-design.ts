/**
 * Design figures of the demo plant (B7): two 500-ton centrifugal chillers with dedicated primary pumps
 * (variable primary flow with a minimum-flow bypass), dedicated condenser pumps and one tower cell each.
 */

/** Specific heat of water times density, kJ/(L·K): Q [kW] = flow [L/s] × 4.186 × ΔT [K]. */
export const WATER_CP = 4.186;
export const KW_PER_TON = 3.517;

export const CHILLER = {
  /** Nominal capacity, kW (500 tons). */
  capacityKw: 1758,
  /** Evaporator design and minimum flows, L/s. */
  designFlow: 76,
  minFlow: 38,
  /** Seconds-free soft loading: the capacity limit climbs from 20 % to 100 % over this many minutes after a start. */
  softLoadMinutes: 15,
  minRunMinutes: 45,
  minOffMinutes: 20,
  /** Refrigerant approaches at full load, K (condensing above LCWT, evaporating below LCHWT). */
  condenserApproach: 1.6,
  evaporatorApproach: 1.5,
  /** Supply voltage and power factor, for motor current. */
  volts: 4160,
  powerFactor: 0.9,
} as const;

/** Power (kW) of a clean chiller from its load Q (kW) and lift (LCWT − LCHWT, K): a + b·Q + c·Q² + d·lift + e·Q·lift. */
export const CHILLER_CURVE = { a: 20, b: 0.02, c: 2e-5, d: 1.5, e: 0.0032 } as const;

/** CH-2 is the older unit and draws a few percent more for the same duty. */
export const CHILLER_EFFICIENCY_FACTOR = [1.0, 1.05] as const;

/** Chiller input power from the curve (no fouling). */
export function chillerCurveKw(loadKw: number, liftK: number, factor = 1): number {
  const { a, b, c, d, e } = CHILLER_CURVE;
  return factor * (a + b * loadKw + c * loadKw * loadKw + d * liftK + e * loadKw * liftK);
}

export const CHW_PUMP = {
  /** Shut-off head at full speed, kPa, and the curve's droop: H = h0·s² − k·F². */
  shutoffHead: 320,
  curveK: 70 / (76 * 76),
  /** Input power at full speed on the design point, kW; power ∝ speed³. */
  ratedKw: 25,
  /** Drive losses while running, kW. */
  idleKw: 0.3,
  minSpeed: 0.6,
} as const;

/** Hydraulic resistances: head loss (kPa) = K × flow² (L/s). */
export const CHW_LOOP = {
  evaporatorK: 60 / (76 * 76),
  distributionK: 120 / (152 * 152),
  /** Remote DP setpoints, kPa: occupied and unoccupied. */
  dpSetpointOccupied: 70,
  dpSetpointUnoccupied: 55,
  /** Bypass valve: flow at full open = kv × √DP (L/s, kPa), linear trim. */
  bypassKv: 40 / Math.sqrt(70),
} as const;

export const CW_PUMP = {
  /** Flow at full speed, L/s; the balancing contractor left the drives at a fixed speed. */
  fullSpeedFlow: 95,
  speed: 0.9,
  ratedKw: 30,
  idleKw: 0.3,
} as const;

export const TOWER = {
  /** Approach (CWS − wet-bulb) at full fan speed and design heat rejection, K. */
  designApproach: 4.0,
  designRejectionKw: 2050,
  fanRatedKw: 18.5,
  fanMinSpeed: 0.25,
  /** Condenser-water supply setpoint: wet-bulb plus this, held between the limits. */
  setpointOverWetBulb: 3.8,
  minSupply: 21,
  maxSupply: 29.5,
} as const;

/** Plant auxiliaries (controls, lights, ventilation) on the plant meter, kW. */
export const PLANT_AUX_KW = 8;
/** Mechanical room temperature idle equipment drifts toward, °C. */
export const PLANT_ROOM_C = 24;

/**
 * The drawn state of equipment from its sensors' roles, in one place: running or stopped from a status
 * sensor, or else from a power or speed threshold; a valve's position from a `position` sensor. Role ids are
 * the canonical ones (shared by the demo, bindings and analysis); kinds are grouped by catalog category.
 */
import { componentByKind } from '../catalog/catalog';
import type { Asset, Sensor } from './schema';

/** Roles that decide whether equipment runs, most direct first. */
export const RUNNING_ROLES = { status: ['status'], power: ['power', 'fan-power'], speed: ['speed', 'fan-speed'] } as const;
/** The role that gives a valve's or damper's position, in % open. */
export const POSITION_ROLE = 'position';

export type RunningBy = keyof typeof RUNNING_ROLES;

/** Equipment that runs or stops: pumps, compressors and fans, chillers, towers, boilers, air handlers, drives. */
export function drawsRunning(kind: string): boolean {
  const def = componentByKind(kind);
  return def?.category === 'Pumps and compressors' || ['chiller', 'cooling-tower', 'boiler', 'ahu', 'vfd'].includes(kind);
}

/** Equipment drawn open, closed or part open. */
export function drawsPosition(kind: string): boolean {
  return componentByKind(kind)?.category === 'Valves' || kind === 'damper';
}

/** One way to tell whether equipment runs: a sensor and the value above which it means running. */
export interface RunningRule {
  sensorId: string;
  by: RunningBy;
  /** Running when the value is at least this. */
  threshold: number;
}

/** How an asset's state is read from its sensors: running rules in order of precedence, and the position sensor. */
export interface StatePlan {
  running: RunningRule[];
  positionSensorId: string | null;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : null);

/** Rated electrical power of an asset in kW, from its catalog properties, when known. */
function ratedKw(asset: Asset): number | null {
  const p = asset.properties;
  const direct = num(p.motorKw) ?? num(p.fanKw);
  if (direct !== null) return direct;
  const capacity = num(p.capacity);
  const cop = num(p.designCop);
  return capacity !== null && cop !== null ? capacity / cop : null;
}

/** Above this share of rated power (or 0.5 kW when the rating is unknown) equipment counts as running. */
export const RUNNING_POWER_SHARE = 0.05;
/** Above this share of full speed (5 %, 2.5 Hz, 5 % of rated rpm) equipment counts as running. */
export const RUNNING_SPEED_SHARE = 0.05;

function powerThreshold(asset: Asset, unit: string | null): number {
  const kw = (ratedKw(asset) ?? 10) * RUNNING_POWER_SHARE;
  if (unit === 'W') return kw * 1000;
  if (unit === 'MW') return kw / 1000;
  return kw;
}

function speedThreshold(asset: Asset, unit: string | null): number {
  if (unit === 'rpm') return (num(asset.properties.ratedSpeed) ?? 1000) * RUNNING_SPEED_SHARE;
  if (unit === 'Hz') return 50 * RUNNING_SPEED_SHARE;
  return 100 * RUNNING_SPEED_SHARE;
}

/** Trusted sensors first, then file order. */
function byTrust(a: Sensor, b: Sensor): number {
  return Number(b.trusted) - Number(a.trusted);
}

/** How to read an asset's state from the sensors that tell about it (`sensorsOfAsset`). */
export function statePlan(asset: Asset, sensors: readonly Sensor[]): StatePlan {
  const running: RunningRule[] = [];
  if (drawsRunning(asset.kind)) {
    for (const by of Object.keys(RUNNING_ROLES) as RunningBy[]) {
      const roles: readonly string[] = RUNNING_ROLES[by];
      for (const s of sensors.filter((x) => roles.includes(x.role)).sort(byTrust)) {
        const threshold = by === 'status' ? 0.5 : by === 'power' ? powerThreshold(asset, s.unit) : speedThreshold(asset, s.unit);
        running.push({ sensorId: s.id, by, threshold });
      }
    }
  }
  const position = drawsPosition(asset.kind) ? [...sensors].filter((s) => s.role === POSITION_ROLE).sort(byTrust)[0] : undefined;
  return { running, positionSensorId: position?.id ?? null };
}

export interface EquipmentState {
  /** Running (true), stopped (false), or unknown (null: no rule, or no value for any). */
  running: boolean | null;
  /** The sensor that decided it. */
  runningFrom: string | null;
  runningBy: RunningBy | null;
  /** Percent open, 0–100, or null when unknown. */
  position: number | null;
  positionFrom: string | null;
}

export const UNKNOWN_STATE: EquipmentState = { running: null, runningFrom: null, runningBy: null, position: null, positionFrom: null };

/** The state at the cursor, given each sensor's drawn value (null when missing); the first rule with a value decides. */
export function equipmentState(plan: StatePlan, valueOf: (sensorId: string) => number | null): EquipmentState {
  let running: boolean | null = null;
  let runningFrom: string | null = null;
  let runningBy: RunningBy | null = null;
  for (const rule of plan.running) {
    const v = valueOf(rule.sensorId);
    if (v === null) continue;
    running = v >= rule.threshold;
    runningFrom = rule.sensorId;
    runningBy = rule.by;
    break;
  }
  const p = plan.positionSensorId === null ? null : valueOf(plan.positionSensorId);
  return {
    running,
    runningFrom,
    runningBy,
    position: p === null ? null : Math.min(100, Math.max(0, p)),
    positionFrom: p === null ? null : plan.positionSensorId,
  };
}

/** Whether two states draw the same. */
export function sameState(a: EquipmentState | undefined, b: EquipmentState): boolean {
  return !!a && a.running === b.running && a.position === b.position && a.runningFrom === b.runningFrom && a.positionFrom === b.positionFrom;
}

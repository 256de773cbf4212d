import { roleById, unitFitsRole, type RoleDef } from '../catalog/roles';
import { dimensionOfUnit } from '../catalog/units';
import type { AssetProfile } from './asset-profile';
import type { SeriesProfile } from './series-profile';

const SCALAR = new Set(['temperature', 'power', 'flow', 'pressure', 'current', 'energy', 'speed', 'percent']);

function celsius(value: number, unit: string | null): number | null {
  const u = (unit ?? '').trim().toLowerCase();
  if (u === '°c' || u === 'degc' || u === 'c' || u === '℃' || u === 'celsius') return value;
  if (u === '°f' || u === 'degf' || u === 'f' || u === '℉' || u === 'fahrenheit') return ((value - 32) * 5) / 9;
  if (u === 'k' || u === 'kelvin') return value - 273.15;
  return null;
}

function kilowatts(value: number, unit: string | null): number | null {
  const u = (unit ?? '').trim().toLowerCase();
  if (u === 'kw' || u === '') return value;
  if (u === 'w') return value / 1000;
  if (u === 'mw') return value * 1000;
  return null;
}

/** Whether the values are a 0/1 status that was seen in both states. */
function looksBinary(s: SeriesProfile): boolean {
  const st = s.stats;
  return !!st && st.count > 10 && st.binaryFraction !== null && st.binaryFraction >= 0.99 && st.min === 0 && st.max === 1;
}

function rangeEvidence(role: RoleDef, s: SeriesProfile, target: AssetProfile): number {
  const st = s.stats;
  if (!st || st.count === 0 || st.mean === null || st.max === null) return 0;
  let e = 0;
  if (role.dimension === 'status') {
    if (looksBinary(s)) e += 2;
    else if (st.max > 1.5 || st.min! < -0.5 || (st.binaryFraction ?? 0) < 0.9) e -= 6;
  } else if (looksBinary(s) && SCALAR.has(role.dimension)) e -= 4;
  if (role.dimension === 'temperature' && role.typical) {
    const mean = celsius(st.mean, s.unit);
    if (mean !== null) {
      const { min, max } = role.typical;
      const margin = (max - min) * 0.5 + 5;
      if (mean < min - margin || mean > max + margin) e -= 3;
    }
  }
  if (role.dimension === 'percent' || role.accepts?.includes('percent')) {
    if (dimensionOfUnit(s.unit) === 'percent' && st.max > 120) e -= 3;
  }
  if (role.dimension === 'power') {
    // A kW series scales with the asset's size: a 30 kW pump motor does not draw 300 kW.
    const rated = target.ratedKw ?? target.equipment?.ratedKw ?? null;
    const peak = kilowatts(st.max, s.unit);
    if (rated && peak !== null && peak > 0) {
      const r = peak / rated;
      if (r > 2.5) e -= 4;
      else if (r < 0.02) e -= 1;
      else if (r >= 0.2 && r <= 1.6) e += 1;
    }
  }
  return e;
}

/**
 * What the unit and the values say about a role for a target: null when the unit is of another
 * dimension (a °C series is no power), else a score from the value range (a status is 0/1, a chilled
 * water temperature sits near 7 °C, a kW series fits the size of its machine).
 */
export function valueEvidence(roleId: string, s: SeriesProfile, target: AssetProfile): number | null {
  const role = roleById(roleId);
  if (!role) return null;
  let e = 0;
  if (dimensionOfUnit(s.unit) !== null) {
    if (!unitFitsRole(role, s.unit)) return null;
    e += 1.5;
  }
  return e + rangeEvidence(role, s, target);
}

/**
 * Units written into column headers: `Value (kW)` (Niagara), `CH1 Power [kW]`, `LCHWT (°F)`. A bracketed
 * suffix is a unit only when it reads as one, so a tag such as `FT-101 (bypass)` keeps its whole name.
 */
import { dimensionOfUnit } from '../../shared/catalog/units';

/** Units the catalog's dimension table does not list but exports write. */
const MORE_UNITS = new Set(
  [
    '%RH',
    'kA',
    'kVAR',
    'VA',
    'VAR',
    'PF',
    'Δ°C',
    'Δ°F',
    'psid',
    'in. W.C.',
    'in wc',
    'tonR',
    'RT',
    'NTU',
    'lux',
    's',
    'sec',
    'min',
    'h',
    'hr',
    'hrs',
    'mm/s',
    'in/s',
    'g',
    'm/s',
    'ft/s',
    'fpm',
    'kg',
    'lb',
  ].map((u) => u.toLowerCase()),
);

/** Words the dimension table takes as units that, in brackets after a tag, are more likely part of its name: `Pump 2 (status)`. */
const NAME_WORDS = new Set(['status', 'state', 'digital', 'binary', 'bool', 'boolean', 'ratio', 'percent', 'pct', 'in', 'inch', '-']);

/** Whether text reads as an engineering unit. */
export function isUnit(text: string): boolean {
  const t = text.trim().toLowerCase();
  if (NAME_WORDS.has(t)) return false;
  return dimensionOfUnit(text) !== null || MORE_UNITS.has(t);
}

/** A header split into its name and unit: `CH1 Power (kW)` → CH1 Power, kW; a suffix that is no unit stays in the name. */
export function splitHeaderUnit(header: string, anyUnit = false): { name: string; unit: string | null } {
  const m = /^(.*?)\s*[([]\s*([^()[\]]{1,20})\s*[)\]]\s*$/.exec(header);
  if (!m || (m[1] as string).trim() === '') return { name: header, unit: null };
  const unit = (m[2] as string).trim();
  if (!anyUnit && !isUnit(unit)) return { name: header, unit: null };
  return { name: (m[1] as string).trim(), unit };
}

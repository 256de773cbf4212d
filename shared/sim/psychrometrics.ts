/** Moist-air relations at sea-level pressure, good to a few tenths of a kelvin over −20…50 °C. */

/** Saturation vapour pressure in kPa (Magnus form). */
export function saturationPressureKpa(tC: number): number {
  return 0.6108 * Math.exp((17.27 * tC) / (tC + 237.3));
}

/** Relative humidity in percent from dry-bulb and dew point. */
export function relativeHumidity(dryBulbC: number, dewPointC: number): number {
  return (100 * saturationPressureKpa(dewPointC)) / saturationPressureKpa(dryBulbC);
}

/** Wet-bulb temperature from dry-bulb and relative humidity (Stull 2011, valid for RH 5–99 %). */
export function wetBulbStull(tC: number, rhPct: number): number {
  const rh = Math.min(99, Math.max(5, rhPct));
  return (
    tC * Math.atan(0.151977 * Math.sqrt(rh + 8.313659)) +
    Math.atan(tC + rh) -
    Math.atan(rh - 1.676331) +
    0.00391838 * rh ** 1.5 * Math.atan(0.023101 * rh) -
    4.686035
  );
}

/** Specific enthalpy of moist air in kJ per kg of dry air, from dry-bulb and dew point. */
export function moistAirEnthalpy(dryBulbC: number, dewPointC: number): number {
  const pv = saturationPressureKpa(dewPointC);
  const w = (0.622 * pv) / (101.325 - pv);
  return 1.006 * dryBulbC + w * (2501 + 1.86 * dryBulbC);
}

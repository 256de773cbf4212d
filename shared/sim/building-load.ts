import { hashSeed } from './prng';
import { moistAirEnthalpy } from './psychrometrics';
import type { LocalTime } from './sim-clock';
import { SIM_MINUTES } from './sim-clock';
import { SmoothNoise } from './smooth-noise';
import type { WeatherNow } from './weather';

/** Days the campus is closed (local dates of 2025), run like Sundays. */
export const HOLIDAYS_2025 = ['2025-01-01', '2025-05-26', '2025-07-04', '2025-09-01', '2025-11-27', '2025-11-28', '2025-12-24', '2025-12-25'];

const holidayDays = new Set(HOLIDAYS_2025.map((d) => Math.round((Date.parse(d) - Date.UTC(2025, 0, 1)) / 86_400_000)));

/** Whether a local day of 2025 (0 = Jan 1) is a holiday. */
export function isHoliday(dayOfYear: number): boolean {
  return holidayDays.has(dayOfYear);
}

/** Fraction of the building's people present, 0–1, from the local time (weekdays, weekends, holidays). */
export function occupancy(local: LocalTime): number {
  const h = local.hour;
  const closed = local.weekday === 0 || isHoliday(local.dayOfYear);
  if (closed) return 0.06 + 0.04 * bump(h, 10, 16);
  if (local.weekday === 6) return 0.06 + 0.22 * bump(h, 8.5, 14.5);
  return 0.06 + 0.94 * bump(h, 7.25, 17.25);
}

/** Whether the air handlers run (occupied hours, starting early to pull the building down). */
export function airHandlersOn(local: LocalTime): boolean {
  const h = local.hour;
  if (local.weekday === 0 || isHoliday(local.dayOfYear)) return false;
  if (local.weekday === 6) return h >= 7 && h < 15;
  return h >= 5 && h < 20;
}

/** Smooth 0→1→0 over a day: ramps of 1.5 h centred on the start and end hours. */
function bump(h: number, start: number, end: number): number {
  return smoothstep((h - start + 0.75) / 1.5) * (1 - smoothstep((h - end + 0.75) / 1.5));
}

function smoothstep(x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  return x * x * (3 - 2 * x);
}

/** Design peak of the building's cooling load, kW (about 800 tons). */
export const BUILDING_PEAK_KW = 2900;

/**
 * The building's cooling load on the chilled-water loop, kW: a round-the-clock lab and server base,
 * people, lights and plug loads (less when the economizer cools with outdoor air), the envelope,
 * sun, and the outdoor air the air handlers bring in.
 */
export class BuildingLoad {
  private readonly wander: SmoothNoise;
  private readonly flicker: SmoothNoise;

  constructor(seed: number) {
    this.wander = new SmoothNoise(hashSeed(seed, 201), SIM_MINUTES, 6 * 60, 0.04);
    this.flicker = new SmoothNoise(hashSeed(seed, 202), SIM_MINUTES, 7, 0.015);
  }

  /** Cooling load in kW at minute i. */
  at(minute: number, local: LocalTime, w: WeatherNow): number {
    const occ = occupancy(local);
    const ahu = airHandlersOn(local);
    const base = 360;
    const economizer = ahu ? clamp((15 - w.dryBulb) / 10, 0, 0.85) : 0;
    const internal = 720 * occ * (1 - economizer);
    const envelope = 42 * Math.max(0, w.dryBulb - 17) * (ahu ? 1 : 0.55);
    const solar = 520 * w.sun;
    // 14 kg/s of outdoor air, returned at 24 °C and 50 % RH (≈ 47.6 kJ/kg) when the economizer is off.
    const outdoor = ahu && economizer === 0 ? 14 * Math.max(0, moistAirEnthalpy(w.dryBulb, w.dewPoint) - 47.6) : 0;
    const q = (base + internal + envelope + solar + outdoor) * (1 + this.wander.at(minute) + this.flicker.at(minute));
    return clamp(q, 180, 3400);
  }
}

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

import { hashSeed } from './prng';
import { relativeHumidity, wetBulbStull } from './psychrometrics';
import type { LocalTime } from './sim-clock';
import { SIM_MINUTES } from './sim-clock';
import { SmoothNoise } from './smooth-noise';

/** The site: a Gulf-coast campus (about Houston), humid summers and mild winters, so the chillers run all year. */
export const SITE = { latitudeDeg: 29.8, longitudeDeg: -95.4 } as const;

/** Outdoor conditions at one minute. */
export interface WeatherNow {
  dryBulb: number;
  dewPoint: number;
  wetBulb: number;
  /** Relative humidity, percent. */
  rh: number;
  /** Cloud cover 0–1. */
  cloud: number;
  /** Sunshine on the building, 0 (night) to 1 (clear sky, sun overhead). */
  sun: number;
}

/** A fresh WeatherNow to be filled by Weather.at. */
export function newWeather(): WeatherNow {
  return { dryBulb: 0, dewPoint: 0, wetBulb: 0, rh: 0, cloud: 0, sun: 0 };
}

const DEG = Math.PI / 180;

/** Seasonal and daily cycles plus weather fronts (days-long swings, drier air behind cold fronts). */
export class Weather {
  private readonly fronts: SmoothNoise;
  private readonly gusts: SmoothNoise;
  private readonly moisture: SmoothNoise;
  private readonly clouds: SmoothNoise;

  constructor(seed: number) {
    this.fronts = new SmoothNoise(hashSeed(seed, 101), SIM_MINUTES, 3 * 1440);
    this.gusts = new SmoothNoise(hashSeed(seed, 102), SIM_MINUTES, 240);
    this.moisture = new SmoothNoise(hashSeed(seed, 103), SIM_MINUTES, 2 * 1440);
    this.clouds = new SmoothNoise(hashSeed(seed, 104), SIM_MINUTES, 8 * 60);
  }

  /** Fill `out` with the weather at minute i of the year. */
  at(minute: number, utcMs: number, local: LocalTime, out: WeatherNow): WeatherNow {
    const doy = local.dayOfYear + local.hour / 24;
    // +1 in mid-July, −1 in mid-January.
    const season = Math.cos((2 * Math.PI * (doy - 200)) / 365);
    const cloud = clamp(0.42 + 0.3 * this.clouds.at(minute) - 0.08 * season, 0, 1);
    const daily = Math.cos((2 * Math.PI * (local.hour - 15.2)) / 24);
    const amplitude = (4.3 + 0.6 * season) * (1 - 0.45 * cloud);
    // Fronts swing harder in winter, when polar air reaches the coast.
    const front = this.fronts.at(minute) * (3.4 - 1.7 * season) + 0.6 * this.gusts.at(minute);
    const dryBulb = 20.8 + 8.8 * season + amplitude * daily + front;
    const dewMean = 13 + 9.5 * season;
    // Gulf air saturates around a 24 °C dew point; behind cold fronts it is much drier.
    let dew = dewMean + (front < 0 ? 1.1 : 0.5) * front + 1.6 * this.moisture.at(minute) + 0.4 * daily;
    if (dew > 21) dew = 21 + 3.5 * Math.tanh((dew - 21) / 3.5);
    const dewPoint = Math.min(dryBulb - 0.4, dew);
    const rh = relativeHumidity(dryBulb, dewPoint);
    out.dryBulb = dryBulb;
    out.dewPoint = dewPoint;
    out.rh = rh;
    out.wetBulb = Math.min(dryBulb, wetBulbStull(dryBulb, rh));
    out.cloud = cloud;
    out.sun = sunElevationSine(utcMs, local.dayOfYear) * (1 - 0.7 * cloud);
    if (out.sun < 0) out.sun = 0;
    return out;
  }
}

/** Sine of the sun's elevation at the site (0 or less at night). */
export function sunElevationSine(utcMs: number, dayOfYear: number): number {
  const declination = 23.44 * DEG * Math.sin((2 * Math.PI * (284 + dayOfYear + 1)) / 365);
  const utcHours = (utcMs / 3_600_000) % 24;
  const solarHours = utcHours + SITE.longitudeDeg / 15;
  const hourAngle = (solarHours - 12) * 15 * DEG;
  const lat = SITE.latitudeDeg * DEG;
  return Math.sin(lat) * Math.sin(declination) + Math.cos(lat) * Math.cos(declination) * Math.cos(hourAngle);
}

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

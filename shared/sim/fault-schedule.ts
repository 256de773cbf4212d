import { localToUtcMs, MINUTE_MS, SIM_START_MS } from './sim-clock';

/**
 * The faults injected into the demo year, in the plant's local time. Physical faults change the plant
 * (a fouled condenser really draws more power); sensor faults change only what a sensor reports.
 */

/** A window of minutes of the year, [from, to). */
export interface MinuteWindow {
  from: number;
  to: number;
}

/** Minute of the year at a local wall time (`2025-06-02T00:00`). */
export function minuteAt(local: string): number {
  return Math.round((localToUtcMs(local) - SIM_START_MS) / MINUTE_MS);
}

function window(from: string, to: string): MinuteWindow {
  return { from: minuteAt(from), to: minuteAt(to) };
}

/** Condenser fouling on CH-1: power climbs 15 % over two weeks at the same load and lift, until the tubes are brushed. */
export const FOULING = {
  chiller: 0,
  rampStart: '2025-06-02T00:00',
  rampEnd: '2025-06-16T00:00',
  cleaned: '2025-06-23T08:00',
  kwIncrease: 0.15,
  /** Extra condenser approach (condensing − leaving condenser water) when fully fouled, K. */
  approachIncrease: 2.6,
} as const;

/** The bypass valve's actuator seizes for a day: its position holds while the controller keeps moving the command. */
export const STUCK_VALVE = { from: '2025-03-16T00:00', to: '2025-03-17T00:00' } as const;

export const FLATLINE = { name: 'B7.CHLR2.LCWT', from: '2025-08-11T10:00', to: '2025-08-14T10:00' } as const;

/** A data logger whose clock runs 30 minutes slow: each value is stamped 30 minutes after it was measured. */
export const CLOCK_OFFSET = { name: 'B7.CHLR2.KW', lagMinutes: 30, from: '2025-09-02T09:00', to: '2025-10-01T09:00' } as const;

/** After a maintenance visit the header supply and return sensors were relanded on each other's inputs for a week. */
export const SWAP = { names: ['B7_CHWS_T', 'B7_CHWR_T'], from: '2025-07-14T08:00', to: '2025-07-21T08:00' } as const;

/** Missing data: a historian outage for all points, a lost drive connection, a dead weather station, a meter swap. */
export const GAPS = [
  { id: 'gap-historian-outage', names: 'all', from: '2025-02-18T09:12', to: '2025-02-18T13:47', cause: 'historian server outage' },
  { id: 'gap-cwp2-kw', names: ['B7.CWP2.KW'], from: '2025-05-05T14:00', to: '2025-05-07T10:00', cause: 'lost Modbus link to the CWP-2 drive' },
  { id: 'gap-oawb', names: ['OAWB'], from: '2025-10-03T02:00', to: '2025-10-03T08:00', cause: 'weather station power failure' },
  { id: 'gap-chw-flow', names: ['B7_CHW_FLOW'], from: '2025-11-10T00:00', to: '2025-11-10T19:00', cause: 'flow meter replaced' },
] as const;

/** Points that also drop single minutes now and then (poll timeouts), and how often. */
export const DROPOUTS = { names: ['B7.CHWP2.SPD', 'B7_CT1_FAN_SPD', 'ECHWT_2', 'B7 OAT', 'B7_CW_FLOW'], rate: 0.002 } as const;

/** Fouling progress at a minute of the year, 0 (clean) to 1 (fully fouled). */
export function foulingProgress(minute: number): number {
  const start = cached('foul-start', () => minuteAt(FOULING.rampStart));
  const full = cached('foul-full', () => minuteAt(FOULING.rampEnd));
  const clean = cached('foul-clean', () => minuteAt(FOULING.cleaned));
  if (minute < start || minute >= clean) return 0;
  return Math.min(1, (minute - start) / (full - start));
}

/** Whether the bypass valve is seized at a minute of the year. */
export function valveStuck(minute: number): boolean {
  const w = cached('stuck', () => window(STUCK_VALVE.from, STUCK_VALVE.to));
  return minute >= w.from && minute < w.to;
}

/** The window of a fault given in local times, in minutes of the year. */
export function minuteWindow(from: string, to: string): MinuteWindow {
  return window(from, to);
}

const memo = new Map<string, unknown>();
function cached<T>(key: string, make: () => T): T {
  if (!memo.has(key)) memo.set(key, make());
  return memo.get(key) as T;
}

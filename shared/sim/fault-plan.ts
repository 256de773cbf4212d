import { CLOCK_OFFSET, DROPOUTS, FLATLINE, FOULING, GAPS, STUCK_VALVE, SWAP, minuteAt, minuteWindow, type MinuteWindow } from './fault-schedule';

/**
 * Which faults a simulated year carries and when, in minutes of the year. The demo year's plan is built
 * from fault-schedule.ts; scenario-plan.ts draws others. Physical faults change the plant, sensor faults
 * only what a sensor reports.
 */
export interface FaultPlan {
  fouling: {
    /** Chiller index (0 = CH-1). */
    chiller: 0 | 1;
    /** The fouling starts here, or, with `waitForLead`, the first minute from here on that the chiller runs as lead. */
    earliest: number;
    waitForLead: boolean;
    /** Minutes from the start to full fouling, and full fouling held until the tubes are brushed. */
    rampMinutes: number;
    holdMinutes: number;
    kwIncrease: number;
    /** Extra condenser approach at full fouling, K. */
    approachIncrease: number;
  };
  stuckValve: MinuteWindow;
  flatline: { name: string; window: MinuteWindow };
  clockOffset: { name: string; lagMinutes: number; window: MinuteWindow };
  swap: { names: readonly [string, string]; window: MinuteWindow };
  gaps: readonly { id: string; names: 'all' | readonly string[]; window: MinuteWindow; cause: string }[];
  dropouts: { names: readonly string[]; rate: number };
}

/** The demo year's faults (fault-schedule.ts), the plan `twin seed` writes without --scenario. */
export function demoFaultPlan(): FaultPlan {
  const start = minuteAt(FOULING.rampStart);
  const full = minuteAt(FOULING.rampEnd);
  return {
    fouling: {
      chiller: FOULING.chiller,
      earliest: start,
      waitForLead: false,
      rampMinutes: full - start,
      holdMinutes: minuteAt(FOULING.cleaned) - full,
      kwIncrease: FOULING.kwIncrease,
      approachIncrease: FOULING.approachIncrease,
    },
    stuckValve: minuteWindow(STUCK_VALVE.from, STUCK_VALVE.to),
    flatline: { name: FLATLINE.name, window: minuteWindow(FLATLINE.from, FLATLINE.to) },
    clockOffset: { name: CLOCK_OFFSET.name, lagMinutes: CLOCK_OFFSET.lagMinutes, window: minuteWindow(CLOCK_OFFSET.from, CLOCK_OFFSET.to) },
    swap: { names: SWAP.names, window: minuteWindow(SWAP.from, SWAP.to) },
    gaps: GAPS.map((g) => ({ id: g.id, names: g.names, window: minuteWindow(g.from, g.to), cause: g.cause })),
    dropouts: { names: DROPOUTS.names, rate: DROPOUTS.rate },
  };
}

/**
 * When the fouling of a plan starts, and how far along it is. For the demo it starts at a fixed minute;
 * a scenario's waits for the chiller to take over the lead, so the fault begins while the chiller runs and
 * its first days can be seen (a lag chiller may otherwise sit off for a week after the drawn date).
 */
export class FoulingClock {
  /** The minute the fouling started, or null while it has not. */
  start: number | null;
  private previousLead = -1;
  private armed = false;

  constructor(private readonly plan: FaultPlan['fouling']) {
    this.start = plan.waitForLead ? null : plan.earliest;
  }

  /**
   * Tell the clock which chiller leads and which run this minute (call once per minute, before `progress`).
   * A waiting fouling arms when its chiller takes over the lead (the weekly rotation) and starts once it runs.
   */
  observe(minute: number, lead: number, running: readonly boolean[]): void {
    if (this.start === null) {
      if (minute >= this.plan.earliest && lead === this.plan.chiller && this.previousLead !== lead) this.armed = true;
      if (this.armed && running[this.plan.chiller] === true) this.start = minute;
    }
    this.previousLead = lead;
  }

  /** Fouling of a chiller at a minute, 0 (clean) to 1 (fully fouled). */
  progress(chiller: number, minute: number): number {
    const start = this.start;
    if (chiller !== this.plan.chiller || start === null) return 0;
    const full = start + this.plan.rampMinutes;
    if (minute < start || minute >= full + this.plan.holdMinutes) return 0;
    return Math.min(1, (minute - start) / (full - start));
  }
}

/** Whether a minute falls in a window. */
export function inWindow(w: MinuteWindow, minute: number): boolean {
  return minute >= w.from && minute < w.to;
}

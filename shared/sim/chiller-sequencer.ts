import { CHILLER } from './plant-design';
import type { LocalTime } from './sim-clock';

/** What the sequencer sees each minute. */
export interface SequencerInputs {
  /** Load each chiller carried last minute, kW (0 when off). */
  chillerLoads: readonly number[];
  chwsHeader: number;
  chwsSetpoint: number;
}

/**
 * Chiller staging as a plant controller does it: stage up on high load or a supply temperature that
 * cannot be held, stage down when one fewer chiller could carry the load, weekly lead/lag rotation
 * (Monday 07:00), minimum run and off times, and an overlap so a handover never leaves the loop cold.
 */
export class ChillerSequencer {
  readonly running: boolean[];
  /** Minutes in the current state (running or off), per chiller. */
  readonly minutesInState: number[];
  /** Chiller indices, lead first. */
  order: number[];
  private wanted = 1;
  private upTimer = 0;
  private downTimer = 0;
  private lastRotationDay = -1;

  constructor(count: number) {
    this.running = Array.from({ length: count }, (_, i) => i === 0);
    this.minutesInState = Array.from({ length: count }, () => 600);
    this.order = Array.from({ length: count }, (_, i) => i);
  }

  /** Advance one minute; afterwards `running` holds the chillers that run this minute. */
  step(local: LocalTime, input: SequencerInputs): void {
    let n = 0;
    for (const r of this.running) if (r) n++;
    if (local.weekday === 1 && local.hour >= 7 && local.dayOfYear !== this.lastRotationDay) {
      this.lastRotationDay = local.dayOfYear;
      this.order = [...this.order.slice(1), this.order[0] as number];
    }
    const cap = CHILLER.capacityKw;
    let total = 0;
    let highest = 0;
    for (const q of input.chillerLoads) {
      total += q;
      highest = Math.max(highest, q / cap);
    }
    const count = this.running.length;
    const short = highest > 0.95 || input.chwsHeader > input.chwsSetpoint + 0.8;
    this.upTimer = this.wanted < count && n >= this.wanted && short ? this.upTimer + 1 : 0;
    this.downTimer = this.wanted > 1 && total < 0.7 * cap * (this.wanted - 1) ? this.downTimer + 1 : 0;
    if (this.upTimer >= 10) {
      this.wanted++;
      this.upTimer = 0;
    } else if (this.downTimer >= 20) {
      this.wanted--;
      this.downTimer = 0;
    }

    // A unit that is wanted but still in its anti-recycle time waits; its place is not given to another.
    let handoverDone = true;
    for (let k = 0; k < this.wanted; k++) {
      const i = this.order[k] as number;
      if (!this.running[i] || (this.minutesInState[i] ?? 0) < 10) handoverDone = false;
    }
    for (let i = 0; i < count; i++) {
      const t = this.minutesInState[i] ?? 0;
      const wanted = this.order.indexOf(i) < this.wanted;
      if (wanted && !this.running[i] && t >= CHILLER.minOffMinutes) this.switch(i, true);
      else if (!wanted && this.running[i] && t >= CHILLER.minRunMinutes && handoverDone) this.switch(i, false);
      else this.minutesInState[i] = t + 1;
    }
  }

  private switch(i: number, on: boolean): void {
    this.running[i] = on;
    this.minutesInState[i] = 0;
  }
}

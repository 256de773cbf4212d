import { demoFaultPlan, type FaultPlan } from './fault-plan';
import type { MinuteWindow } from './fault-schedule';
import { minuteAt } from './fault-schedule';
import { Prng, hashSeed } from './prng';
import { DAY_MINUTES } from './sim-clock';

/** Stream of the scenario generator, apart from the simulator's own streams of the same seed. */
const SCENARIO_STREAM = 900;

const MARCH_1 = minuteAt('2025-03-01T00:00');
/** The fouling waits up to two weeks for its chiller to take the lead: drawn dates end mid-October so it starts by the end of October. */
const LAST_DRAWN_ONSET = minuteAt('2025-10-17T00:00');
const DECEMBER_1 = minuteAt('2025-12-01T00:00');

/**
 * A year like the demo's with its faults moved and the fouling's severity drawn from a scenario number:
 * fouling of either chiller at 8–20 % (its condenser approach rising in proportion), starting any time
 * from March to October, when the fouled chiller next takes over the lead; the stuck valve, the flatline, the clock
 * offset, the swapped sensors and the gaps each moved to a random date from March to November, with
 * the demo's durations. Windows of the chiller faults keep three days apart so each can be told apart.
 */
export function scenarioFaultPlan(scenario: number): FaultPlan {
  if (!Number.isSafeInteger(scenario) || scenario < 0) throw new RangeError(`A scenario is a whole number ≥ 0, got ${scenario}`);
  const demo = demoFaultPlan();
  const rng = new Prng(hashSeed(scenario, SCENARIO_STREAM));
  const uniform = (lo: number, hi: number): number => lo + Math.floor(rng.next() * (hi - lo));
  const severity = 0.08 + 0.12 * rng.next();
  const chiller = rng.next() < 0.5 ? 0 : 1;
  const earliest = uniform(MARCH_1, LAST_DRAWN_ONSET);
  const fouling: FaultPlan['fouling'] = {
    ...demo.fouling,
    chiller,
    earliest,
    waitForLead: true,
    kwIncrease: Math.round(severity * 1000) / 1000,
    approachIncrease: Math.round((demo.fouling.approachIncrease * severity * 100) / demo.fouling.kwIncrease) / 100,
  };
  // The fouling may start up to two weeks after `earliest`; keep the other chiller faults clear of that stretch.
  const taken: MinuteWindow[] = [{ from: earliest, to: earliest + 14 * DAY_MINUTES + fouling.rampMinutes + fouling.holdMinutes }];
  const clear = (w: MinuteWindow): boolean => taken.every((o) => w.to + 3 * DAY_MINUTES <= o.from || w.from >= o.to + 3 * DAY_MINUTES);
  const move = (w: MinuteWindow, avoid: boolean): MinuteWindow => {
    const length = w.to - w.from;
    for (let attempt = 0; attempt < 1_000; attempt++) {
      // Whole minutes of a random day, at the original time of day.
      const day = uniform(MARCH_1 / DAY_MINUTES, (DECEMBER_1 - length) / DAY_MINUTES);
      const from = day * DAY_MINUTES + (w.from % DAY_MINUTES);
      const moved = { from, to: from + length };
      if (!avoid || clear(moved)) {
        if (avoid) taken.push(moved);
        return moved;
      }
    }
    throw new Error(`scenario ${scenario}: no room for a fault window of ${length} minutes`);
  };
  return {
    fouling,
    // The clock offset and the flatline are on CH-2's power and condenser water: apart from the fouling.
    clockOffset: { ...demo.clockOffset, window: move(demo.clockOffset.window, true) },
    flatline: { ...demo.flatline, window: move(demo.flatline.window, true) },
    stuckValve: move(demo.stuckValve, false),
    swap: { ...demo.swap, window: move(demo.swap.window, false) },
    gaps: demo.gaps.map((g) => ({ ...g, window: move(g.window, false) })),
    dropouts: demo.dropouts,
  };
}

import { describe, expect, it } from 'vitest';
import { collectColumns } from './collect-columns';
import { demoFaultPlan, FoulingClock } from './fault-plan';
import { minuteAt } from './fault-schedule';
import { groundTruth } from './ground-truth';
import { scenarioFaultPlan } from './scenario-plan';
import { DAY_MINUTES } from './sim-clock';

const plans = Array.from({ length: 40 }, (_, n) => scenarioFaultPlan(n));

describe('scenario fault plans', () => {
  it('are drawn from the scenario number alone', () => {
    expect(scenarioFaultPlan(17)).toEqual(scenarioFaultPlan(17));
    expect(scenarioFaultPlan(17)).not.toEqual(scenarioFaultPlan(18));
    expect(() => scenarioFaultPlan(-1)).toThrow(RangeError);
  });

  it('foul either chiller by 8–20 %, drawn from March to mid-October, with the demo durations', () => {
    const demo = demoFaultPlan();
    expect(new Set(plans.map((p) => p.fouling.chiller))).toEqual(new Set([0, 1]));
    for (const p of plans) {
      expect(p.fouling.kwIncrease).toBeGreaterThanOrEqual(0.08);
      expect(p.fouling.kwIncrease).toBeLessThanOrEqual(0.2);
      expect(p.fouling.earliest).toBeGreaterThanOrEqual(minuteAt('2025-03-01T00:00'));
      expect(p.fouling.earliest).toBeLessThan(minuteAt('2025-10-17T00:00'));
      expect(p.fouling.approachIncrease).toBeCloseTo((demo.fouling.approachIncrease * p.fouling.kwIncrease) / demo.fouling.kwIncrease, 1);
      expect([p.fouling.rampMinutes, p.fouling.holdMinutes, p.fouling.waitForLead]).toEqual([demo.fouling.rampMinutes, demo.fouling.holdMinutes, true]);
      for (const [moved, original] of [
        [p.stuckValve, demo.stuckValve],
        [p.flatline.window, demo.flatline.window],
        [p.clockOffset.window, demo.clockOffset.window],
        [p.swap.window, demo.swap.window],
        ...p.gaps.map((g, i) => [g.window, demo.gaps[i]!.window] as const),
      ] as const) {
        expect(moved.to - moved.from).toBe(original.to - original.from);
        expect(moved.from).toBeGreaterThanOrEqual(minuteAt('2025-03-01T00:00'));
        expect(moved.to).toBeLessThanOrEqual(minuteAt('2025-12-01T00:00'));
      }
      // CH-2's power and condenser-water faults keep three days clear of the fouling's whole stretch.
      const fouling = { from: p.fouling.earliest, to: p.fouling.earliest + 14 * DAY_MINUTES + p.fouling.rampMinutes + p.fouling.holdMinutes };
      for (const w of [p.clockOffset.window, p.flatline.window])
        expect(w.to + 3 * DAY_MINUTES <= fouling.from || w.from >= fouling.to + 3 * DAY_MINUTES).toBe(true);
    }
  });

  it('start the fouling when the chiller takes over the lead, and the ground truth says when', () => {
    const clock = new FoulingClock({ ...demoFaultPlan().fouling, chiller: 1, earliest: 100, waitForLead: true });
    clock.observe(99, 1, [false, true]);
    clock.observe(100, 1, [false, true]); // already lead before `earliest`: waits for the next handover
    clock.observe(200, 0, [true, false]);
    clock.observe(300, 1, [true, false]); // takes the lead, not running yet (anti-recycle)
    expect(clock.start).toBeNull();
    clock.observe(320, 1, [true, true]);
    expect(clock.start).toBe(320);
    expect(clock.progress(0, 400)).toBe(0);
    expect(clock.progress(1, 319)).toBe(0);
    expect(clock.progress(1, 320 + 7 * DAY_MINUTES)).toBeCloseTo(0.5, 12);

    const plan = scenarioFaultPlan(3);
    const truth = groundTruth(plan, 3, 123_456, 'scenario 3');
    const fouling = truth.faults[0]!;
    expect(fouling).toMatchObject({
      kind: 'condenser-fouling',
      assetTags: [`CH-${plan.fouling.chiller + 1}`],
      expected: { kwIncreaseAtFull: plan.fouling.kwIncrease },
    });
    expect(fouling.end.ms - fouling.start.ms).toBe((plan.fouling.rampMinutes + plan.fouling.holdMinutes) * 60_000);
    expect(truth.faults.map((f) => f.id)).toEqual([
      'fouling-ch' + (plan.fouling.chiller + 1),
      'stuck-bypass-valve',
      'flatline-ch2-lcwt',
      'clock-offset-ch2-kw',
      'swapped-chws-chwr',
      'gap-historian-outage',
      'gap-cwp2-kw',
      'gap-oawb',
      'gap-chw-flow',
      'dropouts',
    ]);
  });

  it('the simulated scenario year carries its faults where the plan put them', { timeout: 60_000 }, () => {
    const plan = scenarioFaultPlan(2);
    let start: number | null = null;
    const toDay = Math.ceil(plan.swap.window.to / DAY_MINUTES) + 1;
    const year = collectColumns({ seed: 2, plan, toDay, onFoulingStart: (m) => (start = m) }, ['B7_CHWS_T', 'B7_CHWR_T']);
    const s = year.get('B7_CHWS_T');
    const r = year.get('B7_CHWR_T');
    let above = 0;
    let n = 0;
    for (let m = plan.swap.window.from; m < plan.swap.window.to; m++) {
      if (s[m] !== s[m] || r[m] !== r[m]) continue;
      n++;
      if ((s[m] as number) > (r[m] as number)) above++;
    }
    expect(above / n).toBeGreaterThan(0.99);
    if (toDay * DAY_MINUTES > plan.fouling.earliest + 14 * DAY_MINUTES) expect(start).not.toBeNull();
  });
});

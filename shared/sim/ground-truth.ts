import { demoFaultPlan, type FaultPlan } from './fault-plan';
import { MINUTE_MS, SIM_END_MS, SIM_START_MS, SIM_TIME_ZONE, formatLocalIso } from './sim-clock';
import { SIM_SERIES, historianKey } from './sim-series';
import { DEMO_SEED } from './simulator';

/** An instant three ways: UTC ISO, local ISO with offset, epoch ms. */
export interface Instant {
  iso: string;
  local: string;
  ms: number;
}

/** One injected fault as the analytics should find it. */
export interface FaultTruth {
  id: string;
  kind: 'condenser-fouling' | 'stuck-valve' | 'flatline' | 'clock-offset' | 'swapped-sensors' | 'gap' | 'dropouts';
  title: string;
  assetTags: string[];
  seriesKeys: string[];
  start: Instant;
  end: Instant;
  /** What the data shows, in words a plant engineer uses. */
  signature: string;
  /** Numbers a detector can be checked against. */
  expected: Record<string, number | string | boolean>;
}

export interface GroundTruth {
  formatVersion: 1;
  plant: string;
  timeZone: string;
  seed: number;
  start: Instant;
  end: Instant;
  faults: FaultTruth[];
}

function instant(ms: number): Instant {
  return { iso: new Date(ms).toISOString(), local: formatLocalIso(ms), ms };
}

/** The instant of a minute of the year. */
function at(minute: number): Instant {
  return instant(SIM_START_MS + minute * MINUTE_MS);
}

/** The ground truth of the demo year's injected faults (what `assets/demo/b7-faults.json` holds). */
export function demoGroundTruth(seed = DEMO_SEED): GroundTruth {
  const plan = demoFaultPlan();
  return groundTruth(plan, seed, plan.fouling.earliest, 'B7 chilled-water plant (Twin Studio demo)');
}

/**
 * The ground truth of a simulated year: its plan's faults as the analytics should find them.
 * `foulingStart` is the minute the fouling started (a scenario's waits for its chiller to lead).
 */
export function groundTruth(plan: FaultPlan, seed: number, foulingStart: number, plant: string): GroundTruth {
  const key = historianKey;
  const f = plan.fouling;
  const fouled = `CH-${f.chiller + 1}`;
  const other = `CH-${2 - f.chiller}`;
  const n =
    f.chiller === 0
      ? { kw: 'B7_CH1_KW', cond: 'B7_CH1_COND_SAT_T', lcwt: 'B7_CH1_LCWT', amps: 'B7_CH1_AMPS' }
      : { kw: 'B7.CHLR2.KW', cond: 'B7.CHLR2.CondSatT', lcwt: 'B7.CHLR2.LCWT', amps: 'CH2-AMPS' };
  const full = foulingStart + f.rampMinutes;
  const w = (x: { from: number; to: number }) => ({ start: at(x.from), end: at(x.to) });
  const faults: FaultTruth[] = [
    {
      id: `fouling-ch${f.chiller + 1}`,
      kind: 'condenser-fouling',
      title: `Condenser fouling on ${fouled}`,
      assetTags: [fouled],
      seriesKeys: [key(n.kw), key(n.cond), key(n.lcwt), key(n.amps)],
      start: at(foulingStart),
      end: at(full + f.holdMinutes),
      signature:
        `${fouled} draws more power at the same load and lift, growing linearly for ${weeks(f.rampMinutes)} to +${Math.round(f.kwIncrease * 100)} % and holding until the condenser tubes are brushed; ` +
        `its condenser approach (condenser saturation − leaving condenser water) rises by about ${f.approachIncrease.toFixed(1)} K. ${other} is unaffected.`,
      expected: { kwIncreaseAtFull: f.kwIncrease, fullyFouledFrom: at(full).iso, approachIncreaseK: f.approachIncrease },
    },
    {
      id: 'stuck-bypass-valve',
      kind: 'stuck-valve',
      title: 'Bypass valve FV-106 stuck for a day',
      assetTags: ['FV-106'],
      seriesKeys: [key('B7.BYP.POS'), key('B7.BYP.CMD')],
      ...w(plan.stuckValve),
      signature: 'The position holds at the value it had at the start (within the transmitter noise) while the command keeps moving between 0 and about 40 %.',
      expected: { positionStdMaxPct: 0.2, commandStdMinPct: 5 },
    },
    {
      id: 'flatline-ch2-lcwt',
      kind: 'flatline',
      title: 'CH-2 leaving condenser water sensor flatlined',
      assetTags: ['TT-123'],
      seriesKeys: [key(plan.flatline.name)],
      ...w(plan.flatline.window),
      signature: 'Exactly the same value for three days while CH-1 LCWT, CH-2 ECWT and the condenser return header keep moving.',
      expected: { variance: 0 },
    },
    {
      id: 'clock-offset-ch2-kw',
      kind: 'clock-offset',
      title: 'CH-2 power logged 30 minutes late',
      assetTags: ['JT-125'],
      seriesKeys: [key(plan.clockOffset.name), key('B7.CHLR2.STAT')],
      ...w(plan.clockOffset.window),
      signature:
        'Each value is stamped 30 minutes after it was measured (the value at t is the reading from t − 30 min): the power steps 30 minutes after CH-2 starts and stops, ' +
        'and its cross-correlation with the status or the evaporator ΔT peaks at a lag of +30 minutes.',
      expected: { lagMinutes: plan.clockOffset.lagMinutes },
    },
    {
      id: 'swapped-chws-chwr',
      kind: 'swapped-sensors',
      title: 'CHWS and CHWR header sensors swapped',
      assetTags: ['TT-101', 'TT-103'],
      seriesKeys: plan.swap.names.map((s) => key(s)),
      ...w(plan.swap.window),
      signature:
        'B7_CHWS_T reads the return and B7_CHWR_T the supply: CHWS above CHWR whenever the chillers run (impossible while cooling), ' +
        'and the redundant B7_CHWS_T_2 disagrees with B7_CHWS_T by the loop ΔT.',
      expected: { chwsMinusChwrSign: 'positive' },
    },
    ...plan.gaps.map((g): FaultTruth => ({
      id: g.id,
      kind: 'gap',
      title: `Missing data: ${g.cause}`,
      assetTags: [],
      seriesKeys: g.names === 'all' ? SIM_SERIES.map((s) => s.key) : g.names.map((s) => key(s)),
      ...w(g.window),
      signature: 'No points at all in the window (a gap, not zeros).',
      expected: { allSeries: g.names === 'all', missingMinutes: g.window.to - g.window.from },
    })),
    {
      id: 'dropouts',
      kind: 'dropouts',
      title: 'Single missing minutes (poll timeouts)',
      assetTags: [],
      seriesKeys: plan.dropouts.names.map((s) => key(s)),
      start: instant(SIM_START_MS),
      end: instant(SIM_END_MS),
      signature: `About ${plan.dropouts.rate * 100} % of minutes missing at random, one at a time, all year.`,
      expected: { rate: plan.dropouts.rate },
    },
  ];
  return {
    formatVersion: 1,
    plant,
    timeZone: SIM_TIME_ZONE,
    seed,
    start: instant(SIM_START_MS),
    end: instant(SIM_END_MS),
    faults,
  };
}

function weeks(minutes: number): string {
  const w = minutes / (7 * 1440);
  return w === 2 ? 'two weeks' : Number.isInteger(w) ? `${w} weeks` : `${Math.round(minutes / 1440)} days`;
}

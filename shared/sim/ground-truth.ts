import { CLOCK_OFFSET, DROPOUTS, FLATLINE, FOULING, GAPS, STUCK_VALVE, SWAP } from './fault-schedule';
import { SIM_END_MS, SIM_START_MS, SIM_TIME_ZONE, formatLocalIso, localToUtcMs } from './sim-clock';
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

function at(local: string): Instant {
  return instant(localToUtcMs(local));
}

/** The ground truth of the demo year's injected faults (what `assets/demo/b7-faults.json` holds). */
export function demoGroundTruth(seed = DEMO_SEED): GroundTruth {
  const key = historianKey;
  const faults: FaultTruth[] = [
    {
      id: 'fouling-ch1',
      kind: 'condenser-fouling',
      title: 'Condenser fouling on CH-1',
      assetTags: ['CH-1'],
      seriesKeys: [key('B7_CH1_KW'), key('B7_CH1_COND_SAT_T'), key('B7_CH1_LCWT'), key('B7_CH1_AMPS')],
      start: at(FOULING.rampStart),
      end: at(FOULING.cleaned),
      signature:
        'CH-1 draws more power at the same load and lift, growing linearly for two weeks to +15 % and holding until the condenser tubes are brushed; ' +
        'its condenser approach (condenser saturation − leaving condenser water) rises by about 2.6 K. CH-2 is unaffected.',
      expected: { kwIncreaseAtFull: FOULING.kwIncrease, fullyFouledFrom: at(FOULING.rampEnd).iso, approachIncreaseK: FOULING.approachIncrease },
    },
    {
      id: 'stuck-bypass-valve',
      kind: 'stuck-valve',
      title: 'Bypass valve FV-106 stuck for a day',
      assetTags: ['FV-106'],
      seriesKeys: [key('B7.BYP.POS'), key('B7.BYP.CMD')],
      start: at(STUCK_VALVE.from),
      end: at(STUCK_VALVE.to),
      signature: 'The position holds at the value it had at the start (within the transmitter noise) while the command keeps moving between 0 and about 40 %.',
      expected: { positionStdMaxPct: 0.2, commandStdMinPct: 5 },
    },
    {
      id: 'flatline-ch2-lcwt',
      kind: 'flatline',
      title: 'CH-2 leaving condenser water sensor flatlined',
      assetTags: ['TT-123'],
      seriesKeys: [key(FLATLINE.name)],
      start: at(FLATLINE.from),
      end: at(FLATLINE.to),
      signature: 'Exactly the same value for three days while CH-1 LCWT, CH-2 ECWT and the condenser return header keep moving.',
      expected: { variance: 0 },
    },
    {
      id: 'clock-offset-ch2-kw',
      kind: 'clock-offset',
      title: 'CH-2 power logged 30 minutes late',
      assetTags: ['JT-125'],
      seriesKeys: [key(CLOCK_OFFSET.name), key('B7.CHLR2.STAT')],
      start: at(CLOCK_OFFSET.from),
      end: at(CLOCK_OFFSET.to),
      signature:
        'Each value is stamped 30 minutes after it was measured (the value at t is the reading from t − 30 min): the power steps 30 minutes after CH-2 starts and stops, ' +
        'and its cross-correlation with the status or the evaporator ΔT peaks at a lag of +30 minutes.',
      expected: { lagMinutes: CLOCK_OFFSET.lagMinutes },
    },
    {
      id: 'swapped-chws-chwr',
      kind: 'swapped-sensors',
      title: 'CHWS and CHWR header sensors swapped',
      assetTags: ['TT-101', 'TT-103'],
      seriesKeys: SWAP.names.map((n) => key(n)),
      start: at(SWAP.from),
      end: at(SWAP.to),
      signature:
        'B7_CHWS_T reads the return and B7_CHWR_T the supply: CHWS above CHWR whenever the chillers run (impossible while cooling), ' +
        'and the redundant B7_CHWS_T_2 disagrees with B7_CHWS_T by the loop ΔT.',
      expected: { chwsMinusChwrSign: 'positive' },
    },
    ...GAPS.map((g): FaultTruth => ({
      id: g.id,
      kind: 'gap',
      title: `Missing data: ${g.cause}`,
      assetTags: [],
      seriesKeys: g.names === 'all' ? SIM_SERIES.map((s) => s.key) : g.names.map((n) => key(n)),
      start: at(g.from),
      end: at(g.to),
      signature: 'No points at all in the window (a gap, not zeros).',
      expected: { allSeries: g.names === 'all', missingMinutes: Math.round((localToUtcMs(g.to) - localToUtcMs(g.from)) / 60_000) },
    })),
    {
      id: 'dropouts',
      kind: 'dropouts',
      title: 'Single missing minutes (poll timeouts)',
      assetTags: [],
      seriesKeys: DROPOUTS.names.map((n) => key(n)),
      start: instant(SIM_START_MS),
      end: instant(SIM_END_MS),
      signature: `About ${DROPOUTS.rate * 100} % of minutes missing at random, one at a time, all year.`,
      expected: { rate: DROPOUTS.rate },
    },
  ];
  return {
    formatVersion: 1,
    plant: 'B7 chilled-water plant (Twin Studio demo)',
    timeZone: SIM_TIME_ZONE,
    seed,
    start: instant(SIM_START_MS),
    end: instant(SIM_END_MS),
    faults,
  };
}

import faultsFileText from '../../assets/demo/b7-faults.json?raw';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CollectedColumns } from './collect-columns';
import { collectColumns } from './collect-columns';
import { CLOCK_OFFSET, DROPOUTS, FLATLINE, FOULING, GAPS, STUCK_VALVE, SWAP, minuteAt, minuteWindow } from './fault-schedule';
import { demoGroundTruth } from './ground-truth';
import { WATER_CP } from './plant-design';
import { DAY_MINUTES, MINUTE_MS, SIM_START_MS } from './sim-clock';
import { SIM_SERIES } from './sim-series';
import { bestLag, diff, leastSquares, meanOf, stdOf } from './test-stats';

let year: CollectedColumns;
beforeAll(() => {
  // Faults run from February to November; December adds nothing here.
  year = collectColumns({ toDay: 320 });
});

describe('each injected fault is visible in the generated data', () => {
  it('swapped CHWS/CHWR: supply reads above return while the chillers run, only during the swapped week', () => {
    const s = year.get('B7_CHWS_T');
    const r = year.get('B7_CHWR_T');
    const redundant = year.get('B7_CHWS_T_2');
    const w = minuteWindow(SWAP.from, SWAP.to);
    const share = (from: number, to: number): number => {
      let above = 0,
        n = 0;
      for (let m = from; m < to; m++)
        if (s[m] === s[m] && r[m] === r[m]) {
          n++;
          if ((s[m] as number) > (r[m] as number)) above++;
        }
      return above / n;
    };
    expect(share(w.from, w.to)).toBeGreaterThan(0.99);
    expect(share(w.from - 7 * DAY_MINUTES, w.from)).toBeLessThan(0.01);
    expect(share(w.to, w.to + 7 * DAY_MINUTES)).toBeLessThan(0.01);
    // The redundant supply sensor still reads supply: it disagrees with the swapped one by the loop ΔT.
    expect(meanOf(s, w.from, w.to) - meanOf(redundant, w.from, w.to)).toBeGreaterThan(2);
    expect(Math.abs(meanOf(s, w.to, w.to + 7 * DAY_MINUTES) - meanOf(redundant, w.to, w.to + 7 * DAY_MINUTES))).toBeLessThan(0.3);
  });

  it('flatline: three days of exactly one value while its siblings move', () => {
    const w = minuteWindow(FLATLINE.from, FLATLINE.to);
    expect(w.to - w.from).toBe(3 * DAY_MINUTES);
    const flat = year.get(FLATLINE.name);
    expect(stdOf(flat, w.from, w.to)).toBeLessThan(1e-9);
    expect(new Set(flat.subarray(w.from, w.to)).size).toBe(1);
    expect(stdOf(flat, w.from - 3 * DAY_MINUTES, w.from)).toBeGreaterThan(0.3);
    expect(stdOf(year.get('B7_CH1_LCWT'), w.from, w.to)).toBeGreaterThan(0.3);
    expect(stdOf(year.get('B7.CHLR2.ECWT'), w.from, w.to)).toBeGreaterThan(0.3);
  });

  it('stuck valve: the bypass position holds for the day while its command moves', () => {
    const w = minuteWindow(STUCK_VALVE.from, STUCK_VALVE.to);
    const pos = year.get('B7.BYP.POS');
    const cmd = year.get('B7.BYP.CMD');
    expect(stdOf(pos, w.from, w.to)).toBeLessThan(0.2);
    expect(stdOf(cmd, w.from, w.to)).toBeGreaterThan(5);
    // The day before, the position followed the command.
    let gap = 0;
    for (let m = w.from - DAY_MINUTES; m < w.from; m++) gap += Math.abs((pos[m] as number) - (cmd[m] as number));
    expect(gap / DAY_MINUTES).toBeLessThan(1);
    expect(stdOf(pos, w.from - DAY_MINUTES, w.from)).toBeGreaterThan(5);
  });

  it('clock offset: CH-2 power follows CH-2 status 30 minutes late, only inside the window', () => {
    const w = minuteWindow(CLOCK_OFFSET.from, CLOCK_OFFSET.to);
    const lagIn = (from: number, to: number): number => bestLag(diff(year.get('B7.CHLR2.STAT'), from, to), diff(year.get(CLOCK_OFFSET.name), from, to), 90);
    expect(lagIn(w.from, w.to)).toBe(CLOCK_OFFSET.lagMinutes);
    expect(Math.abs(lagIn(w.from - 28 * DAY_MINUTES, w.from))).toBeLessThanOrEqual(2);
  });

  it('condenser fouling: CH-1 draws about 15 % more at matched load and lift, with a rising condenser approach; CH-2 does not', () => {
    const fit = (unit: 1 | 2, fromDay: string, toDay: string): { ratio: (a: string, b: string) => number; approach: (a: string, b: string) => number } => {
      const n =
        unit === 1
          ? { f: 'B7_CH1_CHW_FLOW', e: 'B7_CH1_ECHWT', l: 'B7_CH1_LCHWT', lc: 'B7_CH1_LCWT', kw: 'B7_CH1_KW', s: 'B7_CH1_STS', sat: 'B7_CH1_COND_SAT_T' }
          : { f: 'CH2 CHW FLOW', e: 'ECHWT_2', l: 'LCHWT_2', lc: 'B7.CHLR2.LCWT', kw: 'B7.CHLR2.KW', s: 'B7.CHLR2.STAT', sat: 'B7.CHLR2.CondSatT' };
      const c = Object.fromEntries(Object.entries(n).map(([k, v]) => [k, year.get(v)])) as Record<keyof typeof n, Float64Array>;
      const samples = (a: string, b: string): { x: number[]; kw: number; approach: number }[] => {
        const out: { x: number[]; kw: number; approach: number }[] = [];
        for (let m = minuteAt(a); m < minuteAt(b); m += 5) {
          if (c.s[m] !== 1 || c.s[m - 30] !== 1) continue;
          const q = (c.f[m] as number) * WATER_CP * ((c.e[m] as number) - (c.l[m] as number));
          const lift = (c.lc[m] as number) - (c.l[m] as number);
          if (!(q > 300) || !(lift === lift) || c.kw[m] !== c.kw[m]) continue;
          out.push({ x: [1, q, q * q, lift, q * lift], kw: c.kw[m] as number, approach: (c.sat[m] as number) - (c.lc[m] as number) });
        }
        return out;
      };
      const train = samples(fromDay, toDay);
      const beta = leastSquares(
        train.map((s) => s.x),
        train.map((s) => s.kw),
      );
      const predict = (x: number[]): number => x.reduce((acc, v, i) => acc + v * (beta[i] as number), 0);
      return {
        ratio: (a, b) => {
          const s = samples(a, b);
          expect(s.length).toBeGreaterThan(200);
          return s.reduce((acc, v) => acc + v.kw, 0) / s.reduce((acc, v) => acc + predict(v.x), 0);
        },
        approach: (a, b) => {
          const s = samples(a, b);
          return s.reduce((acc, v) => acc + v.approach, 0) / s.length;
        },
      };
    };
    // Baseline: five clean weeks before the fouling starts.
    const ch1 = fit(1, '2025-04-25T00:00', FOULING.rampStart);
    const ch2 = fit(2, '2025-04-25T00:00', FOULING.rampStart);
    expect(ch1.ratio('2025-05-20T00:00', FOULING.rampStart)).toBeCloseTo(1, 1);
    const fouled = ch1.ratio(FOULING.rampEnd, FOULING.cleaned);
    expect(fouled).toBeGreaterThan(1.12);
    expect(fouled).toBeLessThan(1.18);
    // Halfway up the ramp it is about halfway there.
    const mid = ch1.ratio('2025-06-08T00:00', '2025-06-10T00:00');
    expect(mid).toBeGreaterThan(1.04);
    expect(mid).toBeLessThan(1.11);
    expect(ch1.ratio('2025-06-24T00:00', '2025-07-05T00:00')).toBeCloseTo(1, 1);
    expect(ch2.ratio(FOULING.rampEnd, FOULING.cleaned)).toBeCloseTo(1, 1);
    expect(ch1.approach(FOULING.rampEnd, FOULING.cleaned) - ch1.approach('2025-05-20T00:00', FOULING.rampStart)).toBeGreaterThan(2);
  });

  it('gaps: no points inside each gap window, and single-minute dropouts at about the stated rate', () => {
    for (const g of GAPS) {
      const w = minuteWindow(g.from, g.to);
      const names = g.names === 'all' ? SIM_SERIES.map((s) => s.name) : [...g.names];
      for (const name of names) {
        const col = year.get(name);
        for (let m = w.from; m < w.to; m++) expect(col[m], `${name} in ${g.id}`).toBeNaN();
        expect(col[w.from - 1], name).not.toBeNaN();
        expect(col[w.to], name).not.toBeNaN();
      }
    }
    for (const name of DROPOUTS.names) {
      const col = year.get(name);
      const missing = col.filter((v) => v !== v).length;
      const rate = missing / col.length;
      expect(rate, name).toBeGreaterThan(DROPOUTS.rate * 0.7);
      expect(rate, name).toBeLessThan(DROPOUTS.rate * 1.3 + 275 / col.length);
    }
    // A point with neither gaps nor dropouts is complete apart from the outage.
    expect(year.get('B7_CH1_KW').filter((v) => v !== v).length).toBe(275);
  });
});

describe('the ground-truth file', () => {
  it('matches what the code injects, and assets/demo/b7-faults.json is up to date', () => {
    const truth = demoGroundTruth();
    const onDisk: unknown = JSON.parse(faultsFileText);
    expect(onDisk).toEqual(JSON.parse(JSON.stringify(truth)));
    const keys = new Set(SIM_SERIES.map((s) => s.key));
    for (const f of truth.faults) {
      for (const k of f.seriesKeys) expect(keys.has(k), `${f.id}: ${k}`).toBe(true);
      expect(f.end.ms).toBeGreaterThan(f.start.ms);
      expect(Date.parse(f.start.iso)).toBe(f.start.ms);
      expect(Date.parse(f.start.local)).toBe(f.start.ms);
      expect((f.start.ms - SIM_START_MS) % MINUTE_MS).toBe(0);
    }
    expect(new Set(truth.faults.map((f) => f.kind))).toEqual(
      new Set(['condenser-fouling', 'stuck-valve', 'flatline', 'clock-offset', 'swapped-sensors', 'gap', 'dropouts']),
    );
  });
});

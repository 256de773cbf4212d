import { beforeAll, describe, expect, it } from 'vitest';
import type { CollectedColumns } from './collect-columns';
import { collectColumns } from './collect-columns';
import { CLOCK_OFFSET, SWAP, minuteWindow } from './fault-schedule';
import { CHILLER, CHW_PUMP, KW_PER_TON, WATER_CP } from './plant-design';
import { DAY_MINUTES, SIM_MINUTES } from './sim-clock';
import { meanOf, quantile } from './test-stats';

let year: CollectedColumns;
const swap = minuteWindow(SWAP.from, SWAP.to);
const late = minuteWindow(CLOCK_OFFSET.from, CLOCK_OFFSET.to);

beforeAll(() => {
  const started = performance.now();
  year = collectColumns();
  console.log(`simulated the whole year (${SIM_MINUTES} minutes) in ${Math.round(performance.now() - started)} ms`);
});

/** Hourly means of several columns, for hours where every column is complete and the filter holds on every minute. */
function hours(names: string[], keep: (m: number) => boolean = () => true): number[][] {
  const cols = names.map((n) => year.get(n));
  const out: number[][] = [];
  for (let h = 0; h < SIM_MINUTES / 60; h++) {
    const sums = new Array<number>(names.length).fill(0);
    let ok = true;
    for (let m = h * 60; m < h * 60 + 60 && ok; m++) {
      if (!keep(m)) ok = false;
      cols.forEach((c, i) => {
        const v = c[m] as number;
        if (v !== v) ok = false;
        sums[i] = (sums[i] as number) + v;
      });
    }
    if (ok) out.push(sums.map((s) => s / 60));
  }
  return out;
}

const outsideSwap = (m: number): boolean => m < swap.from || m >= swap.to;

describe('the simulated plant obeys its physics', () => {
  it('balances energy: primary flow × ΔT across the headers equals the sum of the chillers’ loads', () => {
    const sts1 = year.get('B7_CH1_STS');
    const sts2 = year.get('B7.CHLR2.STAT');
    const rows = hours(
      ['B7_CHW_FLOW', 'B7_CHWS_T', 'B7_CHWR_T', 'B7_CH1_CHW_FLOW', 'B7_CH1_ECHWT', 'B7_CH1_LCHWT', 'CH2 CHW FLOW', 'ECHWT_2', 'LCHWT_2'],
      (m) => outsideSwap(m) && sts1[m] === sts1[m - 60 < 0 ? 0 : m - 60] && sts2[m] === sts2[m - 60 < 0 ? 0 : m - 60],
    );
    const ratios = rows.flatMap(([f, s, r, f1, e1, l1, f2, e2, l2]) => {
      const header = (f as number) * WATER_CP * ((r as number) - (s as number));
      const chillers = (f1 as number) * WATER_CP * ((e1 as number) - (l1 as number)) + (f2 as number) * WATER_CP * ((e2 as number) - (l2 as number));
      return chillers > 300 ? [header / chillers] : [];
    });
    expect(ratios.length).toBeGreaterThan(5000);
    expect(quantile(ratios, 0.5)).toBeGreaterThan(0.98);
    expect(quantile(ratios, 0.5)).toBeLessThan(1.02);
    expect(quantile(ratios, 0.05)).toBeGreaterThan(0.9);
    expect(quantile(ratios, 0.95)).toBeLessThan(1.1);
  });

  it('keeps each chiller’s efficiency in the centrifugal range (0.5–0.7 kW/ton near full load, COP 3–10)', () => {
    for (const [flow, e, l, kw, sts] of [
      ['B7_CH1_CHW_FLOW', 'B7_CH1_ECHWT', 'B7_CH1_LCHWT', 'B7_CH1_KW', 'B7_CH1_STS'],
      ['CH2 CHW FLOW', 'ECHWT_2', 'LCHWT_2', 'B7.CHLR2.KW', 'B7.CHLR2.STAT'],
    ] as const) {
      // Whole hours of running, outside the weeks CH-2's power is logged late.
      const status = year.get(sts);
      const rows = hours([flow, e, l, kw, sts], (m) => m >= 60 && status[m - 60] === 1 && (m < late.from || m >= late.to)).filter((r) => r[4] === 1);
      const full: number[] = [];
      const cop: number[] = [];
      for (const [f, en, lv, p] of rows) {
        const q = (f as number) * WATER_CP * ((en as number) - (lv as number));
        if (q > 0.85 * CHILLER.capacityKw) full.push((p as number) / (q / KW_PER_TON));
        if (q > 0.25 * CHILLER.capacityKw) cop.push(q / (p as number));
      }
      expect(full.length, kw).toBeGreaterThan(50);
      expect(quantile(full, 0.5), kw).toBeGreaterThan(0.5);
      expect(quantile(full, 0.5), kw).toBeLessThan(0.7);
      expect(quantile(full, 0.02), kw).toBeGreaterThan(0.45);
      expect(quantile(full, 0.98), kw).toBeLessThan(0.8);
      expect(Math.min(...cop), kw).toBeGreaterThan(3);
      expect(Math.max(...cop), kw).toBeLessThan(10);
    }
  });

  it('holds the towers’ approach to wet-bulb at 2–6 K when the fans run flat out, and never below 1 K', () => {
    const rows = hours(['B7_CWS_T', 'OAWB', 'B7_CT1_FAN_SPD', 'B7_CH1_STS']).filter((r) => r[3] === 1);
    const flatOut = rows.filter((r) => (r[2] as number) > 95).map((r) => (r[0] as number) - (r[1] as number));
    expect(flatOut.length).toBeGreaterThan(200);
    expect(quantile(flatOut, 0.01)).toBeGreaterThan(2);
    expect(quantile(flatOut, 0.99)).toBeLessThan(6);
    const all = rows.map((r) => (r[0] as number) - (r[1] as number));
    expect(Math.min(...all)).toBeGreaterThan(1);
  });

  it('draws pump power in proportion to speed cubed, and nothing when stopped', () => {
    for (const [spd, kw, sts] of [
      ['B7_CHWP1_SPD', 'B7_CHWP1_KW', 'B7_CHWP1_STS'],
      ['B7.CHWP2.SPD', 'B7.CHWP2.KW', 'B7.CHWP2.STS'],
    ] as const) {
      const s = year.get(spd);
      const p = year.get(kw);
      const on = year.get(sts);
      let sxx = 0,
        sxy = 0,
        sx = 0,
        sy = 0,
        n = 0,
        stoppedKw = 0;
      for (let m = 0; m < SIM_MINUTES; m += 7) {
        const x = Math.log((s[m] as number) / 100);
        const y = Math.log((p[m] as number) - CHW_PUMP.idleKw);
        if (on[m] === 0) stoppedKw = Math.max(stoppedKw, p[m] as number);
        if (on[m] !== 1 || !Number.isFinite(x) || !Number.isFinite(y)) continue;
        sx += x;
        sy += y;
        sxx += x * x;
        sxy += x * y;
        n++;
      }
      const slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
      expect(slope, spd).toBeGreaterThan(2.85);
      expect(slope, spd).toBeLessThan(3.15);
      expect(stoppedKw, kw).toBe(0);
    }
  });

  it('holds chilled-water supply near its setpoint while the plant keeps up', () => {
    const rows = hours(['B7_CHWS_T', 'B7.CHWS.SP'], outsideSwap);
    const err = rows.map(([t, sp]) => Math.abs((t as number) - (sp as number)));
    expect(quantile(err, 0.95)).toBeLessThan(0.5);
    expect(quantile(err, 0.5)).toBeLessThan(0.2);
  });

  it('loads the plant by season, weekday and hour', () => {
    const load = hours(['B7_CHW_FLOW', 'B7_CHWS_T', 'B7_CHWR_T'], outsideSwap).map(([f, s, r]) => (f as number) * WATER_CP * ((r as number) - (s as number)));
    expect(load.length).toBeGreaterThan(8000);
    // Hour-of-week means over the summer (Jun–Aug) and winter (Jan–Feb) from per-minute columns.
    const mean = (fromDay: number, toDay: number, pick: (weekday: number, hour: number) => boolean): number => {
      const f = year.get('B7_CHW_FLOW'),
        s = year.get('B7_CHWS_T_2'),
        r = year.get('B7_CHWR_T');
      let sum = 0,
        n = 0;
      for (let m = fromDay * DAY_MINUTES; m < toDay * DAY_MINUTES; m++) {
        const day = Math.floor(m / DAY_MINUTES);
        const weekday = (day + 3) % 7; // 2025-01-01 was a Wednesday (3)
        const hour = Math.floor((m % DAY_MINUTES) / 60);
        if (!pick(weekday, hour) || !outsideSwap(m)) continue;
        const q = (f[m] as number) * WATER_CP * ((r[m] as number) - (s[m] as number));
        if (q === q) {
          sum += q;
          n++;
        }
      }
      return sum / n;
    };
    const weekdayAfternoon = (w: number, h: number): boolean => w >= 1 && w <= 5 && h >= 13 && h < 16;
    const weekendNight = (w: number, h: number): boolean => (w === 0 || w === 6) && h >= 1 && h < 4;
    const summerDay = mean(152, 243, weekdayAfternoon);
    expect(summerDay).toBeGreaterThan(1.8 * mean(152, 243, weekendNight));
    expect(summerDay).toBeGreaterThan(1.6 * mean(0, 59, weekdayAfternoon));
    expect(mean(0, 59, weekdayAfternoon)).toBeGreaterThan(1.3 * mean(0, 59, weekendNight));
  });

  it('stages chillers without short cycling and shares run hours through the lead/lag rotation', () => {
    const runs: number[] = [];
    const hoursRun: number[] = [];
    for (const name of ['B7_CH1_STS', 'B7.CHLR2.STAT']) {
      const s = year.get(name);
      let start = -1;
      let on = 0;
      for (let m = 1; m < SIM_MINUTES; m++) {
        if (s[m] === 1) on++;
        if (s[m] === 1 && s[m - 1] === 0) start = m;
        if (s[m] === 0 && s[m - 1] === 1 && start >= 0) runs.push(m - start);
      }
      hoursRun.push(on / 60);
    }
    expect(runs.length).toBeGreaterThan(100);
    expect(Math.min(...runs)).toBeGreaterThanOrEqual(CHILLER.minRunMinutes);
    const [h1, h2] = hoursRun as [number, number];
    expect(h1 / h2).toBeGreaterThan(0.85);
    expect(h1 / h2).toBeLessThan(1.18);
  });

  it('keeps the weather physical: wet-bulb at or below dry-bulb, a Gulf-coast year', () => {
    const rows = hours(['B7 OAT', 'OAWB']);
    for (const [db, wb] of rows) expect(wb as number).toBeLessThanOrEqual((db as number) + 0.3);
    const oat = year.get('B7 OAT');
    const jan = meanOf(oat, 0, 31 * DAY_MINUTES);
    const jul = meanOf(oat, 181 * DAY_MINUTES, 212 * DAY_MINUTES);
    expect(jan).toBeGreaterThan(7);
    expect(jan).toBeLessThan(16);
    expect(jul).toBeGreaterThan(26);
    expect(jul).toBeLessThan(32);
    expect(year.get('OAWB').reduce((a, v) => (v > a ? v : a), -Infinity)).toBeLessThan(30);
  });

  it('heats the condenser water by the rejected heat (load + compressor power)', () => {
    const rows = hours([
      'B7_CH1_CHW_FLOW',
      'B7_CH1_ECHWT',
      'B7_CH1_LCHWT',
      'B7_CH1_KW',
      'B7_CH1_LCWT',
      'B7_CH1_ECWT',
      'B7_CW_FLOW',
      'B7_CH1_STS',
      'B7.CHLR2.STAT',
    ]).filter((r) => r[7] === 1 && r[8] === 0);
    const ratios = rows.map(([f, e, l, kw, lc, ec, cwf]) => {
      const rejected = (f as number) * WATER_CP * ((e as number) - (l as number)) + (kw as number);
      return rejected / ((cwf as number) * WATER_CP * ((lc as number) - (ec as number)));
    });
    expect(ratios.length).toBeGreaterThan(1000);
    expect(quantile(ratios, 0.5)).toBeGreaterThan(0.97);
    expect(quantile(ratios, 0.5)).toBeLessThan(1.03);
  });
});

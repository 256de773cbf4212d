import { describe, expect, it } from 'vitest';
import { isOpenAt, residualAt, rowAt, severityBand, type RunAtView } from './residual-at';

const H = 3_600_000;
const run: RunAtView = {
  resolutionMs: H,
  fit: { residualCentre: 2 },
  levels: { threshold: 10, drift: 6 },
  // Row 3 was dropped (missing inputs): 3 h to 4 h holds no row.
  series: { t: [0, H, 2 * H, 4 * H, 5 * H], residual: [2, 7, 32, -28, 1] },
  episodes: [
    { start: 2 * H, end: 4 * H, direction: 'high', detector: 'threshold', ongoing: false },
    { start: 5 * H, end: 5 * H, direction: 'high', detector: 'drift', ongoing: true },
  ],
};

describe('the residual at an instant', () => {
  it('finds the row whose window holds the instant, and none in a gap or outside', () => {
    expect(rowAt(run.series.t, H, 0)).toBe(0);
    expect(rowAt(run.series.t, H, H - 1)).toBe(0);
    expect(rowAt(run.series.t, H, H)).toBe(1);
    expect(rowAt(run.series.t, H, 3.5 * H)).toBe(-1);
    expect(rowAt(run.series.t, H, -1)).toBe(-1);
    expect(rowAt(run.series.t, H, 6 * H)).toBe(-1);
    expect(rowAt([], H, 0)).toBe(-1);
  });

  it('counts an episode open from its start to its end inclusive, and an ongoing one past its end', () => {
    const e = run.episodes[0] as RunAtView['episodes'][number];
    expect([2 * H - 1, 2 * H, 4 * H, 4 * H + 1].map((t) => isOpenAt(e, t))).toEqual([false, true, true, false]);
    expect(isOpenAt(run.episodes[1] as RunAtView['episodes'][number], 100 * H)).toBe(true);
  });

  it('measures the residual from the training centre against the threshold level', () => {
    expect(residualAt(run, 2.5 * H)).toMatchObject({ residual: 30, severity: 3 });
    expect(residualAt(run, 2.5 * H).open).toHaveLength(1);
    expect(residualAt(run, 4 * H)).toMatchObject({ residual: -30, severity: 3 });
    expect(residualAt(run, 3.5 * H)).toMatchObject({ residual: null, severity: null });
    expect(residualAt(run, 0.5 * H)).toMatchObject({ residual: 0, severity: 0, open: [] });
    // Without a threshold level the drift level measures it.
    expect(residualAt({ ...run, levels: { threshold: null, drift: 6 } }, 1.5 * H).severity).toBeCloseTo(5 / 6);
    expect(residualAt({ ...run, levels: { threshold: null, drift: null } }, 1.5 * H).severity).toBeNull();
  });

  it('bands severities at 1, 2 and 4 times the level', () => {
    expect([null, 0.99, 1, 1.99, 2, 3.99, 4, 12].map(severityBand)).toEqual(['within', 'within', 'over', 'over', 'high', 'high', 'severe', 'severe']);
  });
});

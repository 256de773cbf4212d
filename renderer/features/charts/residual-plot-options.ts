/** uPlot options of a residual plot: actual and predicted on the target's unit, the residual on its own scale with its band. */
import type uPlot from 'uplot';
import { dragSelectCursor } from './plot-geometry';
import { paddedRange, Y_AXIS_PX } from './plot-options';
import { zoneDate } from './zone-date';

export const RESIDUAL_COLOURS = { actual: '#1f5fa8', predicted: '#c8641b', residual: '#6a3d9a', band: 'rgba(106, 61, 154, 0.10)' } as const;

const AXIS_STROKE = '#5f6f7f';
const GRID = { stroke: '#e6eaee', width: 1 };
const LABEL_PX = 16;

export interface ResidualPlotCallbacks {
  xRange(): [number, number];
  /** The residual band: centre ± level (null: no level, no band). */
  band(): { centre: number; level: number } | null;
  onSelect(u: uPlot): void;
  onDoubleClick(): void;
  onDraw(u: uPlot): void;
  onReady(u: uPlot): void;
}

/** Fill the band the residual may move in before an episode starts, under the lines. */
function drawBand(u: uPlot, band: { centre: number; level: number } | null): void {
  if (!band) return;
  const { left, top, width, height } = u.bbox;
  const y0 = Math.max(top, Math.min(top + height, u.valToPos(band.centre + band.level, 'r', true)));
  const y1 = Math.max(top, Math.min(top + height, u.valToPos(band.centre - band.level, 'r', true)));
  u.ctx.save();
  u.ctx.fillStyle = RESIDUAL_COLOURS.band;
  u.ctx.fillRect(left, y0, width, y1 - y0);
  u.ctx.strokeStyle = 'rgba(106, 61, 154, 0.45)';
  u.ctx.setLineDash([4, 3]);
  u.ctx.beginPath();
  u.ctx.moveTo(left, y0);
  u.ctx.lineTo(left + width, y0);
  u.ctx.moveTo(left, y1);
  u.ctx.lineTo(left + width, y1);
  u.ctx.stroke();
  u.ctx.restore();
}

export function residualPlotOptions(unit: string, zone: string, size: { width: number; height: number }, cb: ResidualPlotCallbacks): uPlot.Options {
  const axis = (scale: string, side: 1 | 3, label: string, grid: boolean): uPlot.Axis => ({
    scale,
    side,
    size: Y_AXIS_PX - LABEL_PX,
    label,
    labelSize: LABEL_PX,
    labelGap: 0,
    stroke: AXIS_STROKE,
    grid: grid ? GRID : { show: false },
    ticks: { stroke: GRID.stroke, width: 1, size: 4 },
  });
  const line = (label: string, scale: string, stroke: string, dash?: number[]): uPlot.Series => ({
    label,
    scale,
    stroke,
    width: 1,
    ...(dash ? { dash } : {}),
    points: { show: false },
    spanGaps: false,
  });
  return {
    width: size.width,
    height: size.height,
    ms: 1,
    tzDate: zoneDate(zone),
    legend: { show: false },
    scales: {
      x: { time: true, range: () => cb.xRange() },
      v: { auto: true, range: (_u, min, max) => paddedRange(min, max) },
      r: {
        auto: true,
        // The band always fits, so a quiet residual is seen inside it rather than stretched to the plot's height.
        range: (_u, min, max) => {
          const b = cb.band();
          return paddedRange(Math.min(min ?? 0, b ? b.centre - b.level : 0), Math.max(max ?? 0, b ? b.centre + b.level : 0));
        },
      },
    },
    axes: [
      { scale: 'x', size: 34, stroke: AXIS_STROKE, grid: GRID, ticks: { stroke: GRID.stroke, width: 1, size: 4 }, space: 70 },
      axis('v', 3, unit || 'value', true),
      axis('r', 1, `residual${unit ? ` ${unit}` : ''}`, false),
    ],
    series: [
      {},
      line('Actual', 'v', RESIDUAL_COLOURS.actual),
      line('Predicted', 'v', RESIDUAL_COLOURS.predicted, [5, 3]),
      line('Residual', 'r', RESIDUAL_COLOURS.residual),
    ],
    cursor: {
      x: false,
      y: false,
      points: { show: false },
      ...dragSelectCursor(cb.onDoubleClick),
    },
    select: { show: true, left: 0, top: 0, width: 0, height: 0 },
    hooks: {
      drawAxes: [(u) => drawBand(u, cb.band())],
      setSelect: [cb.onSelect],
      draw: [cb.onDraw],
      ready: [cb.onReady],
    },
  };
}

import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { ResidualRun } from '../../../shared/api/analysis-schemas';
import type { TimeRange } from '../../../shared/series/types';
import { timeStore } from '../time/time-store';
import { cursorOverlay } from './cursor-overlay';
import { followBoxSize, selectionRange } from './plot-geometry';
import { residualPlotOptions } from './residual-plot-options';
import { episodeSpan, residualColumns } from './residual-plot-data';

export interface ResidualPlotProps {
  run: ResidualRun;
  range: TimeRange;
  zone: string;
  /** The episode holding the time cursor is drawn stronger. */
  cursor: number | null;
}

/**
 * A residual run on one uPlot canvas over the time store's range: actual and predicted, the residual with the
 * band it may move in, and each episode shaded across the plot. Cursor, drag-zoom and double-click go to the
 * time store, as on the trend plot above it.
 */
export function ResidualPlot(props: ResidualPlotProps) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });
  const [over, setOver] = useState<HTMLElement | null>(null);
  const unit = props.run.model.unit ?? '';
  const columns = useMemo(() => residualColumns(props.run.series, props.run.resolutionMs), [props.run]);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let overlay: ReturnType<typeof cursorOverlay> | null = null;
    const rect = el.getBoundingClientRect();
    const size = { width: Math.max(50, Math.floor(rect.width)), height: Math.max(40, Math.floor(rect.height)) };
    const opts = residualPlotOptions(unit, props.zone, size, {
      xRange: () => [latest.current.range.from, latest.current.range.to],
      band: () => {
        const { run } = latest.current;
        const level = run.levels.threshold ?? run.levels.drift;
        return level === null ? null : { centre: run.fit.residualCentre, level };
      },
      onSelect(u) {
        const picked = selectionRange(u, latest.current.range);
        u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
        if (picked) timeStore.getState().zoomTo(picked);
      },
      onDoubleClick: () => timeStore.getState().zoomBack(),
      onDraw: () => overlay?.place(),
      onReady(u) {
        overlay = cursorOverlay(u);
        setOver(u.over);
      },
    });
    const u = new uPlot(opts, [[], [], [], []] as unknown as uPlot.AlignedData, el);
    plot.current = u;
    const stopFollowing = followBoxSize(u, el);
    return () => {
      stopFollowing();
      overlay?.dispose();
      u.destroy();
      plot.current = null;
      setOver(null);
    };
    // Rebuilt for another unit or zone; data and range go through setData and setScale.
  }, [unit, props.zone]);

  useEffect(() => {
    plot.current?.setData([columns.t, columns.actual, columns.predicted, columns.residual] as unknown as uPlot.AlignedData);
  }, [columns, over]);

  useEffect(() => {
    plot.current?.setScale('x', { min: props.range.from, max: props.range.to });
  }, [props.range.from, props.range.to]);

  const shading = over
    ? createPortal(
        props.run.episodes.map((e) => {
          const span = episodeSpan(e, props.range);
          if (!span) return null;
          const atCursor = props.cursor !== null && props.cursor >= e.start && (e.ongoing || props.cursor <= e.end);
          return (
            <div
              key={`${e.detector}-${e.start}`}
              className={`residual-episode residual-episode--${e.direction} residual-episode--${e.detector}`}
              aria-hidden="true"
              data-start={e.start}
              data-end={e.end}
              data-detector={e.detector}
              data-at-cursor={atCursor ? 'true' : undefined}
              style={{ left: `${span.left * 100}%`, width: `max(2px, ${span.width * 100}%)` }}
            />
          );
        }),
        over,
      )
    : null;
  return (
    <div className="trend__plot residual-plot" ref={box}>
      {shading}
    </div>
  );
}

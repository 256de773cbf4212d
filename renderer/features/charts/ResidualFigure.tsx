import { lazy, Suspense, type KeyboardEvent } from 'react';
import { residualAt, severityBand } from '../../../shared/analysis/view/residual-at';
import type { TimeRange } from '../../../shared/series/types';
import { focusEpisode } from '../analysis/focus-episode';
import { useAnalysis } from '../analysis/analysis-store';
import { formatInZone } from '../analysis/zone-format';
import { useTime } from '../time/time-store';
import { onPlotKeyDown, PLOT_KEYS } from './chart-keys';
import { formatValue } from './format';
import { RESIDUAL_COLOURS } from './residual-plot-options';
import type { ShownRun } from './use-residual-runs';
import './residual-chart.css';

const ResidualPlot = lazy(() => import('./ResidualPlot').then((m) => ({ default: m.ResidualPlot })));

/** A level as the legend reads it: three significant digits. */
function formatLevel(v: number | null): string {
  return v === null ? '—' : String(Number(v.toPrecision(3)));
}

/** Episodes listed beside the plot at most; the model editor lists them all. */
const LISTED = 8;

function Key({ colour, dashed, label }: { colour: string; dashed?: boolean; label: string }) {
  return (
    <span className="residual-key">
      <svg width="18" height="8" aria-hidden="true">
        <line x1="1" y1="4" x2="17" y2="4" stroke={colour} strokeWidth="2" strokeDasharray={dashed ? '4 2' : undefined} />
      </svg>
      {label}
    </span>
  );
}

/**
 * One model's results in the Charts dock: the plot of actual, predicted and residual over the time range, and
 * beside it the values at the time cursor and the episodes in the range (each a button to jump to it).
 */
export function ResidualFigure({ shown, range, zone, cursor }: { shown: ShownRun; range: TimeRange; zone: string; cursor: number | null }) {
  const { run, name } = shown;
  // Read out where the cursor comes to rest, not at every step of a drag or of play.
  const moving = useTime((s) => s.moving);
  const unit = run.model.unit ?? '';
  const at = cursor === null ? null : residualAt(run, cursor);
  const band = severityBand(at?.severity ?? null);
  const inRange = run.episodes.filter((e) => e.start <= range.to && (e.ongoing || e.end >= range.from));
  const open = at?.open ?? [];
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => onPlotKeyDown(e, run.resolutionMs, 1);
  const label = `Residuals of ${name} (${run.model.assetTag}): actual, predicted, residual; ${inRange.length} episode${inRange.length === 1 ? '' : 's'} in range`;
  return (
    <div className="residual-row" data-model={shown.modelId}>
      <figure
        className="trend residual-figure"
        aria-label={label}
        tabIndex={0}
        onKeyDown={onKeyDown}
        data-own-keys={PLOT_KEYS}
        data-model={shown.modelId}
        data-episodes-in-range={inRange.length}
        data-open-episodes={open.length}
      >
        <Suspense fallback={<div className="trend__plot" />}>
          <ResidualPlot run={run} range={range} zone={zone} cursor={cursor} />
        </Suspense>
      </figure>
      <div className="residual-side">
        <p className="residual-side__title">
          <button type="button" className="link" onClick={() => useAnalysis.getState().open(shown.modelId)} title="Open the model editor">
            {name}
          </button>{' '}
          <span className="muted">
            {run.model.assetTag} · R² {run.fit.r2.toFixed(3)}
          </span>
        </p>
        <p className="residual-side__keys">
          <Key colour={RESIDUAL_COLOURS.actual} label="actual" />
          <Key colour={RESIDUAL_COLOURS.predicted} dashed label="predicted" />
          <Key colour={RESIDUAL_COLOURS.residual} label="residual" />
          <span className="residual-key">
            <span className="residual-key__band" aria-hidden="true" />
            band ± {formatLevel(run.levels.threshold ?? run.levels.drift)} {unit}
          </span>
        </p>
        <p className="residual-side__now" role="status" aria-live={moving ? 'off' : 'polite'} data-residual={at?.residual ?? undefined} data-severity={band}>
          {at === null ? (
            'No time cursor.'
          ) : at.residual === null ? (
            'No analysed row at the cursor.'
          ) : (
            <>
              At cursor: residual {at.residual >= 0 ? '+' : '−'}
              {formatValue(Math.abs(at.residual))} {unit}
              {at.severity !== null && <> ({at.severity.toFixed(1)} × the band)</>}
              {open.length > 0 ? <strong className={`residual-side__alert residual-side__alert--${band}`}> · in an episode</strong> : null}
            </>
          )}
        </p>
        {inRange.length === 0 ? (
          <p className="muted">No episodes in this range.</p>
        ) : (
          <ul className="residual-side__episodes" aria-label={`Episodes of ${name}`}>
            {inRange.slice(0, LISTED).map((e) => (
              <li key={`${e.detector}-${e.start}`}>
                <button
                  type="button"
                  className={`residual-chip residual-chip--${e.direction}`}
                  aria-current={open.includes(e) ? 'true' : undefined}
                  data-start={e.start}
                  onClick={() => focusEpisode(e, shown.assetId)}
                  title="Move the time range and cursor to this episode"
                >
                  {e.direction} · {e.detector} · {formatInZone(e.start, zone)}
                  {e.ongoing ? ' (ongoing)' : ''}
                </button>
              </li>
            ))}
            {inRange.length > LISTED && <li className="muted">and {inRange.length - LISTED} more (model editor)</li>}
          </ul>
        )}
      </div>
    </div>
  );
}

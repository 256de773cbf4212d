import type { ResidualRun } from '../../../shared/api/analysis-schemas';
import { focusEpisode } from './focus-episode';
import { formatInZone } from './zone-format';

function signed(x: number): string {
  return `${x >= 0 ? '+' : '−'}${Number(Math.abs(x).toPrecision(3))}`;
}

/** The alert episodes of a run; choosing one moves the time range and cursor to it and selects the asset. */
export function EpisodeList({ run, zone }: { run: ResidualRun; zone: string }) {
  const unit = run.model.unit ? ` ${run.model.unit}` : '';
  if (run.episodes.length === 0) return <p className="muted">No episodes: the residual stayed within the detectors' limits.</p>;
  return (
    <ul className="analysis__episodes" aria-label="Episodes">
      {run.episodes.map((e) => (
        <li key={`${e.detector}-${e.start}`}>
          <button
            type="button"
            className={`analysis__episode analysis__episode--${e.direction}`}
            data-start={e.start}
            data-end={e.end}
            onClick={() => focusEpisode(e, run.model.assetId)}
          >
            <span className="analysis__episode-when">
              {formatInZone(e.start, zone)} → {formatInZone(e.end, zone)}
              {e.ongoing ? ' (ongoing)' : ''}
            </span>
            <span className="analysis__episode-what">
              {e.detector} · {e.direction} · peak {signed(e.peak)}
              {unit} · mean {signed(e.mean)}
              {unit}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

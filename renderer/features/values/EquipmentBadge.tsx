import { memo } from 'react';
import { formatValue } from '../../../shared/series/value-format';
import { useReadings } from './readings-store';

/** The words and symbol for a valve position: closed, open, or part open. */
export function positionText(position: number): { symbol: string; text: string } {
  if (position <= 0.5) return { symbol: '■', text: 'Closed' };
  if (position >= 99.5) return { symbol: '□', text: 'Open' };
  return { symbol: '◧', text: `${formatValue(position, 0)} % open` };
}

/**
 * Running or stopped, or a valve's position, drawn above an asset: a colour, a symbol and a word for each, and
 * a dashed outline when the sensor deciding it is stale. Nothing is drawn while the state is unknown.
 */
export const EquipmentBadge = memo(function EquipmentBadge({ assetId, tag }: { assetId: string; tag: string }) {
  const state = useReadings((s) => s.equipment[assetId]);
  const runningStale = useReadings((s) => (state?.runningFrom ? s.readings[state.runningFrom]?.state === 'stale' : false));
  const positionStale = useReadings((s) => (state?.positionFrom ? s.readings[state.positionFrom]?.state === 'stale' : false));
  if (!state || (state.running === null && state.position === null)) return null;
  return (
    <div className="equipment" data-equipment={tag}>
      {state.running !== null && (
        <span
          className={`equipment__run equipment--${state.running ? 'running' : 'stopped'}${runningStale ? ' equipment--stale' : ''}`}
          title={`${tag} ${state.running ? 'running' : 'stopped'} (from its ${state.runningBy}${runningStale ? ', stale' : ''})`}
        >
          <span aria-hidden="true">{state.running ? '▶' : '■'}</span> {state.running ? 'Running' : 'Stopped'}
        </span>
      )}
      {state.position !== null && (
        <span
          className={`equipment__pos equipment--position${positionStale ? ' equipment--stale' : ''}`}
          title={`${tag} ${formatValue(state.position, 1)} % open`}
        >
          <span className="equipment__bar" aria-hidden="true">
            <span style={{ width: `${state.position}%` }} />
          </span>
          <span aria-hidden="true">{positionText(state.position).symbol}</span> {positionText(state.position).text}
        </span>
      )}
    </div>
  );
});

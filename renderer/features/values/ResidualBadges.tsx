import { memo } from 'react';
import { useInternalNode, useStore, ViewportPortal } from '@xyflow/react';
import { residualAt, severityBand } from '../../../shared/analysis/view/residual-at';
import { useDocument } from '../../stores/document-store';
import { useView } from '../../stores/view-store';
import { useResidualRuns, type ShownRun } from '../charts/use-residual-runs';
import { formatValue } from '../charts/format';
import { useTime } from '../time/time-store';
import './residual-badges.css';

/** At the asset's top right corner, in flow units; the badge itself keeps its size on screen at any zoom. */
const OFFSET = { x: -6, y: 2 };

function Badge({ shown, cursor }: { shown: ShownRun; cursor: number }) {
  const node = useInternalNode(shown.assetId);
  const zoom = useStore((s) => s.transform[2]);
  const tag = useDocument((s) => s.twin.assets[shown.assetId]?.tag ?? shown.run.model.assetTag);
  const at = residualAt(shown.run, cursor);
  if (!node || at.open.length === 0) return null;
  const band = severityBand(at.severity);
  const unit = shown.run.model.unit ?? '';
  const residual = at.residual;
  const first = at.open[0] as (typeof at.open)[number];
  const direction = residual === null ? first.direction : residual >= 0 ? 'high' : 'low';
  const amount =
    residual === null
      ? 'no analysed row at the cursor (stopped, or inputs missing)'
      : `${formatValue(Math.abs(residual))} ${unit} ${direction === 'high' ? 'above' : 'below'} predicted`;
  const times = at.severity === null ? '' : `, ${at.severity.toFixed(1)} times the band`;
  const x = node.internals.positionAbsolute.x + (node.measured.width ?? 0) + OFFSET.x;
  const y = node.internals.positionAbsolute.y + OFFSET.y;
  return (
    <button
      type="button"
      className={`residual-badge residual-badge--${band} nodrag nopan`}
      style={{ transform: `translate(${x}px, ${y}px) scale(${1 / zoom})` }}
      data-asset-tag={tag}
      data-model={shown.modelId}
      data-residual={residual ?? undefined}
      data-severity={band}
      data-episode-start={first.start}
      aria-label={`Residual alert on ${tag}: ${amount}${times} (model ${shown.name}, ${first.detector} episode)`}
      title={`${shown.name}: ${amount}${times}. Select ${tag} to chart it.`}
      onClick={() => useView.getState().focusAsset(shown.assetId)}
    >
      {direction === 'high' ? '▲' : '▼'}{' '}
      {residual === null ? '!' : `${residual >= 0 ? '+' : '−'}${Number(Math.abs(residual).toPrecision(3))}${unit ? ` ${unit}` : ''}`}
    </button>
  );
}

/**
 * A badge on each asset whose model has an episode open at the time cursor: the residual there, coloured by
 * how far past the band it is. Results are those of the models' latest runs in this session.
 */
export const ResidualBadges = memo(function ResidualBadges() {
  const runs = useResidualRuns(null);
  const cursor = useTime((s) => s.cursor);
  if (runs.length === 0 || cursor === null) return null;
  return (
    <ViewportPortal>
      <div className="residual-badges" role="group" aria-label="Residual alerts at the time cursor">
        {runs.map((r) => (
          <Badge key={r.modelId} shown={r} cursor={cursor} />
        ))}
      </div>
    </ViewportPortal>
  );
});

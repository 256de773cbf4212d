import { memo, type PointerEvent } from 'react';
import { EdgeLabelRenderer, getSmoothStepPath } from '@xyflow/react';
import { componentByKind } from '../../shared/catalog/catalog';
import { placedPort } from '../../shared/catalog/port-geometry';
import type { Asset, Connection, PortRef } from '../../shared/twin/schema';
import { useDocument } from '../stores/document-store';
import { useView } from '../stores/view-store';
import { positionOf } from './flow-nodes';

/** Where a port is on the canvas, and which way it faces. */
function endpoint(asset: Asset, ref: PortRef) {
  const def = componentByKind(asset.kind);
  if (!def?.ports.some((p) => p.id === ref.port)) return { x: asset.position.x, y: asset.position.y, side: 'right' as const };
  const p = placedPort(def, ref.port, asset.rotation, asset.flip);
  return { x: asset.position.x + p.x, y: asset.position.y + p.y, side: p.side };
}

/** `nopan` on the hit area keeps React Flow's pan handler from swallowing the press. */
function select(e: PointerEvent<SVGPathElement>, id: string): void {
  // The pane under the line would clear the selection; this click is the line's.
  e.stopPropagation();
  const view = useView.getState();
  if (e.shiftKey || e.ctrlKey || e.metaKey) {
    const next = new Set(view.selectedConnections);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    view.select(view.selectedAssets, next);
  } else view.select([], [id]);
}

/** One line: re-rendered only when its connection or one of its two assets changes. */
const ConnectionPath = memo(function ConnectionPath({ connection, from, to, selected }: { connection: Connection; from: Asset; to: Asset; selected: boolean }) {
  const a = endpoint(from, connection.from);
  const b = endpoint(to, connection.to);
  const [d] = getSmoothStepPath({
    sourceX: a.x,
    sourceY: a.y,
    sourcePosition: positionOf(a.side),
    targetX: b.x,
    targetY: b.y,
    targetPosition: positionOf(b.side),
    borderRadius: 0,
    offset: connection.kind === 'process' ? 16 : 12,
  });
  return (
    <g
      className={`connection connection--${connection.kind}${selected ? ' connection--selected' : ''}`}
      data-connection={connection.id}
      data-kind={connection.kind}
    >
      <path d={d} className="connection__hit nopan" onPointerDown={(e) => select(e, connection.id)} onClick={(e) => e.stopPropagation()} />
      <path d={d} className="connection__line" markerEnd={connection.kind === 'process' ? 'url(#twin-flow-arrow)' : undefined} />
    </g>
  );
});

/**
 * Every process and signal line in one SVG under the nodes, drawn from the document store. React Flow
 * would wrap each edge in an <svg> of its own, kept current by a store subscription per edge; with
 * hundreds of lines that was most of the paint and script time of a drag frame.
 */
export const ConnectionLayer = memo(function ConnectionLayer() {
  const assets = useDocument((s) => s.twin.assets);
  const connections = useDocument((s) => s.twin.connections);
  const selected = useView((s) => s.selectedConnections);
  return (
    <EdgeLabelRenderer>
      <svg className="connections" aria-hidden="true">
        {Object.values(connections).map((c) => {
          const from = assets[c.from.asset];
          const to = assets[c.to.asset];
          return from && to ? <ConnectionPath key={c.id} connection={c} from={from} to={to} selected={selected.has(c.id)} /> : null;
        })}
      </svg>
    </EdgeLabelRenderer>
  );
});

import { memo, useContext, useState } from 'react';
import { Handle, type NodeProps } from '@xyflow/react';
import { componentByKind } from '../../shared/catalog/catalog';
import { placedPort } from '../../shared/catalog/port-geometry';
import { SymbolSvg } from './symbol/SymbolSvg';
import { HANDLE_SIZE, positionOf, type AssetFlowNode } from './flow-nodes';
import { FarZoomContext } from './level-of-detail';
import { useReadings } from '../features/values/readings-store';
import './asset-node.css';

/**
 * One asset on the canvas: its symbol and a handle per port (process ports square, signal ports round).
 * Its tag is drawn by the tag label layer, in screen space; its accessible name is on React Flow's node
 * element (flow-nodes.ts), which is what takes focus.
 */
export const AssetNode = memo(function AssetNode({ data, selected }: NodeProps<AssetFlowNode>) {
  const { asset } = data;
  const def = componentByKind(asset.kind);
  const far = useContext(FarZoomContext);
  // Zoomed far out, interactive ports exist only on the node under the pointer.
  const [hovered, setHovered] = useState(false);
  // The drawn state at the time cursor (DESIGN.md): this node's own slice of the readings, nothing else.
  const state = useReadings((s) => s.equipment[asset.id]);
  const showPorts = !far || hovered;
  if (!def) {
    return <div className="asset-node asset-node--unknown" data-asset-tag={asset.tag} title={`Unknown component kind "${asset.kind}"`} />;
  }
  return (
    <div
      className={`asset-node${selected ? ' asset-node--selected' : ''}`}
      data-asset-tag={asset.tag}
      data-asset-kind={asset.kind}
      data-running={state?.running ?? undefined}
      data-position={state?.position ?? undefined}
      onPointerEnter={far ? () => setHovered(true) : undefined}
      onPointerLeave={
        far
          ? (e) => {
              // A line being drawn from this node keeps its ports until the button is released.
              if (e.buttons === 0) setHovered(false);
              else window.addEventListener('pointerup', () => setHovered(false), { once: true });
            }
          : undefined
      }
    >
      <SymbolSvg def={def} tag={asset.tag} rotation={asset.rotation} flip={asset.flip} properties={asset.properties} hideTexts={far} />
      {def.ports.map((port) => {
        const p = placedPort(def, port.id, asset.rotation, asset.flip);
        const style = { left: p.x - HANDLE_SIZE / 2, top: p.y - HANDLE_SIZE / 2, width: HANDLE_SIZE, height: HANDLE_SIZE };
        if (!showPorts) {
          // React Flow measures handles from the DOM to route edges; a bare element with the handle's
          // class and attributes is enough for that, without a Handle's store subscriptions.
          return (
            <div key={port.id} className="react-flow__handle source port-stub" data-handleid={port.id} data-handlepos={positionOf(p.side)} style={style} />
          );
        }
        return (
          <Handle
            key={port.id}
            id={port.id}
            type="source"
            position={positionOf(p.side)}
            className={`port port--${port.kind}`}
            style={style}
            data-port={port.id}
            data-port-kind={port.kind}
            title={`${asset.tag} ${port.label} (${port.kind}${port.flow !== 'both' ? `, ${port.flow}` : ''})`}
          />
        );
      })}
    </div>
  );
});

import { memo } from 'react';
import { Handle, type NodeProps } from '@xyflow/react';
import { componentByKind } from '../../shared/catalog/catalog';
import { placedPort } from '../../shared/catalog/port-geometry';
import { SymbolSvg } from './symbol/SymbolSvg';
import { HANDLE_SIZE, positionOf, type AssetFlowNode } from './flow-nodes';

/** One asset on the canvas: its symbol, its tag, and a handle per port (process ports square, signal ports round). */
export const AssetNode = memo(function AssetNode({ data, selected }: NodeProps<AssetFlowNode>) {
  const { asset } = data;
  const def = componentByKind(asset.kind);
  if (!def) {
    return (
      <div className="asset-node asset-node--unknown" data-asset-tag={asset.tag} title={`Unknown component kind "${asset.kind}"`}>
        <span className="asset-tag">{asset.tag}</span>
      </div>
    );
  }
  return (
    <div
      className={`asset-node${selected ? ' asset-node--selected' : ''}`}
      data-asset-tag={asset.tag}
      data-asset-kind={asset.kind}
      aria-label={`${def.name} ${asset.tag}${asset.name ? `, ${asset.name}` : ''}`}
    >
      <SymbolSvg def={def} tag={asset.tag} rotation={asset.rotation} flip={asset.flip} properties={asset.properties} />
      <span className="asset-tag">{asset.tag}</span>
      {def.ports.map((port) => {
        const p = placedPort(def, port.id, asset.rotation, asset.flip);
        return (
          <Handle
            key={port.id}
            id={port.id}
            type="source"
            position={positionOf(p.side)}
            className={`port port--${port.kind}`}
            style={{ left: p.x, top: p.y, width: HANDLE_SIZE, height: HANDLE_SIZE }}
            data-port={port.id}
            data-port-kind={port.kind}
            title={`${asset.tag} ${port.label} (${port.kind}${port.flow !== 'both' ? `, ${port.flow}` : ''})`}
          />
        );
      })}
    </div>
  );
});

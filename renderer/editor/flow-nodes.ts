import { Position, type Edge, type Node, type NodeHandle } from '@xyflow/react';
import { componentByKind } from '../../shared/catalog/catalog';
import { placedPort, placedSize } from '../../shared/catalog/port-geometry';
import type { Side } from '../../shared/catalog/types';
import type { Asset, Connection } from '../../shared/twin/schema';

export type AssetNodeData = { asset: Asset };
export type AssetFlowNode = Node<AssetNodeData, 'asset'>;
/** React Flow draws no edges (ConnectionLayer does); the type only fills its generic parameter. */
export type ConnectionFlowEdge = Edge<{ connection: Connection }, 'process' | 'signal'>;

/** Port handles are drawn this big; their hit area is larger through CSS. */
export const HANDLE_SIZE = 10;

const POSITION: Record<Side, Position> = { left: Position.Left, right: Position.Right, top: Position.Top, bottom: Position.Bottom };

/** React Flow side of a catalog side. */
export function positionOf(side: Side): Position {
  return POSITION[side];
}

const FALLBACK = { width: 60, height: 60 };

/**
 * A node for an asset with its size and handles known up front from the catalog, so React Flow draws
 * edges without measuring the DOM first (this is what keeps a 500-asset project fast to open).
 */
export function assetNode(asset: Asset, selected: boolean): AssetFlowNode {
  const def = componentByKind(asset.kind);
  const size = def ? placedSize(def, asset.rotation) : FALLBACK;
  const handles: NodeHandle[] = [];
  if (def) {
    for (const port of def.ports) {
      const p = placedPort(def, port.id, asset.rotation, asset.flip);
      handles.push({
        id: port.id,
        type: 'source',
        position: positionOf(p.side),
        x: p.x - HANDLE_SIZE / 2,
        y: p.y - HANDLE_SIZE / 2,
        width: HANDLE_SIZE,
        height: HANDLE_SIZE,
      });
    }
  }
  return {
    id: asset.id,
    type: 'asset',
    position: asset.position,
    data: { asset },
    selected,
    // The name screen readers give the focused node: its tag, then what it is ("CH-1, Chiller").
    ariaLabel: def ? (asset.tag ? `${asset.tag}, ${def.name}` : def.name) : `${asset.tag || 'Asset'}, unknown component kind "${asset.kind}"`,
    width: size.width,
    height: size.height,
    measured: { width: size.width, height: size.height },
    handles,
  };
}

/** Keeps one node object per unchanged asset, so React Flow re-renders only what moved. */
export class NodeCache {
  private readonly byId = new Map<string, { asset: Asset; selected: boolean; node: AssetFlowNode }>();

  nodes(assets: Readonly<Record<string, Asset>>, selected: ReadonlySet<string>): AssetFlowNode[] {
    const out: AssetFlowNode[] = [];
    const seen = new Set<string>();
    for (const asset of Object.values(assets)) {
      const isSel = selected.has(asset.id);
      let entry = this.byId.get(asset.id);
      if (!entry || entry.asset !== asset || entry.selected !== isSel) {
        entry = { asset, selected: isSel, node: assetNode(asset, isSel) };
        this.byId.set(asset.id, entry);
      }
      seen.add(asset.id);
      out.push(entry.node);
    }
    for (const id of this.byId.keys()) if (!seen.has(id)) this.byId.delete(id);
    return out;
  }
}

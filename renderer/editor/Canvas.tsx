import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import {
  Background,
  BackgroundVariant,
  ConnectionMode,
  Controls,
  ReactFlow,
  useReactFlow,
  useStore as useFlowStore,
  type Connection as FlowConnection,
  type FinalConnectionState,
  type NodeChange,
} from '@xyflow/react';
import { canConnect } from '../../shared/twin/connection-rules';
import { connectPorts } from '../../shared/twin/edits/connection-edits';
import { addAsset, moveAssets } from '../../shared/twin/edits/asset-edits';
import { documentStore, useDocument } from '../stores/document-store';
import { useView } from '../stores/view-store';
import { useNotice } from '../stores/notice-store';
import { AssetNode } from './AssetNode';
import { EdgeMarkers } from './EdgeMarkers';
import { ConnectionLayer } from './ConnectionLayer';
import { NodeCache, type AssetFlowNode, type ConnectionFlowEdge } from './flow-nodes';
import { setCanvasHandle } from './canvas-handle';
import { newId } from './id';
import { PALETTE_MIME } from '../panels/palette-drag';
import { FAR_ZOOM, FarZoomContext } from './level-of-detail';
import { dragCancelled, dragEnded } from './drag-bail';
import { dropSensor, isSensorDrag } from '../features/bindings/sensor-drag';
import { ValueLayer } from '../features/values/ValueLayer';
import { ResidualBadges } from '../features/values/ResidualBadges';
import { Minimap, MINIMAP_CLEARANCE } from './Minimap';
import { TagLabelLayer } from './labels/TagLabelLayer';
import { boundsOf } from '../../shared/geometry/box';
import { fitBounds, type Viewport } from '../../shared/geometry/fit-view';
import { assetBox } from '../../shared/twin/edits/placement';
import { usePreferences } from '../stores/preferences-store';

const nodeTypes = { asset: AssetNode };
export const GRID = 10;
const MIN_ZOOM = 0.05;
const NO_NODES: AssetFlowNode[] = [];
const NO_EDGES: ConnectionFlowEdge[] = [];

/** The viewport showing the whole drawing in the canvas element, clear of the minimap when it is shown. */
function fitWhole(el: HTMLElement): Viewport | null {
  const bounds = boundsOf(Object.values(documentStore.getState().twin.assets).map(assetBox));
  if (!bounds) return null;
  const keepClear = usePreferences.getState().ui.showMinimap ? MINIMAP_CLEARANCE : undefined;
  return fitBounds(
    bounds,
    { width: el.clientWidth, height: el.clientHeight },
    { padding: 0.1, minZoom: MIN_ZOOM, maxZoom: 1.5, ...(keepClear ? { keepClear } : {}) },
  );
}

function portRef(asset: string | null | undefined, port: string | null | undefined) {
  return asset && port ? { asset, port } : null;
}

/** The P&ID canvas: React Flow bound to the document store (positions, connections) and the view store (selection). */
export function Canvas() {
  const assets = useDocument((s) => s.twin.assets);
  const loadCount = useDocument((s) => s.loadCount);
  const selectedAssets = useView((s) => s.selectedAssets);
  const focusRequest = useView((s) => s.focusRequest);
  const flow = useReactFlow<AssetFlowNode, ConnectionFlowEdge>();
  const far = useFlowStore((s) => s.transform[2] < FAR_ZOOM);
  const showMinimap = usePreferences((s) => s.ui.showMinimap);
  // Caches live as long as the canvas; they only memoize node objects, so reading them in render is safe.
  const [nodeCache] = useState(() => new NodeCache());

  // A loaded project is drawn once, already fitted: its nodes wait until the viewport is set, so the
  // first render is the right one (at a zoom far out, without ports or texts) rather than two.
  const container = useRef<HTMLDivElement>(null);
  const [shownLoad, setShownLoad] = useState(0);
  const shown = shownLoad === loadCount;
  const nodes = useMemo(() => (shown ? nodeCache.nodes(assets, selectedAssets) : NO_NODES), [shown, nodeCache, assets, selectedAssets]);
  useLayoutEffect(() => {
    if (shown) return;
    const el = container.current;
    void flow.setViewport((el && fitWhole(el)) ?? { x: 0, y: 0, zoom: 1 });
    setShownLoad(loadCount);
  }, [shown, loadCount, flow]);

  useEffect(() => {
    setCanvasHandle({
      fitView: () => {
        const el = container.current;
        const v = el && fitWhole(el);
        if (v) void flow.setViewport(v, { duration: 200 });
      },
      zoomIn: () => void flow.zoomIn({ duration: 150 }),
      zoomOut: () => void flow.zoomOut({ duration: 150 }),
      viewCentre: () => {
        const el = document.querySelector('.react-flow');
        const r = el?.getBoundingClientRect();
        return r ? flow.screenToFlowPosition({ x: r.left + r.width / 2, y: r.top + r.height / 2 }) : { x: 0, y: 0 };
      },
      reveal: (box) => {
        const r = container.current?.getBoundingClientRect();
        if (!r) return;
        const from = flow.screenToFlowPosition({ x: r.left, y: r.top });
        const to = flow.screenToFlowPosition({ x: r.right, y: r.bottom });
        if (box.x >= from.x && box.y >= from.y && box.x + box.width <= to.x && box.y + box.height <= to.y) return;
        void flow.setCenter(box.x + box.width / 2, box.y + box.height / 2, { zoom: flow.getZoom(), duration: 150 });
      },
    });
    return () => setCanvasHandle(null);
  }, [flow]);

  useEffect(() => {
    if (!focusRequest) return;
    const a = documentStore.getState().twin.assets[focusRequest.id];
    if (a) void flow.fitView({ nodes: [{ id: a.id }], duration: 250, maxZoom: 1.5, padding: 0.6 });
  }, [focusRequest, flow]);

  const onNodesChange = useCallback((changes: NodeChange<AssetFlowNode>[]) => {
    const positions: Record<string, { x: number; y: number }> = {};
    let moved = false;
    let ended = false;
    const selection = applySelectChanges(useView.getState().selectedAssets, changes);
    if (selection) useView.getState().select(selection, useView.getState().selectedConnections);
    for (const c of changes) {
      if (c.type !== 'position') continue;
      // After Escape the rest of the drag is ignored: the nodes stay where it began.
      if (dragCancelled()) {
        if (c.dragging === false) dragEnded();
        continue;
      }
      if (c.position) {
        positions[c.id] = c.position;
        moved = true;
      }
      if (c.dragging === false) ended = true;
    }
    const doc = documentStore.getState();
    // Every frame of a drag lands in one undo step, closed when the drag ends.
    if (moved) doc.apply(moveAssets(doc.twin, positions), { kind: 'squash', key: 'drag' });
    if (ended) doc.seal();
  }, []);

  const isValidConnection = useCallback((c: FlowConnection | ConnectionFlowEdge) => {
    const from = portRef(c.source, c.sourceHandle);
    const to = portRef(c.target, c.targetHandle);
    return !!from && !!to && canConnect(documentStore.getState().twin, from, to).ok;
  }, []);

  const onConnect = useCallback((c: FlowConnection) => {
    const from = portRef(c.source, c.sourceHandle);
    const to = portRef(c.target, c.targetHandle);
    if (!from || !to) return;
    const doc = documentStore.getState();
    const result = connectPorts(doc.twin, from, to, () => newId('c'));
    if ('reason' in result) {
      useNotice.getState().say(result.reason, 'error');
      return;
    }
    doc.apply(result.diff, { kind: 'record' });
    const kind = doc.twin.connections[result.id]?.kind ?? 'process';
    useNotice.getState().say(`Connected ${doc.twin.assets[from.asset]?.tag} ${from.port} to ${doc.twin.assets[to.asset]?.tag} ${to.port} (${kind} line).`);
  }, []);

  // A drop on a port that refused the line says why, instead of silently doing nothing.
  const onConnectEnd = useCallback((_e: MouseEvent | TouchEvent, state: FinalConnectionState) => {
    if (state.isValid || !state.toHandle || !state.fromHandle) return;
    const from = portRef(state.fromHandle.nodeId, state.fromHandle.id);
    const to = portRef(state.toHandle.nodeId, state.toHandle.id);
    if (!from || !to) return;
    const check = canConnect(documentStore.getState().twin, from, to);
    if (!check.ok) useNotice.getState().say(check.reason, 'error');
  }, []);

  const onDragOver = useCallback((e: DragEvent) => {
    if (e.dataTransfer.types.includes(PALETTE_MIME)) {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    } else if (isSensorDrag(e)) {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'link';
    }
  }, []);

  const onDrop = useCallback(
    (e: DragEvent) => {
      if (isSensorDrag(e)) {
        dropSensor(e, flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }));
        return;
      }
      const kind = e.dataTransfer.getData(PALETTE_MIME);
      if (!kind) return;
      e.preventDefault();
      const p = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      placeComponent(kind, p);
    },
    [flow],
  );

  return (
    <div ref={container} className={`canvas${far ? ' canvas--far' : ''}`} onDragOver={onDragOver} onDrop={onDrop}>
      <EdgeMarkers />
      <FarZoomContext.Provider value={far}>
        <ReactFlow<AssetFlowNode, ConnectionFlowEdge>
          nodes={nodes}
          edges={NO_EDGES}
          nodeTypes={nodeTypes}
          onNodesChange={onNodesChange}
          onPaneClick={() => useView.getState().clearSelection()}
          onConnect={onConnect}
          onConnectEnd={onConnectEnd}
          isValidConnection={isValidConnection}
          connectionMode={ConnectionMode.Loose}
          snapToGrid
          snapGrid={[GRID, GRID]}
          deleteKeyCode={null}
          selectionKeyCode="Shift"
          multiSelectionKeyCode={['Meta', 'Control']}
          selectNodesOnDrag={false}
          minZoom={MIN_ZOOM}
          maxZoom={4}
          onlyRenderVisibleElements
          proOptions={{ hideAttribution: true }}
          aria-label="P&ID canvas"
        >
          <Background variant={BackgroundVariant.Dots} gap={GRID * 2} size={1} />
          {shown && <ConnectionLayer />}
          {shown && <TagLabelLayer />}
          {shown && <ValueLayer />}
          {shown && <ResidualBadges />}
          {showMinimap && <Minimap />}
          <Controls showInteractive={false} aria-label="Zoom controls" />
        </ReactFlow>
      </FarZoomContext.Provider>
    </div>
  );
}

/** The selection after React Flow's select changes, or null when they change nothing. */
function applySelectChanges(current: ReadonlySet<string>, changes: readonly NodeChange<AssetFlowNode>[]): Set<string> | null {
  let next: Set<string> | null = null;
  for (const c of changes) {
    if (c.type !== 'select' || current.has(c.id) === c.selected) continue;
    next ??= new Set(current);
    if (c.selected) next.add(c.id);
    else next.delete(c.id);
  }
  return next;
}

/** Add a catalog component at a flow position (snapped), select it and say so. */
export function placeComponent(kind: string, at: { x: number; y: number }): void {
  const doc = documentStore.getState();
  const pos = { x: Math.round(at.x / GRID) * GRID, y: Math.round(at.y / GRID) * GRID };
  const { diff, id } = addAsset(doc.twin, kind, pos, () => newId('a'));
  doc.apply(diff, { kind: 'record' });
  useView.getState().select([id]);
  useNotice.getState().say(`Added ${documentStore.getState().twin.assets[id]?.tag}.`);
}

import { useEffect, useRef, type PointerEvent } from 'react';
import { Panel, useReactFlow, useStore as useFlowStore } from '@xyflow/react';
import { useDocument } from '../stores/document-store';
import { useView } from '../stores/view-store';
import { componentByKind } from '../../shared/catalog/catalog';
import { placedSize } from '../../shared/catalog/port-geometry';

const WIDTH = 200;
const HEIGHT = 140;
/** The corner the minimap takes (its canvas, border and React Flow's panel margin), which fitting the view keeps clear. */
export const MINIMAP_CLEARANCE = { width: WIDTH + 2 + 15 + 10, height: HEIGHT + 2 + 15 + 10 };

/**
 * The overview in the corner, drawn on one <canvas> from the document store: a React Flow MiniMap keeps a
 * component per node subscribed to the flow store, which a 500-asset drag pays for on every frame.
 * Click or drag on it to move the view there.
 */
export function Minimap() {
  const canvas = useRef<HTMLCanvasElement>(null);
  const assets = useDocument((s) => s.twin.assets);
  const selected = useView((s) => s.selectedAssets);
  const [tx, ty, zoom] = useFlowStore((s) => s.transform);
  const paneWidth = useFlowStore((s) => s.width);
  const paneHeight = useFlowStore((s) => s.height);
  const flow = useReactFlow();
  const mapping = useRef({ scale: 1, x0: 0, y0: 0, ox: 0, oy: 0 });

  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const ctx = canvas.current?.getContext('2d');
      if (!ctx) return;
      const view = { x: -tx / zoom, y: -ty / zoom, w: paneWidth / zoom, h: paneHeight / zoom };
      let x0 = view.x;
      let y0 = view.y;
      let x1 = view.x + view.w;
      let y1 = view.y + view.h;
      const boxes: [number, number, number, number, boolean][] = [];
      for (const a of Object.values(assets)) {
        const def = componentByKind(a.kind);
        const { width: w, height: h } = def ? placedSize(def, a.rotation) : { width: 40, height: 40 };
        boxes.push([a.position.x, a.position.y, w, h, selected.has(a.id)]);
        x0 = Math.min(x0, a.position.x);
        y0 = Math.min(y0, a.position.y);
        x1 = Math.max(x1, a.position.x + w);
        y1 = Math.max(y1, a.position.y + h);
      }
      const scale = Math.min(WIDTH / Math.max(1, x1 - x0), HEIGHT / Math.max(1, y1 - y0));
      const ox = (WIDTH - (x1 - x0) * scale) / 2;
      const oy = (HEIGHT - (y1 - y0) * scale) / 2;
      mapping.current = { scale, x0, y0, ox, oy };
      const px = (x: number) => ox + (x - x0) * scale;
      const py = (y: number) => oy + (y - y0) * scale;
      ctx.clearRect(0, 0, WIDTH, HEIGHT);
      for (const [x, y, w, h, sel] of boxes) {
        ctx.fillStyle = sel ? '#0b6bcb' : '#8a96a3';
        ctx.fillRect(px(x), py(y), Math.max(1, w * scale), Math.max(1, h * scale));
      }
      ctx.strokeStyle = '#0f3d57';
      ctx.lineWidth = 1.5;
      ctx.strokeRect(px(view.x), py(view.y), view.w * scale, view.h * scale);
    });
    return () => cancelAnimationFrame(frame);
  }, [assets, selected, tx, ty, zoom, paneWidth, paneHeight]);

  const moveTo = (e: PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const m = mapping.current;
    const x = m.x0 + (e.clientX - r.left - m.ox) / m.scale;
    const y = m.y0 + (e.clientY - r.top - m.oy) / m.scale;
    void flow.setCenter(x, y, { zoom: flow.getZoom() });
  };

  return (
    <Panel position="bottom-right" className="minimap">
      <canvas
        ref={canvas}
        width={WIDTH}
        height={HEIGHT}
        role="img"
        aria-label="Minimap"
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          moveTo(e);
        }}
        onPointerMove={(e) => {
          if (e.buttons) moveTo(e);
        }}
      />
    </Panel>
  );
}

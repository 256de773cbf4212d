/** What commands may ask of the canvas; the canvas registers itself when mounted. */
export interface CanvasHandle {
  fitView(): void;
  zoomIn(): void;
  zoomOut(): void;
  /** The flow coordinates at the centre of the visible canvas. */
  viewCentre(): { x: number; y: number };
  /** Pan (keeping the zoom) so a box in flow coordinates is in view, when it is not already. */
  reveal(box: { x: number; y: number; width: number; height: number }): void;
}

let current: CanvasHandle | null = null;

export function setCanvasHandle(handle: CanvasHandle | null): void {
  current = handle;
}

export function canvasHandle(): CanvasHandle | null {
  return current;
}

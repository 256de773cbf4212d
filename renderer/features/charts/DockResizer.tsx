import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { MAX_DOCK_HEIGHT, MIN_DOCK_HEIGHT, useCharts } from './chart-store';

/** The dock's top edge: drag it, or focus it and press the arrow keys, to give the charts more or less height. */
export function DockResizer() {
  const height = useCharts((s) => s.height);
  const start = useRef<{ y: number; h: number } | null>(null);
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    start.current = { y: e.clientY, h: useCharts.getState().height };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (start.current) useCharts.getState().setHeight(start.current.h + start.current.y - e.clientY);
  };
  const onPointerUp = () => {
    start.current = null;
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? 100 : 20;
    if (e.key === 'ArrowUp') useCharts.getState().setHeight(height + step);
    else if (e.key === 'ArrowDown') useCharts.getState().setHeight(height - step);
    else return;
    e.preventDefault();
  };
  return (
    <div
      className="charts__resizer"
      role="separator"
      aria-orientation="horizontal"
      aria-label="Resize charts"
      aria-valuenow={height}
      aria-valuemin={MIN_DOCK_HEIGHT}
      aria-valuemax={MAX_DOCK_HEIGHT}
      tabIndex={0}
      data-own-keys="ArrowUp ArrowDown"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}

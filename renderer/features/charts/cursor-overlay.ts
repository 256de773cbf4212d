/**
 * The time cursor drawn on a plot: a line at the time store's cursor, moved without redrawing the canvas,
 * with a grip to drag it; a click on the plot moves the cursor there. The store is the one value the
 * schematic's time cursor also moves.
 */
import type uPlot from 'uplot';
import { timeStore } from '../time/time-store';
import { instantAt } from './plot-geometry';

/** Pointer travel (CSS px) under which a press and release on the plot is a click, not a drag-select. */
const CLICK_SLOP = 3;

export function cursorOverlay(u: uPlot): { place(): void; dispose(): void } {
  const line = document.createElement('div');
  line.className = 'trend__cursor';
  line.setAttribute('aria-hidden', 'true');
  const grip = document.createElement('div');
  grip.className = 'trend__cursor-grip';
  grip.title = 'Time cursor: drag to move it';
  line.append(grip);
  u.over.append(line);

  const place = () => {
    const c = timeStore.getState().cursor;
    const xs = u.scales.x;
    if (c === null || !xs || xs.min == null || xs.max == null || c < xs.min || c > xs.max) {
      line.hidden = true;
      return;
    }
    line.hidden = false;
    line.style.transform = `translateX(${u.valToPos(c, 'x')}px)`;
  };
  const unsubscribe = timeStore.subscribe((s, prev) => {
    if (s.cursor !== prev.cursor || s.range !== prev.range) place();
  });

  const moveTo = (clientX: number, moving: boolean) => {
    const t = instantAt(u, clientX - u.over.getBoundingClientRect().left);
    if (t !== null) timeStore.getState().setCursor(t, moving);
  };

  let dragging = false;
  grip.addEventListener('pointerdown', (e) => {
    // Not a selection: uPlot starts one on mousedown, which preventDefault on pointerdown suppresses.
    e.preventDefault();
    e.stopPropagation();
    grip.setPointerCapture(e.pointerId);
    dragging = true;
  });
  grip.addEventListener('pointermove', (e) => {
    if (dragging) moveTo(e.clientX, true);
  });
  const endDrag = () => {
    if (!dragging) return;
    dragging = false;
    timeStore.getState().rest();
  };
  grip.addEventListener('pointerup', endDrag);
  grip.addEventListener('pointercancel', endDrag);

  let pressedAt: number | null = null;
  const onDown = (e: PointerEvent) => {
    pressedAt = e.button === 0 ? e.clientX : null;
  };
  const onUp = (e: PointerEvent) => {
    if (pressedAt !== null && Math.abs(e.clientX - pressedAt) < CLICK_SLOP && !dragging) moveTo(e.clientX, false);
    pressedAt = null;
  };
  u.over.addEventListener('pointerdown', onDown);
  u.over.addEventListener('pointerup', onUp);

  return {
    place,
    dispose() {
      unsubscribe();
      u.over.removeEventListener('pointerdown', onDown);
      u.over.removeEventListener('pointerup', onUp);
      line.remove();
    },
  };
}

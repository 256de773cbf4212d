import type { KeyboardEvent } from 'react';
import { runCommand } from '../../commands/registry';
import { timeStore } from '../time/time-store';

/** Keys a focused plot handles itself (the app's shortcuts leave them alone there). */
export const PLOT_KEYS = 'ArrowLeft ArrowRight Home End Backspace';

/**
 * A focused plot's keys: arrows step the time cursor by `stepMs` (ten with Shift), Home and End go to the
 * range's ends, Backspace zooms back. The cursor is the time store's, so the schematic follows.
 */
export function onPlotKeyDown(e: KeyboardEvent<HTMLElement>, stepMs: number | null, widthPx: number): void {
  const t = timeStore.getState();
  if (!t.range) return;
  const step = (stepMs ?? (t.range.to - t.range.from) / Math.max(1, widthPx)) * (e.shiftKey ? 10 : 1);
  const at = t.cursor ?? t.range.to - 1;
  if (e.key === 'ArrowLeft') t.setCursor(at - step);
  else if (e.key === 'ArrowRight') t.setCursor(at + step);
  else if (e.key === 'Home') t.setCursor(t.range.from);
  else if (e.key === 'End') t.setCursor(t.range.to - 1);
  else if (e.key === 'Backspace') runCommand('time.zoomBack');
  else return;
  e.preventDefault();
}

import type { DragEvent } from 'react';
import { runCommand } from '../../commands/registry';
import { documentStore } from '../../stores/document-store';
import { useBindingsView } from './bindings-view-store';

/** The drag-and-drop type carrying a sensor from the Sensors panel to the canvas. */
export const SENSOR_MIME = 'application/x-twin-sensor';

/** What a dragged sensor row carries. */
export interface DraggedSensor {
  series: string;
  sessionSource: string;
  unit: string | null;
}

/** Start dragging a sensor row. */
export function startSensorDrag(e: DragEvent, sensor: DraggedSensor): void {
  e.dataTransfer.setData(SENSOR_MIME, JSON.stringify(sensor));
  e.dataTransfer.setData('text/plain', sensor.series);
  e.dataTransfer.effectAllowed = 'link';
}

/** Whether a drag over the canvas carries a sensor (it may then be dropped). */
export function isSensorDrag(e: DragEvent): boolean {
  return e.dataTransfer.types.includes(SENSOR_MIME);
}

function read(e: DragEvent): DraggedSensor | null {
  try {
    const v = JSON.parse(e.dataTransfer.getData(SENSOR_MIME)) as Partial<DraggedSensor>;
    return typeof v.series === 'string' && typeof v.sessionSource === 'string'
      ? { series: v.series, sessionSource: v.sessionSource, unit: v.unit ?? null }
      : null;
  } catch {
    return null;
  }
}

/**
 * A sensor dropped on the canvas: on an asset it is bound to it (the role its name suggests, changed in
 * the inspector); on empty canvas the bubble that measures it is placed there, bound, and wired to the
 * nearest equipment when the user has asked for that.
 */
export function dropSensor(e: DragEvent, at: { x: number; y: number }): boolean {
  const sensor = read(e);
  if (!sensor) return false;
  e.preventDefault();
  const tag = (e.target as Element | null)?.closest?.('[data-asset-tag]')?.getAttribute('data-asset-tag');
  const asset = tag ? Object.values(documentStore.getState().twin.assets).find((a) => a.tag === tag) : undefined;
  if (asset) runCommand('bindings.bind', { ...sensor, assetId: asset.id });
  else runCommand('bindings.placeInstrument', { ...sensor, at, link: useBindingsView.getState().linkDropped });
  return true;
}

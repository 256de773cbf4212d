import { memo, useEffect, useMemo, useRef } from 'react';
import { useStoreApi } from '@xyflow/react';
import type { Reading } from '../../../shared/series/cursor-reading';
import type { Asset } from '../../../shared/twin/schema';
import { drawnTagLabels } from '../../editor/labels/drawn-tag-labels';
import { useDocument } from '../../stores/document-store';
import { useView } from '../../stores/view-store';
import { planOf } from './plan-cache';
import { readingsStore, useReadings, type ReadingsState } from './readings-store';
import { readingText } from './reading-text';
import { paintValues } from './value-painter';
import { buildScene, placeSceneLabels, type LabelPlacement, type ValueScene } from './value-scene';
import './value-layer.css';

interface Carrier {
  el: HTMLElement;
  series: string;
  unit: string | null;
  role: string;
}
interface Applied {
  reading: Reading | null;
  decimals: number;
}

/**
 * Write each drawn value's reading onto its element (DESIGN.md: data-sensor, data-value unrounded and absent
 * when missing, data-t, data-state), touching only elements whose reading changed. The elements are not laid
 * out (the canvas draws the values), so this costs no layout per frame.
 */
function applyReadings(carriers: ReadonlyMap<string, Carrier>, s: ReadingsState, applied: Map<HTMLElement, Applied>): void {
  for (const [sensorId, c] of carriers) {
    const r = s.readings[sensorId] ?? null;
    const d = s.decimals[sensorId] ?? 1;
    const last = applied.get(c.el);
    if (last && last.reading === r && last.decimals === d) continue;
    applied.set(c.el, { reading: r, decimals: d });
    const el = c.el;
    if (!r) {
      el.removeAttribute('data-sensor');
      el.setAttribute('data-loading', c.series);
      for (const a of ['data-value', 'data-t', 'data-state', 'data-why']) el.removeAttribute(a);
      el.textContent = '';
      continue;
    }
    el.removeAttribute('data-loading');
    el.setAttribute('data-sensor', c.series);
    if (r.value === null) el.removeAttribute('data-value');
    else el.setAttribute('data-value', String(r.value));
    if (r.t === null) el.removeAttribute('data-t');
    else el.setAttribute('data-t', String(r.t));
    el.setAttribute('data-state', r.state);
    el.setAttribute('data-why', r.why);
    const text = readingText(r, c, d);
    el.textContent = text.note ? `${text.value} ${text.note}` : text.value;
  }
}

/**
 * The plant's state at the time cursor in one layer over the canvas (as the connection layer draws every
 * line): a card of values beside each instrument or asset with bound sensors and running/stopped or valve
 * position above equipment, painted on a canvas in screen pixels (legible at any zoom, decluttered when zoomed
 * far out). Each value also has an element carrying the accessibility contract's attributes for tests and tools.
 */
export const ValueLayer = memo(function ValueLayer() {
  const twin = useDocument((s) => s.twin);
  const selected = useView((s) => s.selectedAssets);
  const settled = useReadings((s) => s.settled);
  const flow = useStoreApi();
  const plan = planOf(twin);
  const scene = useMemo(() => buildScene(plan, twin.assets, twin.sensors), [plan, twin.assets, twin.sensors]);
  // Without bound sensors there is no canvas at all (nothing to paint, nothing to pay for while editing).
  const drawsAnything = scene.values.length > 0 || scene.badges.length > 0;
  const canvas = useRef<HTMLCanvasElement>(null);
  const carriers = useRef(new Map<string, Carrier>());
  const applied = useRef(new Map<HTMLElement, Applied>());
  const current = useRef<{ scene: ValueScene; selected: ReadonlySet<string>; assets: Readonly<Record<string, Asset>> }>({
    scene,
    selected,
    assets: twin.assets,
  });
  const repaint = useRef<() => void>(() => undefined);

  // The painter lives as long as the layer; scene and selection changes reach it through `current`.
  useEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx) return;
    let placed: { zoom: number; scene: ValueScene; value: LabelPlacement } | null = null;
    let pending = false;
    let size = { width: 0, height: 0, dpr: 1 };
    const draw = () => {
      pending = false;
      const [x, y, zoom] = flow.getState().transform;
      const { scene: sc, selected: sel, assets } = current.current;
      if (!placed || placed.zoom !== zoom || placed.scene !== sc) {
        // The tag layer's drawn tags (the same decluttered set it shows) are kept clear of every value.
        const tags = drawnTagLabels(assets, zoom, sel).map((l) => l.box);
        placed = { zoom, scene: sc, value: placeSceneLabels(sc, zoom, sel, tags) };
      }
      ctx.setTransform(size.dpr, 0, 0, size.dpr, 0, 0);
      ctx.clearRect(0, 0, size.width, size.height);
      const s = readingsStore.getState();
      paintValues(ctx, {
        scene: sc,
        placement: placed.value,
        view: { x, y, zoom, width: size.width, height: size.height },
        readings: s.readings,
        decimals: s.decimals,
        equipment: s.equipment,
      });
    };
    // Several changes in one task (a cursor move and a pan) paint once.
    const schedule = () => {
      if (pending) return;
      pending = true;
      queueMicrotask(draw);
    };
    repaint.current = () => {
      placed = null;
      schedule();
    };
    const resize = () => {
      const dpr = window.devicePixelRatio || 1;
      size = { width: el.clientWidth, height: el.clientHeight, dpr };
      el.width = Math.round(size.width * dpr);
      el.height = Math.round(size.height * dpr);
      draw();
    };
    const observer = new ResizeObserver(resize);
    observer.observe(el);
    resize();
    const unsubscribers = [
      readingsStore.subscribe((s) => {
        applyReadings(carriers.current, s, applied.current);
        schedule();
      }),
      flow.subscribe((s, p) => {
        if (s.transform !== p.transform) schedule();
      }),
    ];
    return () => {
      observer.disconnect();
      unsubscribers.forEach((u) => u());
      repaint.current = () => undefined;
    };
  }, [flow, drawsAnything]);

  useEffect(() => {
    current.current = { scene, selected, assets: twin.assets };
    applyReadings(carriers.current, readingsStore.getState(), applied.current);
    repaint.current();
  }, [scene, selected, twin.assets]);

  if (!drawsAnything) return null;
  return (
    <>
      <canvas ref={canvas} className="value-canvas" role="img" aria-label="Values at the time cursor (select an asset to read them in the inspector)" />
      <div className="value-layer" data-values={settled ? 'exact' : 'approximate'}>
        {scene.values.map((sensor) => (
          <div
            key={sensor.id}
            className="value-carrier"
            ref={(el) => {
              if (!el) return;
              carriers.current.set(sensor.id, { el, series: sensor.series, unit: sensor.unit, role: sensor.role });
              return () => {
                carriers.current.delete(sensor.id);
                applied.current.delete(el);
              };
            }}
          />
        ))}
      </div>
    </>
  );
});

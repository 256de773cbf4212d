import { memo, useMemo } from 'react';
import { declutter, type DeclutterItem } from '../../../shared/geometry/declutter';
import './label-layer.css';

/** A label drawn in screen space: upright, the same size at any zoom, left out when it would overlap another. */
export interface ScreenLabel extends DeclutterItem {
  /** Unique in its layer; `data-label-for` on the drawn label. */
  id: string;
  text: string;
  /** The label's kind, for its look (`label--tag`, `label--value`…). */
  className?: string;
  /** Attributes for tests and the accessibility contract (`data-sensor`, `data-value`…). */
  data?: Readonly<Record<`data-${string}`, string>>;
}

export interface LabelLayerProps {
  /**
   * Labels with boxes in screen pixels relative to the canvas origin (canvas position × zoom): panning
   * moves the whole layer by `offset` without laying anything out again.
   */
  labels: readonly ScreenLabel[];
  /** The viewport's translation (React Flow's transform x, y). */
  offset: { x: number; y: number };
  /** Clear space between two labels, in pixels. */
  gap?: number;
  /** Labels that only repeat what the nodes' accessible names say stay out of the accessibility tree. */
  ariaHidden?: boolean;
  /** A name for the layer's element, to tell layers apart (`tags`, `values`). */
  name: string;
  /** The labels are already decluttered by the caller (who shares the result with another layer): draw them all. */
  decluttered?: boolean;
}

/** One label; redrawn only when its label object changes, so callers that keep unchanged labels' objects pay for what moved. */
const Label = memo(function Label({ label: l }: { label: ScreenLabel }) {
  return (
    <span
      className={`label${l.className ? ` ${l.className}` : ''}`}
      data-label-for={l.id}
      style={{ left: l.box.x, top: l.box.y, width: l.box.width, height: l.box.height }}
      {...l.data}
    >
      {l.text}
    </span>
  );
});

/**
 * One layer of labels over the canvas, decluttered: the labels that overlap none kept before them, by
 * priority. Everything is in one element and repositioned by one transform when the view pans; labels
 * are laid out again only when they change (zoom, an asset moved, another selection).
 */
export const LabelLayer = memo(function LabelLayer({ labels, offset, gap = 2, ariaHidden = true, name, decluttered = false }: LabelLayerProps) {
  const kept = useMemo(() => (decluttered ? labels : declutter(labels, { gap })), [labels, gap, decluttered]);
  return (
    <div className="label-layer" data-layer={name} aria-hidden={ariaHidden || undefined}>
      <div className="label-layer__origin" style={{ transform: `translate(${offset.x}px, ${offset.y}px)` }}>
        {kept.map((l) => (
          <Label key={l.id} label={l} />
        ))}
      </div>
    </div>
  );
});

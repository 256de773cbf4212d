/**
 * Screen-space label placement: labels drawn at a fixed size on screen over a drawing that may be zoomed far
 * out. Each label tries its candidate positions in order (right of its symbol, below, left, above) and takes
 * the first that covers neither a label already placed nor a symbol; a label with no free position is left
 * out. Labels are taken most important first.
 */

/** A box on screen, in px. */
export interface LabelBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

const CELL = 64;

/** A uniform grid of placed boxes, so each test looks only at boxes nearby. */
class BoxGrid {
  private readonly cells = new Map<number, LabelBox[]>();
  constructor(private readonly margin: number) {}

  private each(b: LabelBox, visit: (key: number) => boolean | void): boolean {
    const m = this.margin;
    const x0 = Math.floor((b.x - m) / CELL);
    const x1 = Math.floor((b.x + b.width + m) / CELL);
    const y0 = Math.floor((b.y - m) / CELL);
    const y1 = Math.floor((b.y + b.height + m) / CELL);
    for (let gx = x0; gx <= x1; gx++) for (let gy = y0; gy <= y1; gy++) if (visit(gx * 1_000_003 + gy) === true) return true;
    return false;
  }

  hits(b: LabelBox): boolean {
    const m = this.margin;
    return this.each(b, (key) =>
      this.cells.get(key)?.some((o) => b.x < o.x + o.width + m && o.x < b.x + b.width + m && b.y < o.y + o.height + m && o.y < b.y + b.height + m),
    );
  }

  add(b: LabelBox): void {
    this.each(b, (key) => {
      const list = this.cells.get(key);
      if (list) list.push(b);
      else this.cells.set(key, [b]);
    });
  }
}

const usable = (b: LabelBox) => b.width > 0 && b.height > 0 && Number.isFinite(b.x) && Number.isFinite(b.y);

/**
 * Where each label goes: the index of the first of its candidate boxes that stays `margin` px clear of the
 * labels placed before it and of the obstacles (the symbols), or -1 when none does. Near-linear in the count.
 */
export function placeLabels(candidates: readonly (readonly LabelBox[])[], obstacles: readonly LabelBox[] = [], margin = 2): number[] {
  const labels = new BoxGrid(margin);
  const symbols = new BoxGrid(0);
  for (const o of obstacles) if (usable(o)) symbols.add(o);
  return candidates.map((options) => {
    const k = options.findIndex((b) => usable(b) && !labels.hits(b) && !symbols.hits(b));
    if (k >= 0) labels.add(options[k] as LabelBox);
    return k;
  });
}

/** Which boxes to draw, in the given order (most important first), each kept unless it would cover one kept before. */
export function declutter(boxes: readonly LabelBox[], margin = 2): boolean[] {
  return placeLabels(
    boxes.map((b) => [b]),
    [],
    margin,
  ).map((k) => k === 0);
}

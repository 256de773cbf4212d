/**
 * Screen-space label decluttering: when labels drawn at a fixed size on screen would overlap (a drawing zoomed
 * far out), draw the more important ones and leave out those that would cover them.
 */

/** A label's box on screen, in px. */
export interface LabelBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

const CELL = 64;

/**
 * Which boxes to draw: taken in the given order (most important first), each kept unless it comes within
 * `margin` px of one already kept. A uniform grid keeps this near-linear in the number of boxes.
 */
export function declutter(boxes: readonly LabelBox[], margin = 2): boolean[] {
  const keep = boxes.map(() => false);
  const grid = new Map<number, number[]>();
  const cellsOf = (b: LabelBox, visit: (key: number) => boolean | void): boolean => {
    const x0 = Math.floor((b.x - margin) / CELL);
    const x1 = Math.floor((b.x + b.width + margin) / CELL);
    const y0 = Math.floor((b.y - margin) / CELL);
    const y1 = Math.floor((b.y + b.height + margin) / CELL);
    for (let gx = x0; gx <= x1; gx++) for (let gy = y0; gy <= y1; gy++) if (visit(gx * 1_000_003 + gy) === true) return true;
    return false;
  };
  const overlaps = (a: LabelBox, b: LabelBox) =>
    a.x < b.x + b.width + margin && b.x < a.x + a.width + margin && a.y < b.y + b.height + margin && b.y < a.y + a.height + margin;
  boxes.forEach((b, i) => {
    if (!(b.width > 0 && b.height > 0)) return;
    const hit = cellsOf(b, (key) => grid.get(key)?.some((j) => overlaps(b, boxes[j] as LabelBox)));
    if (hit) return;
    keep[i] = true;
    cellsOf(b, (key) => {
      const list = grid.get(key);
      if (list) list.push(i);
      else grid.set(key, [i]);
    });
  });
  return keep;
}

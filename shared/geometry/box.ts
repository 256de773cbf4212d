/** An axis-aligned rectangle: screen pixels or canvas units, whichever the caller works in. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Whether two boxes overlap, or come closer than `gap`; boxes that only touch do not overlap. */
export function overlaps(a: Box, b: Box, gap = 0): boolean {
  return a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;
}

/** The smallest box holding all the boxes, or null for none. */
export function boundsOf(boxes: Iterable<Box>): Box | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const b of boxes) {
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.width);
    y1 = Math.max(y1, b.y + b.height);
  }
  return x0 === Infinity ? null : { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/**
 * Boxes bucketed on a uniform grid, so "does this box overlap any of them?" looks at the few boxes nearby
 * instead of all of them. `cell` should be about the size of a typical box.
 */
export class BoxGrid {
  private readonly cells = new Map<number, Box[]>();

  constructor(
    private readonly cell: number,
    /** Boxes closer than this count as overlapping. */
    private readonly gap = 0,
  ) {}

  /**
   * Visit the keys of the cells a box (grown by the gap) touches until `visit` returns true. Keys are numbers
   * (cheaper than strings per test); two cells sharing a key only costs a few more overlap checks.
   */
  private someCell(b: Box, visit: (key: number) => boolean): boolean {
    const g = this.gap;
    const cx0 = Math.floor((b.x - g) / this.cell);
    const cy0 = Math.floor((b.y - g) / this.cell);
    const cx1 = Math.floor((b.x + b.width + g) / this.cell);
    const cy1 = Math.floor((b.y + b.height + g) / this.cell);
    for (let cx = cx0; cx <= cx1; cx++) for (let cy = cy0; cy <= cy1; cy++) if (visit(cx * 1_000_003 + cy)) return true;
    return false;
  }

  add(b: Box): void {
    this.someCell(b, (key) => {
      const list = this.cells.get(key);
      if (list) list.push(b);
      else this.cells.set(key, [b]);
      return false;
    });
  }

  /** Whether `b` overlaps (or comes within the gap of) any box added. */
  hits(b: Box): boolean {
    return this.someCell(b, (key) => this.cells.get(key)?.some((other) => overlaps(b, other, this.gap)) ?? false);
  }
}

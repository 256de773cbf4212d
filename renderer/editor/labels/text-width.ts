/** The font labels are drawn in (label-layer.css): measured once per text, for laying labels out without the DOM. */
export const LABEL_FONT_PX = 11;
const FONT = `600 ${LABEL_FONT_PX}px system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif`;

const widths = new Map<string, number>();
let context: CanvasRenderingContext2D | null | undefined;

/** Width in pixels of a label's text, rounded up; an estimate where no canvas can measure (tests without a DOM). */
export function textWidth(text: string): number {
  const known = widths.get(text);
  if (known !== undefined) return known;
  if (context === undefined) context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  let w: number;
  if (context) {
    context.font = FONT;
    w = Math.ceil(context.measureText(text).width);
  } else w = Math.ceil(text.length * LABEL_FONT_PX * 0.62);
  widths.set(text, w);
  return w;
}

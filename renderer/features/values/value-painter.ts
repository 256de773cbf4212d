/**
 * Paints the value layer on a canvas over the schematic: one pass per frame over the visible labels. Drawing
 * 200 changing numbers as DOM text cost 25–50 ms of layout and paint per frame in software rendering; a canvas
 * costs a few. Colours are Okabe–Ito (safe for colour-blind users) and every state also has its own symbol,
 * outline and words.
 */
import type { Reading, ReadingState } from '../../../shared/series/cursor-reading';
import type { EquipmentState } from '../../../shared/twin/equipment-state';
import { positionText, readingText } from './reading-text';
import {
  badgeCandidates,
  cardCandidates,
  POSITION_BADGE,
  ROW_GAP,
  ROW_HEIGHT,
  RUN_BADGE,
  type LabelPlacement,
  type ValueScene,
  type ViewTransform,
} from './value-scene';
import { STATE_SYMBOL } from './state-marks';

export const COLOURS = {
  exact: '#0072b2',
  approximate: '#56b4e9',
  stale: '#e69f00',
  missing: '#d55e00',
  running: '#009e73',
  stopped: '#4d4d4d',
  text: '#1a1a1a',
  muted: '#4d4d4d',
} as const;

const STYLE: Record<ReadingState, { border: string; dash: number[]; width: number; fill: string; text: string; mark: string }> = {
  exact: { border: COLOURS.exact, dash: [], width: 1, fill: 'rgba(255,255,255,0.94)', text: COLOURS.text, mark: COLOURS.exact },
  approximate: { border: COLOURS.approximate, dash: [3, 2], width: 1, fill: 'rgba(255,255,255,0.94)', text: COLOURS.text, mark: '#1f6f99' },
  stale: { border: COLOURS.stale, dash: [3, 2], width: 1, fill: 'rgba(255,244,219,0.96)', text: '#5a4a2a', mark: '#8a5a00' },
  missing: { border: COLOURS.missing, dash: [1.5, 1.5], width: 2, fill: 'rgba(251,230,220,0.96)', text: '#8c2f00', mark: COLOURS.missing },
};

const FONT = '11px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const BOLD = `600 ${FONT}`;
const SMALL = '10px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

export interface PaintInput {
  scene: ValueScene;
  placement: LabelPlacement;
  view: ViewTransform & { width: number; height: number };
  readings: Readonly<Record<string, Reading>>;
  decimals: Readonly<Record<string, number>>;
  equipment: Readonly<Record<string, EquipmentState>>;
}

function box(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, fill: string, stroke: string, dash: number[], lineWidth: number): void {
  ctx.beginPath();
  ctx.roundRect(x + 0.5, y + 0.5, w - 1, h - 1, 3);
  ctx.fillStyle = fill;
  ctx.fill();
  ctx.setLineDash(dash);
  ctx.lineWidth = lineWidth;
  ctx.strokeStyle = stroke;
  ctx.stroke();
}

/** Draw one text part and return the x after it. */
function part(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, font: string, colour: string): number {
  ctx.font = font;
  ctx.fillStyle = colour;
  ctx.fillText(text, x, y);
  return x + ctx.measureText(text).width;
}

function paintRow(ctx: CanvasRenderingContext2D, x: number, y: number, row: ValueScene['cards'][number]['rows'][number], input: PaintInput): void {
  const reading = input.readings[row.sensor.id];
  const mid = y + ROW_HEIGHT / 2 + 0.5;
  if (!reading) {
    box(ctx, x, y, 40, ROW_HEIGHT, 'rgba(255,255,255,0.9)', '#cccccc', [], 1);
    part(ctx, '…', x + 5, mid, FONT, '#888888');
    return;
  }
  const style = STYLE[reading.state];
  const { value, note } = readingText(reading, row.sensor, input.decimals[row.sensor.id] ?? 1);
  // Measure first, so the box fits its text.
  ctx.font = SMALL;
  const markW = ctx.measureText(STATE_SYMBOL[reading.state]).width;
  ctx.font = FONT;
  const roleW = row.role ? ctx.measureText(row.role).width + 4 : 0;
  ctx.font = BOLD;
  const valueW = ctx.measureText(value).width;
  ctx.font = SMALL;
  const noteW = note ? ctx.measureText(note).width + 4 : 0;
  const redundant = row.redundant ? `⇄${row.redundant + 1}` : '';
  const redundantW = redundant ? ctx.measureText(redundant).width + 5 : 0;
  const w = 4 + markW + 3 + roleW + valueW + noteW + redundantW + 5;
  box(ctx, x, y, w, ROW_HEIGHT, style.fill, style.border, style.dash, style.width);
  let cx = part(ctx, STATE_SYMBOL[reading.state], x + 4, mid, SMALL, style.mark) + 3;
  if (row.role) cx = part(ctx, row.role, cx, mid, FONT, COLOURS.muted) + 4;
  cx = part(ctx, value, cx, mid, reading.state === 'stale' ? FONT : BOLD, style.text);
  if (note) cx = part(ctx, note, cx + 4, mid, SMALL, style.text);
  if (redundant) part(ctx, redundant, cx + 5, mid, SMALL, COLOURS.muted);
}

function paintBadge(ctx: CanvasRenderingContext2D, left: number, y: number, state: EquipmentState, stale: { running: boolean; position: boolean }): void {
  let x = left;
  const mid = y + ROW_HEIGHT / 2 + 0.5;
  if (state.running !== null) {
    const running = state.running;
    const colour = running ? COLOURS.running : COLOURS.stopped;
    box(ctx, x, y, RUN_BADGE, ROW_HEIGHT, running ? colour : '#ffffff', colour, stale.running ? [3, 2] : [], 1);
    part(ctx, running ? '▶ Running' : '■ Stopped', x + 5, mid, running ? BOLD : FONT, running ? '#ffffff' : colour);
    x += RUN_BADGE + 3;
  }
  if (state.position !== null) {
    box(ctx, x, y, POSITION_BADGE, ROW_HEIGHT, '#ffffff', COLOURS.exact, stale.position ? [3, 2] : [], 1);
    // A small bar filled to the opening, then the words.
    ctx.setLineDash([]);
    ctx.strokeStyle = COLOURS.exact;
    ctx.strokeRect(x + 4.5, y + 4.5, 22, 6);
    ctx.fillStyle = COLOURS.exact;
    ctx.fillRect(x + 5, y + 5, (21 * state.position) / 100, 5);
    const { symbol, text } = positionText(state.position);
    part(ctx, `${symbol} ${text}`, x + 31, mid, FONT, '#112233');
  }
}

/** Paint the placed labels of a scene (the canvas is already sized and cleared, in CSS pixels). */
export function paintValues(ctx: CanvasRenderingContext2D, input: PaintInput): void {
  const { scene, placement, view } = input;
  const off = (b: { x: number; y: number; width: number; height: number }) => b.x > view.width || b.x + b.width < 0 || b.y > view.height || b.y + b.height < 0;
  ctx.textBaseline = 'middle';
  scene.badges.forEach((b, i) => {
    const k = placement.badges[i] ?? -1;
    if (k < 0) return;
    const state = input.equipment[b.assetId];
    if (!state || (state.running === null && state.position === null)) return;
    const box = badgeCandidates(b, view)[k];
    if (!box || off(box)) return;
    const stale = {
      running: state.runningFrom !== null && input.readings[state.runningFrom]?.state === 'stale',
      position: state.positionFrom !== null && input.readings[state.positionFrom]?.state === 'stale',
    };
    paintBadge(ctx, box.x, box.y, state, stale);
  });
  scene.cards.forEach((c, i) => {
    const k = placement.cards[i] ?? -1;
    if (k < 0) return;
    const box = cardCandidates(c, view)[k];
    // A note (an age, "frozen") can make a row wider than the estimate: cull generously.
    if (!box || off({ ...box, x: box.x - box.width, width: box.width * 3 })) return;
    c.rows.forEach((row, r) => paintRow(ctx, box.x, box.y + r * (ROW_HEIGHT + ROW_GAP), row, input));
  });
}

// ISA-5.1 instrument bubbles: the outline says where the function lives, the text says what it is.
import type { PropertyDef, SymbolElement, SymbolPoint } from '../types';
import { choice } from './builders';

/** Where an instrument function is located, as ISA-5.1 draws it. */
export const MOUNTINGS = ['field', 'panel', 'behind-panel', 'shared-display', 'plc', 'computer'] as const;
export type Mounting = (typeof MOUNTINGS)[number];

/** The `mounting` property every bubble carries; its value picks the outline. */
export function mountingProperty(def: Mounting): PropertyDef {
  return choice('mounting', 'Mounting', MOUNTINGS, def);
}

const on = (...values: Mounting[]) => ({ property: 'mounting', equals: values });

/**
 * The bubble outline for every mounting, centred at (c, c) with radius r (so the box is 2c wide), and the
 * tag letters above the loop number. Stubs to ports must be drawn before this so the fill covers their ends.
 */
export function bubble(c: number, r: number): SymbolElement[] {
  const hex: SymbolPoint[] = [0, 60, 120, 180, 240, 300].map((deg) => {
    const a = (deg * Math.PI) / 180;
    return [round(c + (r + 1) * Math.cos(a)), round(c + (r + 1) * Math.sin(a))];
  });
  const sq = { x: c - r, y: c - r, width: 2 * r, height: 2 * r };
  return [
    { type: 'circle', cx: c, cy: c, r, fill: 'background', when: on('field', 'panel', 'behind-panel') },
    { type: 'line', x1: c - r, y1: c, x2: c + r, y2: c, when: on('panel') },
    { type: 'line', x1: c - r, y1: c, x2: c + r, y2: c, dashed: true, when: on('behind-panel') },
    { type: 'rect', ...sq, fill: 'background', when: on('shared-display', 'plc') },
    { type: 'circle', cx: c, cy: c, r, when: on('shared-display') },
    {
      type: 'polygon',
      points: [
        [c, c - r],
        [c + r, c],
        [c, c + r],
        [c - r, c],
      ],
      when: on('plc'),
    },
    { type: 'polygon', points: hex, fill: 'background', when: on('computer') },
    { type: 'text', x: c, y: c - r * 0.38, anchor: [c, c], content: { from: 'tag-letters' }, size: 10 },
    { type: 'text', x: c, y: c + r * 0.42, anchor: [c, c], content: { from: 'tag-loop' }, size: 9 },
  ];
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}

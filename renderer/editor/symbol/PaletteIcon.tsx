import { memo } from 'react';
import type { ComponentDef } from '../../../shared/catalog/types';
import { SymbolShapes, SymbolTexts } from './SymbolShapes';

const ICON = 40;
const NO_PROPERTIES = {};

/** Symbol size in the symbol's own units that keeps a little margin inside the 40 × 40 icon. */
function viewSide(def: ComponentDef): number {
  return Math.max(def.symbol.width, def.symbol.height) * 1.06;
}

/**
 * A component's symbol scaled into a 40 × 40 box for the palette. Line widths stay constant on screen, so
 * a large chiller and a small valve read with the same weight. Bubbles show the bare tag prefix ("TT").
 */
export const PaletteIcon = memo(function PaletteIcon({ def }: { def: ComponentDef }) {
  const { width, height } = def.symbol;
  const side = viewSide(def);
  return (
    <svg
      className="palette-icon"
      width={ICON}
      height={ICON}
      viewBox={`${(width - side) / 2} ${(height - side) / 2} ${side} ${side}`}
      aria-hidden="true"
      focusable="false"
    >
      <g fill="none" stroke="currentColor" strokeLinejoin="round" strokeLinecap="round">
        <SymbolShapes def={def} properties={NO_PROPERTIES} nonScalingStroke />
      </g>
      <SymbolTexts def={def} properties={NO_PROPERTIES} tag={def.tagPrefix} place={(x, y) => ({ x, y })} scale={ICON / side} />
    </svg>
  );
});

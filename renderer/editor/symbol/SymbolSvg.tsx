import { memo } from 'react';
import { applyMatrix, placedSize, placementMatrix, type Rotation } from '../../../shared/catalog/port-geometry';
import type { PropertyValues } from '../../../shared/catalog/symbol-content';
import type { ComponentDef } from '../../../shared/catalog/types';
import { SymbolShapes, SymbolTexts } from './SymbolShapes';

export interface SymbolSvgProps {
  def: ComponentDef;
  tag: string;
  rotation: Rotation;
  flip: boolean;
  properties: PropertyValues;
  /** Leave texts out (the canvas zoomed far out, where they are unreadable and only cost time). */
  hideTexts?: boolean;
}

/**
 * A component's P&ID symbol as inline SVG, sized to the node's placed box (rotated and flipped the same
 * way as its ports). Lines take `currentColor` and opaque fills `--symbol-fill`, so the canvas theme
 * decides the colours; texts stay upright at any rotation.
 */
export const SymbolSvg = memo(function SymbolSvg({ def, tag, rotation, flip, properties, hideTexts = false }: SymbolSvgProps) {
  const { width, height } = placedSize(def, rotation);
  const m = placementMatrix(def.symbol, rotation, flip);
  return (
    <svg
      className="symbol-svg"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      overflow="visible"
      aria-hidden="true"
      focusable="false"
      data-symbol={def.kind}
    >
      <g transform={`matrix(${m.join(' ')})`} fill="none" stroke="currentColor" strokeLinejoin="round" strokeLinecap="round">
        <SymbolShapes def={def} properties={properties} />
      </g>
      {!hideTexts && <SymbolTexts def={def} properties={properties} tag={tag} place={(x, y) => applyMatrix(m, x, y)} />}
    </svg>
  );
});

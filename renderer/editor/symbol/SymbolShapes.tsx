import type { ReactElement } from 'react';
import { elementText, elementVisible, type PropertyValues } from '../../../shared/catalog/symbol-content';
import type { ComponentDef, SymbolElement, SymbolFill } from '../../../shared/catalog/types';

// Presentation attributes, not style attributes: the app's CSP (style-src 'self') would drop inline styles.
const FILL: Record<SymbolFill, string> = { none: 'none', stroke: 'currentColor', background: 'var(--symbol-fill, #fff)' };
const DEFAULT_STROKE = 1.5;
const DEFAULT_FONT = 10;
const MIN_LEGIBLE = 5;

/** Text is drawn upright, so the parent hands it a point already moved to where the node's transform puts it. */
export type PlaceText = (x: number, y: number) => { x: number; y: number };

interface ShapeProps {
  def: ComponentDef;
  properties: PropertyValues;
  /** Keep line widths the same on screen when the symbol is scaled (palette icons). */
  nonScalingStroke?: boolean;
}

type Shape = Exclude<SymbolElement, { type: 'text' }>;

function strokeProps(e: Shape, nonScaling: boolean) {
  const width = e.strokeWidth ?? DEFAULT_STROKE;
  return {
    strokeWidth: width,
    strokeDasharray: e.dashed ? `${width * 3} ${width * 2}` : undefined,
    vectorEffect: nonScaling ? 'non-scaling-stroke' : undefined,
  };
}

function fillOf(e: Shape): string {
  return 'fill' in e && e.fill ? FILL[e.fill] : 'none';
}

function shape(e: Shape, key: number, nonScaling: boolean): ReactElement {
  const s = strokeProps(e, nonScaling);
  switch (e.type) {
    case 'path':
      return <path key={key} d={e.d} fill={fillOf(e)} {...s} />;
    case 'circle':
      return <circle key={key} cx={e.cx} cy={e.cy} r={e.r} fill={fillOf(e)} {...s} />;
    case 'rect':
      return <rect key={key} x={e.x} y={e.y} width={e.width} height={e.height} rx={e.rx} fill={fillOf(e)} {...s} />;
    case 'line':
      return <line key={key} x1={e.x1} y1={e.y1} x2={e.x2} y2={e.y2} {...s} />;
    case 'polygon':
      return <polygon key={key} points={e.points.map((p) => p.join(',')).join(' ')} fill={fillOf(e)} {...s} />;
    case 'polyline':
      return <polyline key={key} points={e.points.map((p) => p.join(',')).join(' ')} fill="none" {...s} />;
  }
}

/** The symbol's shapes (not its text), in the symbol's own coordinates. */
export function SymbolShapes({ def, properties, nonScalingStroke = false }: ShapeProps) {
  return <>{def.symbol.elements.map((e, i) => (e.type === 'text' || !elementVisible(def, e, properties) ? null : shape(e, i, nonScalingStroke)))}</>;
}

/** The symbol's texts (tag letters, loop numbers, labels), each upright at its placed point; `scale` is screen px per symbol unit. */
export function SymbolTexts({ def, properties, tag, place, scale = 1 }: ShapeProps & { tag: string; place: PlaceText; scale?: number }) {
  return (
    <g fill="currentColor" stroke="none" textAnchor="middle" dominantBaseline="central" fontFamily="Arial, Helvetica, sans-serif">
      {def.symbol.elements.map((e, i) => {
        if (e.type !== 'text' || !elementVisible(def, e, properties)) return null;
        // Text scaled below legibility (a chiller's bundle labels in a palette icon) is only noise.
        if ((e.size ?? DEFAULT_FONT) * scale < MIN_LEGIBLE) return null;
        const [ax, ay] = e.anchor ?? [e.x, e.y];
        const a = place(ax, ay);
        const p = { x: a.x + e.x - ax, y: a.y + e.y - ay };
        return (
          <text key={i} x={p.x} y={p.y} fontSize={e.size ?? DEFAULT_FONT} fontWeight={e.weight === 'bold' ? 700 : undefined}>
            {elementText(def, e.content, tag, properties)}
          </text>
        );
      })}
    </g>
  );
}

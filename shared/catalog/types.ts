// The component catalog's data model. The editor, the validator and the demo plant are written against
// these names: add optional fields freely, never rename.
import type { RoleDef } from './roles';

export type PortKind = 'process' | 'signal';
export type Side = 'left' | 'right' | 'top' | 'bottom';

export interface PortDef {
  id: string;
  kind: PortKind;
  side: Side;
  /** 0..1 along the side, measured from the top (left/right sides) or the left (top/bottom sides). */
  offset: number;
  flow: 'in' | 'out' | 'both';
  label: string;
}

export type PropertyDef =
  | { key: string; label: string; type: 'number'; unit?: string; default: number | null; min?: number; max?: number }
  | { key: string; label: string; type: 'string'; default: string }
  | { key: string; label: string; type: 'enum'; options: readonly string[]; default: string }
  | { key: string; label: string; type: 'boolean'; default: boolean };

/** How a shape is filled: not at all, solid in the line colour, or in the canvas background (hides lines behind it). */
export type SymbolFill = 'none' | 'stroke' | 'background';

/**
 * Draw an element only when a property of the asset has one of these values (instrument bubbles change
 * shape with their mounting). When the property is unset, its catalog default decides.
 */
export interface SymbolCondition {
  property: string;
  equals: readonly string[];
}

interface ShapeStyle {
  fill?: SymbolFill;
  dashed?: boolean;
  /** Line width in symbol units; default 1.5 (process equipment outline). */
  strokeWidth?: number;
  when?: SymbolCondition;
}

export type SymbolPoint = readonly [number, number];

/** What a text element prints: fixed text, or a part of the asset's tag (so bubbles show "TT" over "101"). */
export type SymbolTextSource =
  { from: 'literal'; text: string } | { from: 'tag' } | { from: 'tag-letters' } | { from: 'tag-loop' } | { from: 'property'; key: string };

export type SymbolElement =
  | ({ type: 'path'; d: string } & ShapeStyle)
  | ({ type: 'circle'; cx: number; cy: number; r: number } & ShapeStyle)
  | ({ type: 'rect'; x: number; y: number; width: number; height: number; rx?: number } & ShapeStyle)
  | ({ type: 'line'; x1: number; y1: number; x2: number; y2: number } & Omit<ShapeStyle, 'fill'>)
  | ({ type: 'polygon'; points: readonly SymbolPoint[] } & ShapeStyle)
  | ({ type: 'polyline'; points: readonly SymbolPoint[] } & Omit<ShapeStyle, 'fill'>)
  | {
      type: 'text';
      /** Centre of the text; it stays upright however the node is rotated or flipped. */
      x: number;
      y: number;
      /**
       * The point that turns with the symbol; the text keeps its offset from it unrotated, so a bubble's
       * letters stay above its loop number at any rotation. Without it, (x, y) itself turns with the symbol.
       */
      anchor?: SymbolPoint;
      content: SymbolTextSource;
      /** Font size in symbol units; default 10. */
      size?: number;
      weight?: 'normal' | 'bold';
      when?: SymbolCondition;
    };

/** A symbol in its unrotated box; units = CSS px at zoom 1. */
export interface SymbolDef {
  width: number;
  height: number;
  elements: readonly SymbolElement[];
}

export type Category = 'Pumps and compressors' | 'Heat transfer' | 'Vessels' | 'Valves' | 'Piping' | 'Instruments' | 'Control' | 'Air side';

export interface ComponentDef {
  kind: string;
  name: string;
  category: Category;
  description: string;
  tagPrefix: string;
  /** 'loop': P-101, P-102…; 'unit': CH-1, CH-2…. */
  tagNumbering: 'loop' | 'unit';
  ports: readonly PortDef[];
  /** What sensors bound to an asset of this kind may measure (shared/catalog/roles.ts); empty for none. */
  roles?: readonly RoleDef[];
  properties: readonly PropertyDef[];
  symbol: SymbolDef;
  keywords: readonly string[];
}

/**
 * What the value layer draws and where, in flow coordinates: a card of values beside each asset with drawn
 * sensors, a state badge above each piece of equipment with state sensors; and which of them fit on screen at
 * a zoom (screen-space labels are decluttered when zoomed far out).
 */
import { componentByKind } from '../../../shared/catalog/catalog';
import { placedSize } from '../../../shared/catalog/port-geometry';
import { declutter, type LabelBox } from '../../../shared/layout/declutter';
import type { SchematicPlan } from '../../../shared/twin/schematic-plan';
import type { Asset, Sensor } from '../../../shared/twin/schema';
import { roleAbbreviation } from './role-abbreviations';

export interface SceneRow {
  sensor: Sensor;
  /** Role printed before the value (when one asset shows several), else null. */
  role: string | null;
  /** Redundant sensors not drawn because this one is trusted. */
  redundant: number;
}

export interface SceneCard {
  assetId: string;
  /** Left edge and vertical middle, in flow coordinates. */
  x: number;
  y: number;
  rows: SceneRow[];
  /** Size on screen in px (a stable estimate, so decluttering does not flicker as values change). */
  width: number;
  height: number;
}

export interface SceneBadge {
  assetId: string;
  tag: string;
  /** Centre and top edge of the asset, in flow coordinates. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ValueScene {
  cards: SceneCard[];
  badges: SceneBadge[];
}

export const ROW_HEIGHT = 15;
export const ROW_GAP = 1;
/** Average glyph width of the 11 px label font, for estimates. */
const CHAR = 6.4;
/** Widths of the running/stopped and the position parts of a badge, in screen px. */
export const RUN_BADGE = 76;
export const POSITION_BADGE = 108;

function sizeOf(asset: Asset): { width: number; height: number } {
  const def = componentByKind(asset.kind);
  return def ? placedSize(def, asset.rotation) : { width: 60, height: 60 };
}

/** Where each drawn value and state goes; rebuilt when the plan or the drawing changes, not per frame. */
export function buildScene(plan: SchematicPlan, assets: Readonly<Record<string, Asset>>, sensors: Readonly<Record<string, Sensor>>): ValueScene {
  const byAnchor = new Map<string, SceneCard>();
  for (const p of plan.placements) {
    const asset = assets[p.anchorId];
    const sensor = sensors[p.sensorId];
    if (!asset || !sensor) continue;
    let card = byAnchor.get(asset.id);
    if (!card) {
      const { width, height } = sizeOf(asset);
      card = { assetId: asset.id, x: asset.position.x + width + 6, y: asset.position.y + height / 2, rows: [], width: 0, height: 0 };
      byAnchor.set(asset.id, card);
    }
    card.rows.push({ sensor, role: null, redundant: p.redundant.length });
  }
  const cards = [...byAnchor.values()];
  for (const card of cards) {
    const several = card.rows.length > 1;
    let chars = 0;
    for (const row of card.rows) {
      row.role = several ? roleAbbreviation(row.sensor.role) : null;
      // Mark, role, a value of up to nine characters with its unit, a short note.
      chars = Math.max(chars, 2 + (row.role ? row.role.length + 1 : 0) + 9 + (row.sensor.unit?.length ?? 0) + (row.redundant ? 3 : 0));
    }
    card.width = chars * CHAR + 8;
    card.height = card.rows.length * (ROW_HEIGHT + ROW_GAP) - ROW_GAP;
  }
  const badges: SceneBadge[] = [];
  for (const s of plan.states) {
    const asset = assets[s.assetId];
    if (!asset) continue;
    const { width } = sizeOf(asset);
    const runs = s.plan.running.length > 0 ? RUN_BADGE : 0;
    const opens = s.plan.positionSensorId !== null ? POSITION_BADGE : 0;
    badges.push({
      assetId: asset.id,
      tag: asset.tag,
      x: asset.position.x + width / 2,
      y: asset.position.y - 3,
      width: runs + opens + (runs && opens ? 3 : 0),
      height: ROW_HEIGHT,
    });
  }
  return { cards, badges };
}

/** The viewport: flow → screen is `screen = flow × zoom + (x, y)`. */
export interface ViewTransform {
  x: number;
  y: number;
  zoom: number;
}

/** Screen boxes of a scene's badges and cards at a transform. */
export function sceneBoxes(scene: ValueScene, t: ViewTransform): { badges: LabelBox[]; cards: LabelBox[] } {
  return {
    badges: scene.badges.map((b) => ({ x: b.x * t.zoom + t.x - b.width / 2, y: b.y * t.zoom + t.y - b.height, width: b.width, height: b.height })),
    cards: scene.cards.map((c) => ({ x: c.x * t.zoom + t.x, y: c.y * t.zoom + t.y - c.height / 2, width: c.width, height: c.height })),
  };
}

/**
 * Which badges and cards to draw at a zoom: all that fit without covering each other, states before values
 * and the selected assets' labels before all others. Depends on the zoom only (panning moves all alike).
 */
export function visibleLabels(scene: ValueScene, zoom: number, selected: ReadonlySet<string>): { badges: boolean[]; cards: boolean[] } {
  const boxes = sceneBoxes(scene, { x: 0, y: 0, zoom });
  const order: { kind: 'badge' | 'card'; i: number; box: LabelBox }[] = [];
  const push = (kind: 'badge' | 'card', first: boolean) => {
    const list = kind === 'badge' ? scene.badges : scene.cards;
    list.forEach((item, i) => {
      if (selected.has(item.assetId) === first) order.push({ kind, i, box: (kind === 'badge' ? boxes.badges : boxes.cards)[i] as LabelBox });
    });
  };
  push('badge', true);
  push('card', true);
  push('badge', false);
  push('card', false);
  const keep = declutter(order.map((o) => o.box));
  const out = { badges: scene.badges.map(() => false), cards: scene.cards.map(() => false) };
  order.forEach((o, k) => {
    if (keep[k]) (o.kind === 'badge' ? out.badges : out.cards)[o.i] = true;
  });
  return out;
}

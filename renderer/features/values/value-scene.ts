/**
 * What the value layer draws and where: a card of values beside each asset with drawn sensors, a state badge
 * above each piece of equipment with state sensors; and where each fits on screen at a zoom. Labels are sized
 * in screen pixels, so zoomed out they are placed around their symbol wherever they cover nothing, and left
 * out where nothing is free (decluttered).
 */
import { componentByKind } from '../../../shared/catalog/catalog';
import { placedSize } from '../../../shared/catalog/port-geometry';
import type { Box } from '../../../shared/geometry/box';
import { placeLabels } from '../../../shared/geometry/declutter';
import type { SchematicPlan } from '../../../shared/twin/schematic-plan';
import type { Asset, Sensor } from '../../../shared/twin/schema';
import { FAR_ZOOM } from '../../editor/level-of-detail';
import { roleAbbreviation } from './role-abbreviations';

export interface SceneRow {
  sensor: Sensor;
  /** Role printed before the value (when one asset shows several), else null. */
  role: string | null;
  /** Redundant sensors not drawn because this one is trusted. */
  redundant: number;
}

/** An asset's box in flow coordinates. */
export interface FlowBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SceneCard {
  assetId: string;
  /** The asset the card belongs to, in flow coordinates. */
  asset: FlowBox;
  rows: SceneRow[];
  /** Size on screen in px (a stable estimate, so placement does not flicker as values change). */
  width: number;
  height: number;
}

export interface SceneBadge {
  assetId: string;
  tag: string;
  asset: FlowBox;
  width: number;
  height: number;
}

export interface ValueScene {
  /** Every drawn value's sensor: in a card, or told by a badge (a status shown as Running/Stopped). */
  values: Sensor[];
  cards: SceneCard[];
  badges: SceneBadge[];
  /** Symbols labels should not cover, in flow coordinates. */
  symbols: FlowBox[];
}

export const ROW_HEIGHT = 15;
export const ROW_GAP = 1;
/** Widths of the running/stopped and the position parts of a badge, in screen px. */
export const RUN_BADGE = 76;
export const POSITION_BADGE = 108;
/** Average glyph width of the 11 px label font, and the space a symbol's tag text takes below it at zoom 1. */
const CHAR = 6.2;
const TAG_TEXT = 16;
const TAG_LABEL = 16;
const GAP = 3;
/** Clear space between two value labels, in px. */
const LABEL_GAP = 2;

const EMPTY_SCENE: ValueScene = { values: [], cards: [], badges: [], symbols: [] };

function boxOf(asset: Asset): FlowBox {
  const def = componentByKind(asset.kind);
  const { width, height } = def ? placedSize(def, asset.rotation) : { width: 60, height: 60 };
  return { x: asset.position.x, y: asset.position.y, width, height };
}

/** Where each drawn value and state goes; rebuilt when the plan or the drawing changes, not per frame. */
export function buildScene(plan: SchematicPlan, assets: Readonly<Record<string, Asset>>, sensors: Readonly<Record<string, Sensor>>): ValueScene {
  if (plan.placements.length === 0 && plan.states.length === 0) return EMPTY_SCENE;
  const byAnchor = new Map<string, SceneCard>();
  const values: Sensor[] = [];
  // A status bound to the equipment itself is drawn as its Running/Stopped badge, not a second time as on/off.
  const inBadge = new Set<string>();
  for (const s of plan.states) for (const r of s.plan.running) if (r.by === 'status' && sensors[r.sensorId]?.assetId === s.assetId) inBadge.add(r.sensorId);
  for (const p of plan.placements) {
    const asset = assets[p.anchorId];
    const sensor = sensors[p.sensorId];
    if (!asset || !sensor) continue;
    values.push(sensor);
    if (inBadge.has(sensor.id)) continue;
    let card = byAnchor.get(asset.id);
    if (!card) {
      card = { assetId: asset.id, asset: boxOf(asset), rows: [], width: 0, height: 0 };
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
      // Mark, role, a value of up to seven characters with its unit.
      chars = Math.max(chars, 2 + (row.role ? row.role.length + 1 : 0) + 7 + (row.sensor.unit ? row.sensor.unit.length + 1 : 0) + (row.redundant ? 3 : 0));
    }
    card.width = Math.round(chars * CHAR + 9);
    card.height = card.rows.length * (ROW_HEIGHT + ROW_GAP) - ROW_GAP;
  }
  const badges: SceneBadge[] = [];
  for (const s of plan.states) {
    const asset = assets[s.assetId];
    if (!asset) continue;
    const runs = s.plan.running.length > 0 ? RUN_BADGE : 0;
    const opens = s.plan.positionSensorId !== null ? POSITION_BADGE : 0;
    badges.push({ assetId: asset.id, tag: asset.tag, asset: boxOf(asset), width: runs + opens + (runs && opens ? 3 : 0), height: ROW_HEIGHT });
  }
  const symbols = Object.values(assets)
    .filter((a) => a.kind !== 'pipe-junction')
    .map(boxOf);
  return { values, cards, badges, symbols };
}

/** The viewport: flow → screen is `screen = flow × zoom + (x, y)`. */
export interface ViewTransform {
  x: number;
  y: number;
  zoom: number;
}

/**
 * A symbol's box on screen with room for its tag under it: the tag drawn at the canvas' zoom, or a tag
 * label of constant screen size (about 16 px), whichever is taller, so values never cover tags.
 */
function symbolBox(a: FlowBox, t: ViewTransform): Box {
  const tag = Math.max(TAG_LABEL, t.zoom >= FAR_ZOOM ? TAG_TEXT * t.zoom : 0);
  return { x: a.x * t.zoom + t.x, y: a.y * t.zoom + t.y, width: a.width * t.zoom, height: a.height * t.zoom + tag };
}

/** Candidate screen boxes of a card, in order of preference: right of its symbol, below, left, above. */
export function cardCandidates(card: SceneCard, t: ViewTransform): Box[] {
  const s = symbolBox(card.asset, t);
  const midY = s.y + (card.asset.height * t.zoom) / 2 - card.height / 2;
  const midX = s.x + s.width / 2 - card.width / 2;
  return [
    { x: s.x + s.width + GAP, y: midY, width: card.width, height: card.height },
    { x: midX, y: s.y + s.height + GAP, width: card.width, height: card.height },
    { x: s.x - GAP - card.width, y: midY, width: card.width, height: card.height },
    { x: midX, y: s.y - GAP - card.height, width: card.width, height: card.height },
  ];
}

/** Candidate screen boxes of a badge: centred above its symbol, else below it (under its tag), right, left. */
export function badgeCandidates(badge: SceneBadge, t: ViewTransform): Box[] {
  const s = symbolBox(badge.asset, t);
  const { width, height } = badge;
  const midX = s.x + s.width / 2 - width / 2;
  const midY = s.y + (badge.asset.height * t.zoom) / 2 - height / 2;
  return [
    { x: midX, y: s.y - GAP - height, width, height },
    { x: midX, y: s.y + s.height + GAP, width, height },
    { x: s.x + s.width + GAP, y: midY, width, height },
    { x: s.x - GAP - width, y: midY, width, height },
  ];
}

/** Where labels go at a zoom: per card and per badge the candidate used (-1: left out). */
export interface LabelPlacement {
  cards: number[];
  badges: number[];
}

/**
 * Place the labels at a zoom: states before values, the selected assets' labels before all others, none
 * covering another label or a tag label drawn by the tag layer (`tags`: their screen boxes from the canvas
 * origin), and none but the selection's covering a symbol. Depends on the zoom only (panning moves
 * everything alike).
 */
export function placeSceneLabels(scene: ValueScene, zoom: number, selected: ReadonlySet<string>, tags: readonly Box[] = []): LabelPlacement {
  const t = { x: 0, y: 0, zoom };
  const out: LabelPlacement = { cards: scene.cards.map(() => -1), badges: scene.badges.map(() => -1) };
  const group = (first: boolean) => {
    const list: { kind: 'badges' | 'cards'; i: number; options: Box[] }[] = [];
    scene.badges.forEach((b, i) => selected.has(b.assetId) === first && list.push({ kind: 'badges', i, options: badgeCandidates(b, t) }));
    scene.cards.forEach((c, i) => selected.has(c.assetId) === first && list.push({ kind: 'cards', i, options: cardCandidates(c, t) }));
    return list;
  };
  // The selection's labels are drawn even over symbols; everything else keeps clear of symbols and of them.
  // No value covers a tag: the tags are placed first (by the tag layer) and are obstacles to all values.
  const mine = group(true);
  const placed: Box[] = [];
  placeLabels(
    mine.map((o) => o.options),
    { obstacles: tags, gap: LABEL_GAP },
  ).forEach((k, n) => {
    const o = mine[n] as (typeof mine)[number];
    out[o.kind][o.i] = k;
    if (k >= 0) placed.push(o.options[k] as Box);
  });
  const rest = group(false);
  placeLabels(
    rest.map((o) => o.options),
    { obstacles: [...scene.symbols.map((s) => symbolBox(s, t)), ...placed, ...tags], gap: LABEL_GAP },
  ).forEach((k, n) => {
    const o = rest[n] as (typeof rest)[number];
    out[o.kind][o.i] = k;
  });
  return out;
}

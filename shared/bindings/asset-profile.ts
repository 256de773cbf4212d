import { componentByKind } from '../catalog/catalog';
import { measuredAssetOf } from '../twin/asset-sensors';
import { splitTag } from '../twin/auto-tag';
import type { Asset } from '../twin/schema';
import type { TwinState } from '../twin/state';
import { readTokens } from './concepts';
import { tokenize, type NameToken } from './name-tokens';

/** What a drawn asset is, as names speak of it. */
export interface AssetProfile {
  asset: Asset;
  /** The tag as tokens, to find it inside a series name (`CH-1` in `B7_CH1_KW`). */
  tagTokens: NameToken[];
  /** Equipment concept of its kind (`chiller`, `pump`…), or `instrument` for bubbles and controllers. */
  type: string;
  /** Its unit or loop number. */
  number: number | null;
  /** Whether other assets of its kind are numbered too, so a name must say which one. */
  hasSiblings: boolean;
  /** Concepts of its tag prefix, name, service and systems. */
  concepts: Set<string>;
  /** For an instrument or controller: the measure of its ISA first letter (`TT` → temperature). */
  variable: string | null;
  /** The equipment it is wired to: measured by a bubble, or driven by a controller. */
  equipment: AssetProfile | null;
  /** Rated electrical power in kW, when its properties say. */
  ratedKw: number | null;
  /** Whether it is a bubble or a controller. */
  isInstrument: boolean;
}

/** What a kind has that its name may not say: a tower's or an air handler's fan. */
const KIND_CONCEPTS: Record<string, readonly string[]> = { 'cooling-tower': ['fan'], ahu: ['fan', 'air'], fan: ['fan'], 'cooling-coil': ['air'] };

const KIND_TYPES: Record<string, string> = {
  chiller: 'chiller',
  'centrifugal-pump': 'pump',
  'pd-pump': 'pump',
  'cooling-tower': 'tower',
  header: 'header',
  'cooling-coil': 'coil',
  ahu: 'ahu',
  boiler: 'boiler',
  'shell-tube-hx': 'hx',
  'plate-hx': 'hx',
  tank: 'tank',
  vessel: 'tank',
  'expansion-tank': 'tank',
  vfd: 'vfd',
  compressor: 'compressor',
  fan: 'fan',
  filter: 'filter',
  damper: 'valve',
};

/** ISA-5.1 first letters and the measure they stand for; longest first. */
const ISA: readonly [string, string][] = [
  ['PD', 'dp'],
  ['T', 'temperature'],
  ['P', 'pressure'],
  ['F', 'flow'],
  ['J', 'power'],
  ['S', 'speed'],
  ['Z', 'position'],
  ['L', 'level'],
  ['I', 'current'],
  ['Y', 'status'],
  ['H', 'command'],
];

function typeOf(asset: Asset): string {
  const def = componentByKind(asset.kind);
  if (def?.category === 'Instruments' || def?.category === 'Control') return 'instrument';
  if (def?.category === 'Valves') return 'valve';
  return KIND_TYPES[asset.kind] ?? asset.kind;
}

function variableOf(asset: Asset): string | null {
  const letters = /^(?:[A-Z0-9]+-)?([A-Z]+)-?\d/.exec(asset.tag.toUpperCase())?.[1] ?? componentByKind(asset.kind)?.tagPrefix ?? '';
  return ISA.find(([l]) => letters.startsWith(l))?.[1] ?? null;
}

function ratedKw(asset: Asset): number | null {
  const p = asset.properties;
  const num = (k: string) => (typeof p[k] === 'number' ? (p[k] as number) : null);
  const cop = num('designCop');
  const capacity = num('capacity');
  if (asset.kind === 'chiller' && capacity !== null && cop) return capacity / cop;
  return num('motorKw') ?? num('fanKw') ?? num('ratedKw') ?? (asset.kind === 'power-transmitter' ? num('rangeHigh') : null);
}

function conceptsOf(text: string): Set<string> {
  return readTokens(tokenize(text)).concepts;
}

/**
 * The equipment an instrument tells about: the one a bubble's process connection is wired to, or the one
 * a controller drives (else the equipment its measurement comes from).
 */
function wiredEquipment(twin: TwinState, asset: Asset): string | null {
  const measured = measuredAssetOf(twin, { assetId: asset.id });
  if (componentByKind(asset.kind)?.category !== 'Control') return measured !== asset.id ? measured : null;
  const driven = Object.values(twin.connections).filter((c) => c.kind === 'signal' && c.from.asset === asset.id && c.from.port === 'out');
  if (driven.length === 1) return driven[0]?.to.asset ?? null;
  if (measured === asset.id) return null;
  const upstream = measuredAssetOf(twin, { assetId: measured });
  return upstream ?? measured;
}

/** Profiles of every asset of a drawing, by id. */
export function assetProfiles(twin: TwinState): Map<string, AssetProfile> {
  const byType = new Map<string, number>();
  const base = new Map<string, AssetProfile>();
  const systemsOf = new Map<string, string[]>();
  for (const sys of Object.values(twin.systems)) for (const id of sys.assetIds) systemsOf.set(id, [...(systemsOf.get(id) ?? []), sys.name]);
  for (const asset of Object.values(twin.assets)) {
    const type = typeOf(asset);
    const tagTokens = tokenize(asset.tag);
    const concepts = readTokens(tagTokens).concepts;
    for (const c of conceptsOf(asset.name)) concepts.add(c);
    for (const c of KIND_CONCEPTS[asset.kind] ?? []) concepts.add(c);
    const service = asset.properties.service;
    if (typeof service === 'string') for (const c of conceptsOf(service)) concepts.add(c);
    const number = splitTag(asset.tag).number;
    const isInstrument = type === 'instrument';
    // Units numbered 1, 2, 3 (chillers, towers, pumps) are told apart by number; headers and bubbles by what they serve.
    if (number !== null && number < 100 && !isInstrument) byType.set(asset.kind, (byType.get(asset.kind) ?? 0) + 1);
    const variable = isInstrument ? variableOf(asset) : null;
    if (variable) concepts.add(variable);
    base.set(asset.id, {
      asset,
      tagTokens,
      type,
      number,
      hasSiblings: false,
      concepts,
      variable,
      equipment: null,
      ratedKw: ratedKw(asset),
      isInstrument,
    });
  }
  for (const p of base.values()) {
    p.hasSiblings = p.number !== null && p.number < 100 && !p.isInstrument && (byType.get(p.asset.kind) ?? 0) > 1;
    // Systems are broad ("Chilled water loop" holds the chillers and the condenser pumps): they only fill in.
    if (!p.concepts.has('chw') && !p.concepts.has('cw')) {
      const sys = systemsOf.get(p.asset.id) ?? [];
      if (sys.length === 1) for (const c of conceptsOf(sys[0] as string)) if (c === 'chw' || c === 'cw' || c === 'hw') p.concepts.add(c);
    }
    if (p.isInstrument) {
      const eq = wiredEquipment(twin, p.asset);
      const equipment = eq !== null ? base.get(eq) : undefined;
      if (equipment) p.equipment = equipment;
    }
  }
  return base;
}

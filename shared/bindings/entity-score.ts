import type { AssetProfile } from './asset-profile';
import type { SeriesProfile } from './series-profile';
import { AXES, MEASURES } from './vocabulary';

/** Qualifiers that tell one asset from another of its kind (which circuit, which end, which part of the plant). */
const IDENTITY = new Set([
  'chw',
  'cw',
  'hw',
  'supply',
  'return',
  'leaving',
  'entering',
  'evap',
  'cond',
  'primary',
  'secondary',
  'bypass',
  'whole',
  'outdoor',
  'basin',
  'air',
  'loop',
  'wetbulb',
  'fan',
  'saturation',
  'suction',
  'discharge',
]);

/** Clues that set one asset apart: a name saying one, about an asset that has nothing of it, points elsewhere. */
const DISTINCT = new Set(['bypass', 'whole', 'outdoor', 'basin', 'loop', 'wetbulb', 'primary', 'secondary']);

/** Words for the plant as a whole are one clue, however they are said. */
const WHOLE = new Set(['plant', 'total', 'main', 'building']);
const canonical = (c: string) => (WHOLE.has(c) ? 'whole' : c);

const canonicalSets = new WeakMap<AssetProfile, Set<string>>();
function has(p: AssetProfile | null, concept: string): boolean {
  if (!p) return false;
  let set = canonicalSets.get(p);
  if (!set) canonicalSets.set(p, (set = new Set([...p.concepts].map(canonical))));
  return set.has(concept);
}

function opposes(p: AssetProfile | null, concept: string): boolean {
  const axis = AXES.find((a) => a.includes(concept));
  return !!axis && axis.some((o) => o !== concept && has(p, o));
}

/** The concepts of a name that identify an asset, once each. */
export function identityOf(s: SeriesProfile): string[] {
  let ids = identities.get(s);
  if (!ids) identities.set(s, (ids = [...new Set([...s.read.concepts].map(canonical))].filter((c) => IDENTITY.has(c))));
  return ids;
}
const identities = new WeakMap<SeriesProfile, string[]>();

/**
 * How well a series name points at an asset, or null when it rules the asset out (it names another
 * tag, or the same kind of equipment with another number). An instrument is judged with the equipment it
 * is wired to, so `B7_CH1_KW` points at JT-115 as much as at CH-1.
 */
export function entityScore(s: SeriesProfile, a: AssetProfile): number | null {
  const eq = a.equipment;
  let e = 0;
  if (s.tagged.length > 0) {
    if (s.tagged.includes(a)) e += 10;
    else if (eq && s.tagged.includes(eq)) e += 8;
    else return null;
  }
  const refs = s.read.equipment;
  const subject = a.isInstrument && eq ? eq : a;
  if (refs.length > 0) {
    const ref = refs.find((r) => r.concept === a.type || r.concept === eq?.type);
    if (!ref) e -= 6;
    else {
      e += 3;
      if (ref.number !== null) {
        const n = ref.concept === a.type ? a.number : (eq?.number ?? null);
        if (n !== ref.number) return null;
        e += 4;
      }
    }
  } else if (s.tagged.length === 0 && subject.hasSiblings) {
    // Two chillers: a name that does not say which one points at neither for sure.
    const loose = s.read.looseNumbers[0];
    if (loose === undefined) e -= 2;
    else e += loose === subject.number ? 2.5 : -1;
  }
  for (const c of identityOf(s)) {
    if (has(a, c) || has(eq, c)) e += 1.5;
    else if (opposes(a, c) || opposes(eq, c)) e -= 4;
    else if (DISTINCT.has(c)) e -= 1.5;
  }
  // Measures said before the last one describe the thing: a "flow control" command is an FIC's.
  for (const m of s.read.concepts) {
    if (!MEASURES.has(m) || m === s.read.measure || m === 'setpoint') continue;
    if (a.variable === m || (eq?.variable ?? null) === m) e += 1.5;
  }
  // Supply and return are said of a loop's headers, leaving and entering of a machine's own water.
  const said = s.read.concepts;
  if ((said.has('supply') || said.has('return')) && subject.type === 'header') e += 1;
  if ((said.has('leaving') || said.has('entering')) && ['chiller', 'coil', 'hx', 'boiler'].includes(subject.type)) e += 1;
  return e;
}

/**
 * What the asset adds to a name for a role: the qualifiers the name leaves open (a header's side), and
 * everything when the name names no measure at all (`TT-111.PV`). A bubble's own name fills in only when
 * the series carries its tag: otherwise the bubble is one of several on its equipment and its name says
 * which one it is, not what the series is.
 */
export function contextOf(s: SeriesProfile, a: AssetProfile): Set<string> {
  const out = new Set<string>();
  const equipment = a.equipment ? [...a.equipment.concepts].filter((c) => !MEASURES.has(c)) : [];
  if (s.read.measure === null) {
    for (const c of [...a.concepts, ...equipment]) out.add(c);
    if (a.variable) out.add(a.variable);
    return out;
  }
  const sides = !a.isInstrument || s.tagged.includes(a) ? [...a.concepts, ...equipment] : equipment;
  for (const axis of AXES) {
    if (axis.some((c) => s.read.concepts.has(c))) continue;
    for (const c of sides) if (axis.includes(c)) out.add(c);
  }
  for (const c of ['fan', 'outdoor', 'basin', 'air', 'saturation']) if (a.concepts.has(c)) out.add(c);
  return out;
}

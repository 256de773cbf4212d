import { dimensionOfUnit } from '../catalog/units';
import type { RejectedSuggestion } from '../twin/schema';
import type { TwinState } from '../twin/state';
import { assetProfiles, type AssetProfile } from './asset-profile';
import { contextOf, entityScore } from './entity-score';
import { roleFit } from './role-signatures';
import { seriesProfiles, type SeriesInput, type SeriesProfile } from './series-profile';
import { rolesFor, TargetIndex } from './targets';
import { valueEvidence } from './value-evidence';

export type { SeriesInput } from './series-profile';

/** A proposed binding: a series, the asset and role it most likely belongs to, and how sure that is (0–1). */
export interface Suggestion {
  series: string;
  assetId: string;
  assetTag: string;
  role: string;
  confidence: number;
  /** The unit the source declares, to bind with. */
  unit: string | null;
}

/** Suggestions at or above this confidence are the ones "Accept all" takes by default. */
export const DEFAULT_THRESHOLD = 0.7;

export interface SuggestOptions {
  /** Suggestions the user turned down for this project: never offered again (nor the same binding by another asset). */
  rejected?: readonly RejectedSuggestion[];
}

interface Candidate {
  target: AssetProfile;
  role: string;
  score: number;
  key: string;
  /** Whether the name itself says what is measured (else only the asset's kind or name does). */
  named: boolean;
}

function candidatesFor(s: SeriesProfile, profiles: ReadonlyMap<string, AssetProfile>, index: TargetIndex): Candidate[] {
  const best = new Map<string, Candidate>();
  for (const a of profiles.values()) {
    const entity = entityScore(s, a);
    // Another kind of equipment than the name says, or a clash of circuits: it cannot come out on top.
    if (entity === null || entity <= -5) continue;
    const context = contextOf(s, a);
    for (const role of rolesFor(a)) {
      const fit = roleFit(role.id, s.read.concepts, s.read.measure, context);
      if (fit === null) continue;
      const target = index.refine(a, role.id);
      const values = valueEvidence(role.id, s, target);
      if (values === null) continue;
      const score = entity + fit + values + index.prior(target, role.id);
      const key = `${index.subject(target)}|${role.id}`;
      const known = best.get(key);
      if (!known || score > known.score) best.set(key, { target, role: role.id, score, key, named: s.read.measure !== null });
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score);
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * How sure a choice is: a clear name (a good score) and no close rival. Words the engine could not read
 * make it less sure, since they may say something it missed.
 */
function confidence(best: Candidate, rival: Candidate | undefined, unknownWords: number, index: TargetIndex): number {
  const strength = sigmoid((best.score - 7) / 1.5);
  const margin = sigmoid(((rival === undefined ? 8 : best.score - rival.score) - 1.5) / 1.2);
  // `CHWP-1.PV` says which pump but not what of it: only a bubble's own name (`TT-111 … LCHWT`) can say that.
  const unsaid = !best.named && index.impliedRole(best.target.asset.id) !== best.role ? 0.5 : 1;
  return strength * margin * unsaid * Math.pow(0.8, unknownWords);
}

function isRejected(c: Candidate, series: string, rejected: readonly RejectedSuggestion[], index: TargetIndex): boolean {
  return rejected.some((r) => {
    if (r.series !== series || r.role !== c.role) return false;
    const p = index.profile(r.assetId);
    return r.assetId === c.target.asset.id || (p !== undefined && index.subject(p) === index.subject(c.target));
  });
}

/** The ranked candidates of each series, for looking into why a suggestion came out as it did. */
export function explainSuggestions(twin: TwinState, inputs: readonly SeriesInput[]): Map<string, { tag: string; role: string; score: number }[]> {
  const profiles = assetProfiles(twin);
  const index = new TargetIndex(twin, profiles);
  const out = new Map<string, { tag: string; role: string; score: number }[]>();
  for (const s of seriesProfiles(inputs, profiles)) {
    out.set(
      s.key,
      candidatesFor(s, profiles, index)
        .slice(0, 4)
        .map((c) => ({ tag: c.target.asset.tag, role: c.role, score: Math.round(c.score * 100) / 100 })),
    );
  }
  return out;
}

type Ranked = Suggestion & { candidate: Candidate };

/** The work of suggesting, one series at a time, so a caller can pause between series (a UI stays responsive). */
function* suggestSteps(twin: TwinState, inputs: readonly SeriesInput[], options: SuggestOptions): Generator<void, Suggestion[]> {
  const profiles = assetProfiles(twin);
  const index = new TargetIndex(twin, profiles);
  const rejected = options.rejected ?? twin.meta.rejectedSuggestions;
  const out: Ranked[] = [];
  for (const s of seriesProfiles(inputs, profiles)) {
    const ranked = candidatesFor(s, profiles, index).filter((c) => !isRejected(c, s.key, rejected, index));
    const [best, next] = ranked;
    if (best) {
      out.push({
        series: s.key,
        assetId: best.target.asset.id,
        assetTag: best.target.asset.tag,
        role: best.role,
        confidence: confidence(best, next, s.read.unknown.length, index),
        unit: s.unit,
        candidate: best,
      });
    }
    yield;
  }
  out.sort((a, b) => b.confidence - a.confidence || a.series.localeCompare(b.series));
  // Redundant sensors of one role each get their own bubble when the drawing has one per sensor.
  const taken = new Set<string>();
  for (const o of out) {
    if (taken.has(`${o.assetId}|${o.role}`)) {
      const free = index.alternatives(o.candidate.target, o.role).find((p) => !taken.has(`${p.asset.id}|${o.role}`));
      if (free) {
        o.assetId = free.asset.id;
        o.assetTag = free.asset.tag;
      }
    }
    taken.add(`${o.assetId}|${o.role}`);
  }
  return out.map(({ series, assetId, assetTag, role, confidence: c, unit }) => ({
    series,
    assetId,
    assetTag,
    role,
    confidence: Math.round(c * 1000) / 1000,
    unit,
  }));
}

/**
 * Propose, for each series, the asset and role it most likely measures, from its name (separators,
 * case, glued numbers, HVAC abbreviations, area prefixes), its unit and values, and the drawing (tags,
 * kinds, names, services, systems, and which bubble is wired to what). At most one per series, best first.
 */
export function suggestBindings(twin: TwinState, inputs: readonly SeriesInput[], options: SuggestOptions = {}): Suggestion[] {
  const steps = suggestSteps(twin, inputs, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** suggestBindings, pausing every `every` series so the page can paint and take input; `progress` says how far. */
export async function suggestBindingsInSteps(
  twin: TwinState,
  inputs: readonly SeriesInput[],
  options: SuggestOptions & { every?: number; pause: () => Promise<void>; progress?: (done: number) => void },
): Promise<Suggestion[]> {
  const steps = suggestSteps(twin, inputs, options);
  for (let done = 1; ; done++) {
    const r = steps.next();
    if (r.done) return r.value;
    if (done % (options.every ?? 100) === 0) {
      options.progress?.(done);
      await options.pause();
    }
  }
}

const ROLE_OF_DIMENSION: Partial<Record<string, string>> = {
  temperature: 'temperature',
  power: 'power',
  energy: 'energy',
  flow: 'flow',
  pressure: 'pressure',
  current: 'current',
  speed: 'speed',
  frequency: 'speed',
  status: 'status',
  percent: 'position',
};

const ROLE_OF_MEASURE: Partial<Record<string, string>> = {
  ...ROLE_OF_DIMENSION,
  dp: 'dp',
  alarm: 'alarm',
  position: 'position',
  command: 'command',
  level: 'level',
  wetbulb: 'wet-bulb',
  setpoint: 'setpoint',
  load: 'cooling-load',
};

/**
 * The role a series most likely has on a given asset (the user dropped it there): from its name, unit
 * and values among the roles the asset can have; null when none fits.
 */
export function roleOnAsset(twin: TwinState, input: SeriesInput, assetId: string): string | null {
  const profiles = assetProfiles(twin);
  const a = profiles.get(assetId);
  if (!a) return null;
  const index = new TargetIndex(twin, profiles);
  const [s] = seriesProfiles([input], profiles);
  if (!s) return null;
  const context = contextOf(s, a);
  let best: { role: string; score: number } | null = null;
  for (const role of rolesFor(a)) {
    const fit = roleFit(role.id, s.read.concepts, s.read.measure, context);
    const values = valueEvidence(role.id, s, a);
    if (fit === null || values === null) continue;
    const score = fit + values + (index.impliedRole(a.asset.id) === role.id ? 2 : 0);
    if (!best || score > best.score) best = { role: role.id, score };
  }
  if (best) return best.role;
  const byUnit = ROLE_OF_DIMENSION[dimensionOfUnit(s.unit) ?? ''];
  return rolesFor(a).find((r) => r.id === byUnit)?.id ?? null;
}

/** What a series most likely measures wherever it belongs, for placing its bubble; null when nothing says. */
export function roleOfSeries(twin: TwinState, input: SeriesInput): string | null {
  const best = suggestBindings(twin, [input])[0];
  if (best && best.confidence >= 0.3) return best.role;
  const profiles = assetProfiles(twin);
  const [s] = seriesProfiles([input], profiles);
  const measure = s?.read.measure;
  if (measure && ROLE_OF_MEASURE[measure]) return ROLE_OF_MEASURE[measure] ?? null;
  return ROLE_OF_DIMENSION[dimensionOfUnit(s?.unit ?? null) ?? ''] ?? null;
}

import { componentByKind, rolesOfKind } from '../catalog/catalog';
import type { RoleDef } from '../catalog/roles';
import type { TwinState } from '../twin/state';
import type { AssetProfile } from './asset-profile';
import { readTokens } from './concepts';
import { tokenize } from './name-tokens';
import { roleFit, SIGNATURES } from './role-signatures';

/**
 * The roles a binding to an asset may have. A bubble wired to equipment tells about that equipment, so
 * its roles are those both have: a flow transmitter on a header measures flow, not a chiller's condenser flow.
 */
export function rolesFor(a: AssetProfile): readonly RoleDef[] {
  let roles = rolesCache.get(a);
  if (roles) return roles;
  roles = rolesOfKind(a.asset.kind);
  if (a.equipment && componentByKind(a.asset.kind)?.category === 'Instruments') {
    const theirs = new Set(rolesOfKind(a.equipment.asset.kind).map((r) => r.id));
    const both = roles.filter((r) => theirs.has(r.id));
    if (both.length) roles = both;
  }
  rolesCache.set(a, roles);
  return roles;
}
const rolesCache = new WeakMap<AssetProfile, readonly RoleDef[]>();

/**
 * The role a bubble's own name gives it (`TT-111 CH-1 leaving chilled water (LCHWT)` measures
 * chws-temperature), when one role clearly fits better than the others; else null.
 */
export function impliedRole(p: AssetProfile): string | null {
  if (componentByKind(p.asset.kind)?.category !== 'Instruments') return null;
  const kindRoles = rolesFor(p);
  const measures = new Set(kindRoles.map((r) => SIGNATURES[r.id]?.measure).filter((m): m is string => !!m));
  const read = readTokens(tokenize(p.asset.name));
  const said = new Set([...read.concepts].filter((c) => !measures.size || !isOtherMeasure(c, measures)));
  if (p.variable) said.add(p.variable);
  const measure = p.variable ?? read.measure;
  const fits = kindRoles
    .map((r) => ({ id: r.id, score: roleFit(r.id, said, measure, new Set()) }))
    .filter((f): f is { id: string; score: number } => f.score !== null)
    .sort((a, b) => b.score - a.score);
  const [best, next] = fits;
  if (!best) return null;
  return !next || best.score - next.score >= 1 ? best.id : null;
}

const OTHER_MEASURES = new Set(['humidity', 'pressure', 'flow', 'power', 'speed', 'current', 'status', 'level', 'dp', 'position', 'command', 'load', 'energy']);
function isOtherMeasure(c: string, kindMeasures: ReadonlySet<string>): boolean {
  return (OTHER_MEASURES.has(c) || c === 'temperature' || c === 'wetbulb') && !kindMeasures.has(c);
}

const SETPOINT_VARIABLE: Record<string, string> = { 'chws-setpoint': 'temperature', 'cws-setpoint': 'temperature', 'dp-setpoint': 'dp' };
const GENERIC_SETPOINT = new Set(['setpoint']);

/** What the engine knows of each asset's place: bubbles and controllers wired to it, and what bubbles say they measure. */
export class TargetIndex {
  private readonly wired = new Map<string, AssetProfile[]>();
  private readonly implied = new Map<string, string | null>();
  private readonly boundRoles = new Map<string, Set<string>>();
  private readonly refined = new Map<string, AssetProfile>();

  constructor(
    twin: TwinState,
    private readonly profiles: ReadonlyMap<string, AssetProfile>,
  ) {
    for (const p of profiles.values()) {
      if (p.equipment) this.wired.set(p.equipment.asset.id, [...(this.wired.get(p.equipment.asset.id) ?? []), p]);
      this.implied.set(p.asset.id, impliedRole(p));
    }
    for (const s of Object.values(twin.sensors)) {
      if (s.assetId === null) continue;
      this.boundRoles.set(s.assetId, (this.boundRoles.get(s.assetId) ?? new Set()).add(s.role));
    }
  }

  impliedRole(id: string): string | null {
    return this.implied.get(id) ?? null;
  }

  /** Whether the project already binds a sensor with this role to the asset. */
  holds(id: string, role: string): boolean {
    return this.boundRoles.get(id)?.has(role) ?? false;
  }

  /** The bubbles and controllers wired to an asset that could carry a role, those whose name says so first. */
  instrumentsFor(a: AssetProfile, role: string): AssetProfile[] {
    const list = (this.wired.get(a.asset.id) ?? []).filter((i) => {
      const implied = this.implied.get(i.asset.id);
      return rolesFor(i).some((r) => r.id === role) && (implied === null || implied === undefined || implied === role);
    });
    return list.sort((x, y) => Number(this.implied.get(y.asset.id) === role) - Number(this.implied.get(x.asset.id) === role));
  }

  /**
   * Where a binding of a role to an asset belongs: the one bubble (or controller) on it drawn for that
   * role, else the asset itself. The drawing says where the measurement is.
   */
  refine(a: AssetProfile, role: string): AssetProfile {
    if (a.isInstrument) return a;
    const key = `${a.asset.id}|${role}`;
    let t = this.refined.get(key);
    if (!t) this.refined.set(key, (t = this.refineUncached(a, role)));
    return t;
  }

  private refineUncached(a: AssetProfile, role: string): AssetProfile {
    const list = this.instrumentsFor(a, role);
    const named = list.filter((i) => this.implied.get(i.asset.id) === role);
    if (named.length >= 1) return named.find((i) => !this.holds(i.asset.id, role)) ?? (named[0] as AssetProfile);
    return list.length === 1 ? (list[0] as AssetProfile) : a;
  }

  /** What a binding target says for a role: a free bubble drawn for it is where the series was meant to go. */
  prior(t: AssetProfile, role: string): number {
    let e = 0;
    if (componentByKind(t.asset.kind)?.category === 'Instruments') {
      e += this.holds(t.asset.id, role) ? -1 : 2;
      const implied = this.implied.get(t.asset.id);
      if (implied) e += implied === role ? 2 : -3;
    } else if (componentByKind(t.asset.kind)?.category === 'Control') {
      // A controller holds the setpoint of the variable its letters name: a TIC a temperature, a PDIC a ΔP.
      const measure = SIGNATURES[role]?.measure;
      if (measure === 'setpoint' && t.variable && !GENERIC_SETPOINT.has(role)) e += SETPOINT_VARIABLE[role] === t.variable ? 2 : -4;
      else if (measure === 'setpoint' || measure === 'command') e += 1;
    }
    return e;
  }

  /** The asset a binding to a target tells about (the equipment of a bubble), for comparing suggestions. */
  subject(t: AssetProfile): string {
    return t.isInstrument && t.equipment ? t.equipment.asset.id : t.asset.id;
  }

  /** Other free bubbles on the same equipment for the same role (redundant sensors get one each). */
  alternatives(t: AssetProfile, role: string): AssetProfile[] {
    const eq = t.equipment;
    if (!eq) return [];
    return this.instrumentsFor(eq, role).filter((i) => i !== t && !this.holds(i.asset.id, role));
  }

  profile(id: string): AssetProfile | undefined {
    return this.profiles.get(id);
  }
}

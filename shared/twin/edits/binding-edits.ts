import { measuredAssetOf } from '../asset-sensors';
import { applyDiff, DiffBuilder, squashDiffs, type StateDiff } from '../diff';
import { defaultSourceId, sourceOfSensor } from '../project-sources';
import type { ProjectSource, RejectedSuggestion, Sensor } from '../schema';
import type { TwinState } from '../state';
import type { NewId } from './asset-edits';

/** What to bind: a series of a project source to an asset, with its role and unit. */
export interface BindRequest {
  series: string;
  /** The project source the series lives in; a source not yet in the project is added with it. */
  source?: ProjectSource;
  assetId: string;
  role: string;
  /** Unchanged when left out (a rebind keeps the sensor's unit). */
  unit?: string | null;
  label?: string;
}

/** The key of a trust group: the asset a sensor tells about and its role. */
type Bindings = Pick<TwinState, 'assets' | 'connections' | 'sensors'>;

function groupKey(state: Pick<TwinState, 'assets' | 'connections'>, s: Sensor): string | null {
  if (s.assetId === null || s.role === '') return null;
  return JSON.stringify([measuredAssetOf(state, s), s.role]);
}

/** The sensors that measure the same role of the same asset as a sensor would, itself included. */
export function trustGroup(state: Bindings, s: Sensor): Sensor[] {
  const key = groupKey(state, s);
  if (key === null) return [];
  return Object.values(state.sensors).filter((o) => o.id === s.id || groupKey(state, o) === key);
}

/**
 * Leave exactly one trusted sensor in each group the edit touched: the one the user just chose if there
 * is one, else the one trusted already, else the first in file order.
 */
function settleTrust(before: TwinState, diff: StateDiff, touched: readonly Sensor[], prefer: string | null): StateDiff {
  const state = applyDiff(before, diff);
  const b = new DiffBuilder(state);
  const done = new Set<string>();
  for (const t of touched) {
    const key = groupKey(state, t);
    if (key === null || done.has(key)) continue;
    done.add(key);
    const group = Object.values(state.sensors).filter((o) => groupKey(state, o) === key);
    const chosen = group.find((o) => o.id === prefer) ?? group.find((o) => o.trusted) ?? group[0];
    for (const o of group) if (o.trusted !== (o === chosen)) b.put('sensors', { ...o, trusted: o === chosen });
  }
  return squashDiffs(diff, b.build());
}

/** Add a project source (and pin the default, so existing sensors keep reading where they read). */
function addSourceIfNew(state: TwinState, b: DiffBuilder, source: ProjectSource | undefined): string {
  const defaultId = defaultSourceId(state.meta.defaultSource, Object.values(state.sources));
  if (!source) return defaultId;
  if (!state.sources[source.id] && !b.current('sources', source.id)) {
    b.add('sources', source);
    if (state.meta.defaultSource === undefined) b.setMeta({ ...state.meta, defaultSource: defaultId });
  }
  return source.id;
}

/** The project's sensor for a series of a source, if it has one. */
export function sensorForSeries(state: TwinState, series: string, sourceId: string): Sensor | undefined {
  const defaultId = defaultSourceId(state.meta.defaultSource, Object.values(state.sources));
  return Object.values(state.sensors).find((s) => s.series === series && sourceOfSensor(s, defaultId) === sourceId);
}

/**
 * Bind a series to an asset with a role: rebinding the project's sensor for that series, or adding one.
 * A new member of a trust group is untrusted when the group already trusts one; a group left without its
 * trusted sensor gets another. One diff: one undo step.
 */
export function bindSensor(state: TwinState, req: BindRequest, newId: NewId): { diff: StateDiff; sensorId: string } {
  const b = new DiffBuilder(state);
  const sourceId = addSourceIfNew(state, b, req.source);
  const defaultId = defaultSourceId(state.meta.defaultSource, Object.values(state.sources));
  const existing = sensorForSeries(state, req.series, sourceId);
  const base: Sensor = existing ?? { id: newId(), series: req.series, unit: null, role: '', trusted: true, assetId: null };
  const next: Sensor = { ...base, assetId: req.assetId, role: req.role, trusted: true };
  if (req.unit !== undefined) next.unit = req.unit;
  if (req.label !== undefined) next.label = req.label;
  // Sensors of the default source leave the field out, so changing the default moves them together.
  if (sourceId === defaultId) delete next.source;
  else next.source = sourceId;
  b.put('sensors', next);
  const diff = b.build();
  const after = applyDiff(state, diff);
  const others = trustGroup(after, next).filter((o) => o.id !== next.id);
  // Joining a group that trusts one already: stay untrusted, the user switches trust deliberately.
  const prefer = others.some((o) => o.trusted) ? null : next.id;
  if (prefer === null) {
    const untrusted = new DiffBuilder(after).put('sensors', { ...next, trusted: false }).build();
    return { diff: settleTrust(state, squashDiffs(diff, untrusted), [...(existing ? [existing] : []), next], null), sensorId: next.id };
  }
  return { diff: settleTrust(state, diff, [...(existing ? [existing] : []), next], next.id), sensorId: next.id };
}

/** Bind several series in one step (accepting suggestions, importing a table). */
export function bindSensors(state: TwinState, reqs: readonly BindRequest[], newId: NewId): { diff: StateDiff; sensorIds: string[] } {
  let diff: StateDiff = {};
  let s = state;
  const sensorIds: string[] = [];
  for (const req of reqs) {
    const r = bindSensor(s, req, newId);
    diff = squashDiffs(diff, r.diff);
    s = applyDiff(s, r.diff);
    sensorIds.push(r.sensorId);
  }
  return { diff, sensorIds };
}

/** Unbind sensors: they stay in the project with their role and unit, bound to nothing; their groups keep one trusted. */
export function unbindSensors(state: TwinState, sensorIds: readonly string[]): StateDiff {
  const b = new DiffBuilder(state);
  const touched: Sensor[] = [];
  for (const id of sensorIds) {
    const s = state.sensors[id];
    if (!s || s.assetId === null) continue;
    touched.push(s);
    b.put('sensors', { ...s, assetId: null, trusted: true });
  }
  if (!touched.length) return {};
  // The groups they left: measured in the state before, where the sensors still belonged to them.
  const diff = b.build();
  const after = applyDiff(state, diff);
  const stayers = touched.flatMap((t) => trustGroup(state, t).filter((o) => !sensorIds.includes(o.id))).map((o) => after.sensors[o.id] as Sensor);
  return settleTrust(state, diff, stayers, null);
}

/** Change a sensor's role; the group it leaves and the one it joins each keep one trusted sensor. */
export function setSensorRole(state: TwinState, sensorId: string, role: string): StateDiff {
  const s = state.sensors[sensorId];
  if (!s || s.role === role) return {};
  const left = trustGroup(state, s).filter((o) => o.id !== s.id);
  const next = { ...s, role };
  const diff = new DiffBuilder(state).put('sensors', next).build();
  const after = applyDiff(state, diff);
  const joined = trustGroup(after, next).filter((o) => o.id !== s.id);
  const prefer = joined.some((o) => o.trusted) ? null : s.id;
  const untrust = prefer === null && s.trusted ? new DiffBuilder(after).put('sensors', { ...next, trusted: false }).build() : {};
  return settleTrust(state, squashDiffs(diff, untrust), [...left, next], prefer);
}

/** Change a sensor's unit (null: not known). */
export function setSensorUnit(state: TwinState, sensorId: string, unit: string | null): StateDiff {
  const s = state.sensors[sensorId];
  const clean = unit === null || unit.trim() === '' ? null : unit.trim();
  if (!s || s.unit === clean) return {};
  return new DiffBuilder(state).put('sensors', { ...s, unit: clean }).build();
}

/** Make a sensor the trusted one of its group; the others in the group become untrusted. */
export function trustSensor(state: TwinState, sensorId: string): StateDiff {
  const s = state.sensors[sensorId];
  if (!s) return {};
  return settleTrust(state, {}, [s], s.id);
}

/** Remember that a suggestion was turned down, so it is not offered again for this project. */
export function rejectSuggestions(state: TwinState, rejected: readonly RejectedSuggestion[]): StateDiff {
  const known = new Set(state.meta.rejectedSuggestions.map((r) => JSON.stringify([r.series, r.assetId, r.role])));
  const add = rejected.filter((r) => !known.has(JSON.stringify([r.series, r.assetId, r.role])));
  if (!add.length) return {};
  return new DiffBuilder(state)
    .setMeta({
      ...state.meta,
      rejectedSuggestions: [...state.meta.rejectedSuggestions, ...add.map((r) => ({ series: r.series, assetId: r.assetId, role: r.role }))],
    })
    .build();
}

import type { Asset, Connection, Sensor, TwinDocument } from '../twin/schema';
import { canonicalJson } from './canonical-json';

/**
 * What differs between two twins, in the terms a plant engineer checks before overwriting someone's
 * work: assets (by tag), connections (from → to), sensor bindings (series → asset), and a line each for
 * the rest. Records are matched by id, so a renamed tag is a change, not a removal and an addition.
 */

export interface ChangedItem {
  id: string;
  /** How the user knows it: a tag, "CH-1.out → P-1.in", "B7_CH1_KW#value → CH-1 (power)". */
  label: string;
  /** For changes: which fields differ. */
  fields?: string[];
}

export interface ChangeGroup {
  added: ChangedItem[];
  removed: ChangedItem[];
  changed: ChangedItem[];
}

export interface ChangeSummary {
  assets: ChangeGroup & { /** Only position, rotation or mirroring changed. */ moved: ChangedItem[] };
  connections: ChangeGroup;
  bindings: ChangeGroup;
  /** Everything else, one line each: name, time zone, systems, models, unbound sensors. */
  other: string[];
  identical: boolean;
}

type Doc = Pick<TwinDocument, 'name' | 'timeZone' | 'assets' | 'connections' | 'systems' | 'sensors' | 'models'> &
  Partial<Pick<TwinDocument, 'sources' | 'defaultSource' | 'rejectedSuggestions'>> &
  Record<string, unknown>;

const PLACEMENT = new Set(['position', 'rotation', 'flip']);
/** Top-level fields that are not the twin's content (the tenant link is local bookkeeping). */
const NOT_CONTENT = new Set([
  'tenant',
  'assets',
  'connections',
  'systems',
  'sensors',
  'models',
  'sources',
  'defaultSource',
  'rejectedSuggestions',
  'formatVersion',
  'id',
]);

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((i) => [i.id, i]));
}

function differingFields(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => canonicalJson(a[k]) !== canonicalJson(b[k])).sort();
}

function emptyGroup(): ChangeGroup {
  return { added: [], removed: [], changed: [] };
}

function compare<T extends { id: string }>(
  from: readonly T[],
  to: readonly T[],
  label: (item: T, side: 'from' | 'to') => string,
  onChanged: (id: string, fields: string[], a: T, b: T) => void,
): { added: ChangedItem[]; removed: ChangedItem[] } {
  const a = byId(from);
  const b = byId(to);
  const added: ChangedItem[] = [];
  const removed: ChangedItem[] = [];
  for (const [id, item] of b) if (!a.has(id)) added.push({ id, label: label(item, 'to') });
  for (const [id, item] of a) {
    const other = b.get(id);
    if (!other) removed.push({ id, label: label(item, 'from') });
    else {
      const fields = differingFields(item as Record<string, unknown>, other as Record<string, unknown>);
      if (fields.length) onChanged(id, fields, item, other);
    }
  }
  return { added, removed };
}

const isBound = (s: Sensor): boolean => s.assetId !== null && s.assetId !== undefined;

/** The differences that turn `from` into `to`. */
export function summarizeChanges(from: Doc, to: Doc): ChangeSummary {
  const tags = { from: byId(from.assets), to: byId(to.assets) };
  const assetLabel = (a: Asset): string => a.tag || a.name || a.id;
  const tagOf = (id: string | null | undefined, side: 'from' | 'to'): string => {
    if (!id) return '?';
    const a = tags[side].get(id);
    return a ? assetLabel(a) : id;
  };

  const assets: ChangeSummary['assets'] = { ...emptyGroup(), moved: [] };
  const assetDiff = compare(from.assets, to.assets, assetLabel, (id, fields, _a, b) => {
    const item = { id, label: assetLabel(b), fields };
    if (fields.every((f) => PLACEMENT.has(f))) assets.moved.push(item);
    else assets.changed.push(item);
  });
  assets.added = assetDiff.added;
  assets.removed = assetDiff.removed;

  const connectionLabel = (c: Connection, side: 'from' | 'to'): string =>
    `${tagOf(c.from.asset, side)}.${c.from.port} → ${tagOf(c.to.asset, side)}.${c.to.port}${c.kind === 'signal' ? ' (signal)' : ''}`;
  const connections = emptyGroup();
  const connectionDiff = compare(from.connections, to.connections, connectionLabel, (id, fields, _a, b) =>
    connections.changed.push({ id, label: connectionLabel(b, 'to'), fields }),
  );
  connections.added = connectionDiff.added;
  connections.removed = connectionDiff.removed;

  // A binding is a sensor bound to an asset: binding or unbinding a sensor adds or removes one.
  const bindingLabel = (s: Sensor, side: 'from' | 'to'): string => `${s.series} → ${tagOf(s.assetId, side)}${s.role ? ` (${s.role})` : ''}`;
  const bindings = emptyGroup();
  const bindingDiff = compare(from.sensors.filter(isBound), to.sensors.filter(isBound), bindingLabel, (id, fields, _a, b) =>
    bindings.changed.push({ id, label: bindingLabel(b, 'to'), fields }),
  );
  bindings.added = bindingDiff.added;
  bindings.removed = bindingDiff.removed;

  const other: string[] = [];
  if (from.name !== to.name) other.push(`name: “${from.name}” → “${to.name}”`);
  if (from.timeZone !== to.timeZone) other.push(`time zone: ${from.timeZone} → ${to.timeZone}`);
  for (const [what, a, b] of [
    ['sources', from.sources ?? [], to.sources ?? []],
    ['systems', from.systems, to.systems],
    ['models', from.models, to.models],
    ['unbound sensors', from.sensors.filter((s) => !isBound(s)), to.sensors.filter((s) => !isBound(s))],
  ] as const) {
    let changed = 0;
    const d = compare(
      a as readonly { id: string }[],
      b as readonly { id: string }[],
      (x) => x.id,
      () => void changed++,
    );
    const parts = [d.added.length && `${d.added.length} added`, d.removed.length && `${d.removed.length} removed`, changed && `${changed} changed`].filter(
      Boolean,
    );
    if (parts.length) other.push(`${what}: ${parts.join(', ')}`);
  }
  if ((from.defaultSource ?? null) !== (to.defaultSource ?? null))
    other.push(`default source: ${from.defaultSource ?? '(first listed)'} → ${to.defaultSource ?? '(first listed)'}`);
  const rejected = [from.rejectedSuggestions?.length ?? 0, to.rejectedSuggestions?.length ?? 0] as const;
  if (canonicalJson(from.rejectedSuggestions ?? []) !== canonicalJson(to.rejectedSuggestions ?? []))
    other.push(`rejected suggestions: ${rejected[0]} → ${rejected[1]}`);
  const extra = differingFields(
    Object.fromEntries(Object.entries(from).filter(([k]) => !NOT_CONTENT.has(k) && k !== 'name' && k !== 'timeZone')),
    Object.fromEntries(Object.entries(to).filter(([k]) => !NOT_CONTENT.has(k) && k !== 'name' && k !== 'timeZone')),
  );
  if (extra.length) other.push(`other fields: ${extra.join(', ')}`);

  const groups = [assets, connections, bindings];
  const identical = other.length === 0 && assets.moved.length === 0 && groups.every((g) => !g.added.length && !g.removed.length && !g.changed.length);
  return { assets, connections, bindings, other, identical };
}

function listed(items: readonly ChangedItem[], max = 3): string {
  const names = items.slice(0, max).map((i) => i.label);
  return items.length > max ? `${names.join(', ')} and ${items.length - max} more` : names.join(', ');
}

/** One line per kind of change, for a conflict message, the CLI and screen readers. */
export function summaryLines(s: ChangeSummary): string[] {
  if (s.identical) return ['no differences'];
  const lines: string[] = [];
  const group = (what: [string, string], g: ChangeGroup): void => {
    for (const [verb, items] of [
      ['added', g.added],
      ['removed', g.removed],
      ['changed', g.changed],
    ] as const) {
      if (items.length) lines.push(`${items.length} ${items.length === 1 ? what[0] : what[1]} ${verb}: ${listed(items)}`);
    }
  };
  group(['asset', 'assets'], s.assets);
  if (s.assets.moved.length) lines.push(`${s.assets.moved.length} asset${s.assets.moved.length === 1 ? '' : 's'} moved: ${listed(s.assets.moved)}`);
  group(['connection', 'connections'], s.connections);
  group(['binding', 'bindings'], s.bindings);
  lines.push(...s.other);
  return lines;
}

/** Counts only: "assets +2 −1 ~3, connections +1, bindings ~2". */
export function summaryCounts(s: ChangeSummary): string {
  if (s.identical) return 'no differences';
  const part = (what: string, g: ChangeGroup, moved = 0): string | null => {
    const bits = [
      g.added.length && `+${g.added.length}`,
      g.removed.length && `−${g.removed.length}`,
      g.changed.length + moved && `~${g.changed.length + moved}`,
    ].filter(Boolean);
    return bits.length ? `${what} ${bits.join(' ')}` : null;
  };
  const parts = [part('assets', s.assets, s.assets.moved.length), part('connections', s.connections), part('bindings', s.bindings)].filter(Boolean);
  if (s.other.length) parts.push(`${s.other.length} other`);
  return parts.join(', ');
}

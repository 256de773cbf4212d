import { roleById, unitFitsRole, dimensionsOfRole } from '../../catalog/roles';
import { dimensionOfUnit } from '../../catalog/units';
import { measuredAssetOf } from '../asset-sensors';
import { defaultSourceId, sourceOfSensor } from '../project-sources';
import type { Asset, Connection, Sensor } from '../schema';
import type { Located } from './located-document';
import { assetLabel, type RuleContext } from './rule-context';

/** The series keys a project source has, or undefined when its catalog is not known (not connected). */
export type SeriesLookup = (projectSourceId: string) => ReadonlySet<string> | undefined;

function byId<T extends { id: string }>(items: readonly Located<T>[]): Record<string, T> {
  const out: Record<string, T> = {};
  for (const { value } of items) out[value.id] ??= value;
  return out;
}

function roleAndUnit(ctx: RuleContext, s: Sensor, path: string, asset: Asset): void {
  const def = ctx.componentByKind(asset.kind);
  if (!def) return;
  const kindRoles = def.roles ?? [];
  const role = roleById(s.role);
  if (!kindRoles.some((r) => r.id === s.role)) {
    const allowed = kindRoles.map((r) => r.id).join(', ') || 'none';
    const what = role ? `role "${s.role}"` : `role "${s.role}" is not one this build knows, and`;
    ctx.warn(`${path}.role`, `${what} is not a role of ${assetLabel(asset)} (${def.name.toLowerCase()}); its roles are ${allowed}`);
  }
  if (role && !unitFitsRole(role, s.unit)) {
    const dims = dimensionsOfRole(role).join(' or ');
    ctx.warn(`${path}.unit`, `unit "${s.unit}" is a ${dimensionOfUnit(s.unit)}, but role "${s.role}" needs a ${dims}; fix the unit or the role`);
  }
}

/**
 * Bound sensors fit their asset: a role the asset's kind has, a unit of the role's dimension, exactly one
 * trusted sensor where several measure the same role of the same asset (counting sensors bound to an
 * instrument wired to it), and a series the connected source has.
 */
export function checkBindings(ctx: RuleContext, knownSeries: SeriesLookup | undefined): void {
  const { doc } = ctx;
  const twin = { assets: byId(doc.assets), connections: byId<Connection>(doc.connections) };
  const defaultId = defaultSourceId(
    doc.defaultSource,
    doc.sources.map((s) => s.value),
  );
  const groups = new Map<string, Located<Sensor>[]>();
  for (const located of doc.sensors) {
    const { value: s, path } = located;
    const asset = s.assetId === null ? undefined : ctx.assetsById.get(s.assetId)?.value;
    if (asset && s.role !== '') {
      roleAndUnit(ctx, s, path, asset);
      const key = JSON.stringify([measuredAssetOf(twin, s), s.role]);
      groups.set(key, [...(groups.get(key) ?? []), located]);
    }
    const sourceId = sourceOfSensor(s, defaultId);
    const catalog = knownSeries?.(sourceId);
    if (catalog && !catalog.has(s.series)) {
      ctx.warn(`${path}.series`, `"${s.series}" is not in the catalog of source "${sourceId}"; it may be misspelt, or the historian dropped it`);
    }
  }
  for (const [key, list] of groups) {
    if (list.length < 2) continue;
    const trusted = list.filter((l) => l.value.trusted);
    if (trusted.length === 1) continue;
    const [assetId, role] = JSON.parse(key) as [string, string];
    const asset = ctx.assetsById.get(assetId)?.value;
    const names = list.map((l) => l.value.series).join(', ');
    const first = list[0] as Located<Sensor>;
    const what = `${asset ? assetLabel(asset) : `asset "${assetId}"`} has ${list.length} sensors for ${role} (${names})`;
    ctx.warn(
      `${first.path}.trusted`,
      trusted.length === 0 ? `${what} and none is trusted; mark exactly one trusted` : `${what} and ${trusted.length} are trusted; mark exactly one trusted`,
    );
  }
}

import { schematicPlan, type SchematicPlan } from '../../../shared/twin/schematic-plan';
import type { Asset } from '../../../shared/twin/schema';
import type { TwinState } from '../../../shared/twin/state';

let last: { twin: TwinState; plan: SchematicPlan } | null = null;

/** Whether two asset maps hold the same assets of the same kinds and properties (positions may differ). */
function sameShapes(a: Readonly<Record<string, Asset>>, b: Readonly<Record<string, Asset>>): boolean {
  if (a === b) return true;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const id of ka) {
    const x = a[id] as Asset;
    const y = b[id];
    if (!y || x.kind !== y.kind || x.properties !== y.properties) return false;
  }
  return true;
}

/**
 * The schematic plan of a twin, rebuilt only when sensors, sources, connections or the assets' kinds and
 * properties change: dragging a node changes positions on every frame, which changes nothing the plan holds.
 */
export function planOf(twin: TwinState): SchematicPlan {
  const l = last?.twin;
  if (
    last &&
    l &&
    l.sensors === twin.sensors &&
    l.connections === twin.connections &&
    l.sources === twin.sources &&
    l.meta.defaultSource === twin.meta.defaultSource &&
    sameShapes(l.assets, twin.assets)
  ) {
    last = { twin, plan: last.plan };
    return last.plan;
  }
  last = { twin, plan: schematicPlan(twin) };
  return last.plan;
}

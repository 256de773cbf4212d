/**
 * Everything the schematic needs to draw the plant at an instant, worked out once per change of the twin:
 * the bound sensors and their sources, which values are drawn where, and how each asset's state is read.
 */
import { sensorsOfAsset } from './asset-sensors';
import { statePlan, type StatePlan } from './equipment-state';
import { defaultSourceId, sourceOfSensor } from './project-sources';
import type { TwinState } from './state';
import { valuePlacements, type ValuePlacement } from './value-placements';

export interface PlannedSensor {
  id: string;
  /** The project source id (resolve it to a session connection with `sensorReads` before reading). */
  source: string;
  /** Series key. */
  key: string;
}

export interface SchematicPlan {
  /** Every sensor bound to an asset of the twin (drawn or not: the inspector shows redundant ones too). */
  sensors: readonly PlannedSensor[];
  placements: readonly ValuePlacement[];
  /** Assets whose running state or position can be read from their sensors. */
  states: readonly { assetId: string; plan: StatePlan }[];
}

export function schematicPlan(twin: TwinState): SchematicPlan {
  const sensors: PlannedSensor[] = [];
  // Sensors that name no source read from the project's default (DESIGN.md, "Sources in the app").
  const defaultId = defaultSourceId(twin.meta.defaultSource, Object.values(twin.sources));
  for (const s of Object.values(twin.sensors)) {
    if (s.assetId !== null && twin.assets[s.assetId]) sensors.push({ id: s.id, source: sourceOfSensor(s, defaultId), key: s.series });
  }
  const states: { assetId: string; plan: StatePlan }[] = [];
  if (sensors.length > 0) {
    for (const asset of Object.values(twin.assets)) {
      const plan = statePlan(asset, sensorsOfAsset(twin, asset.id));
      if (plan.running.length > 0 || plan.positionSensorId !== null) states.push({ assetId: asset.id, plan });
    }
  }
  return { sensors, placements: valuePlacements(twin), states };
}

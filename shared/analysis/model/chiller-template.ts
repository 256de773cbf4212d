import type { TwinState } from '../../twin/state';
import { defaultDetection, MODEL_VERSION, type ModelDefinition, type ModelInput } from './model-schema';
import { sensorOfRole } from './sensor-lookup';

/** The roles the chiller template reads, and the input name each gets. */
const TEMPLATE_ROLES = [
  { name: 'flow', role: 'flow', needed: true },
  { name: 'chws', role: 'chws-temperature', needed: true },
  { name: 'chwr', role: 'chwr-temperature', needed: true },
  { name: 'cwr', role: 'cwr-temperature', needed: false },
  { name: 'cws', role: 'cws-temperature', needed: false },
  { name: 'status', role: 'status', needed: false },
] as const;

const US_FLOW = /gpm|gal/i;
const FAHRENHEIT = /°?F$/;

/** A new, empty model for an asset (the editor's starting point). */
export function newModel(id: string, assetId: string, name: string): ModelDefinition {
  return {
    id,
    name,
    assetId,
    modelVersion: MODEL_VERSION,
    type: 'linear',
    target: null,
    inputs: [],
    features: [],
    squares: [],
    interactions: [],
    filter: null,
    ridge: 1e-6,
    robust: true,
    training: null,
    resolutionMs: 15 * 60_000,
    detection: defaultDetection(),
  };
}

/**
 * The chiller template filled from the roles bound to a chiller: power predicted from load
 * (flow × ΔT × 4.186, in kW from L/s and K) and lift (condenser leaving − chilled-water supply; condenser
 * entering when no leaving sensor is bound), with load², load·lift, and only the rows where it runs all the
 * window. Keeps the model's id, name, training range, resolution and detection settings. `missing` lists
 * the roles the asset still needs bound.
 */
export function chillerTemplate(twin: TwinState, base: ModelDefinition): { model: ModelDefinition; missing: string[] } {
  const assetId = base.assetId ?? '';
  const found = new Map<string, { unit: string | null }>();
  for (const r of TEMPLATE_ROLES) {
    const s = sensorOfRole(twin, assetId, r.role);
    if (s.ok) found.set(r.name, { unit: s.sensor.unit });
  }
  const condenser = found.has('cwr') ? 'cwr' : 'cws';
  const missing: string[] = TEMPLATE_ROLES.filter((r) => r.needed && !found.has(r.name)).map((r) => r.role);
  if (!found.has('cwr') && !found.has('cws')) missing.push('cwr-temperature');
  if (sensorOfRole(twin, assetId, 'power').ok === false) missing.unshift('power');

  const inputs: ModelInput[] = [];
  for (const r of TEMPLATE_ROLES) {
    if (r.name === 'status' && !found.has('status')) continue;
    if ((r.name === 'cwr' || r.name === 'cws') && r.name !== condenser) continue;
    inputs.push({ name: r.name, role: r.role });
  }
  // US customary sensors: tons = gpm × ΔT[°F] / 24 (DOMAIN.md); otherwise kW = L/s × 4.186 × K.
  const us = US_FLOW.test(found.get('flow')?.unit ?? '') || FAHRENHEIT.test(found.get('chws')?.unit ?? '');
  inputs.push({ name: 'load', expression: us ? 'flow * (chwr - chws) / 24' : 'flow * (chwr - chws) * 4.186' });
  inputs.push({ name: 'lift', expression: `${condenser} - chws` });
  return {
    model: {
      ...base,
      type: 'chiller',
      target: { role: 'power' },
      inputs,
      features: [],
      squares: [],
      interactions: [],
      filter: found.has('status') ? 'status >= 1' : 'load > 0',
    },
    missing,
  };
}

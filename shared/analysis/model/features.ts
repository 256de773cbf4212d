import type { ModelDefinition } from './model-schema';

/** One column of the regression: an input, an input squared, or the product of two inputs. */
export interface FeatureSpec {
  /** How coefficients are named: `load`, `load^2`, `load*lift`. */
  name: string;
  of: readonly [string] | readonly [string, string];
}

/** The chiller template's regression: power from load, lift, load² and load·lift (the DOE-2-like form of DOMAIN.md). */
export const CHILLER_FEATURES: readonly FeatureSpec[] = [
  { name: 'load', of: ['load'] },
  { name: 'lift', of: ['lift'] },
  { name: 'load^2', of: ['load', 'load'] },
  { name: 'load*lift', of: ['load', 'lift'] },
];

/** The features a model regresses on, in coefficient order (the intercept comes first and is not listed). */
export function featureSpecs(model: Pick<ModelDefinition, 'type' | 'features' | 'squares' | 'interactions'>): FeatureSpec[] {
  if (model.type === 'chiller') return [...CHILLER_FEATURES];
  const out: FeatureSpec[] = model.features.map((f) => ({ name: f, of: [f] as const }));
  for (const s of model.squares) out.push({ name: `${s}^2`, of: [s, s] });
  for (const [a, b] of model.interactions) out.push({ name: `${a}*${b}`, of: [a, b] });
  return out;
}

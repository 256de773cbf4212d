import { referencesOf, type ExprNode } from '../expression/ast';
import { evaluateExpression } from '../expression/evaluate';
import type { ResolvedModel } from '../model/resolve-model';
import { AnalysisError } from './analysis-error';
import type { AlignedData } from './run-types';

/** The columns a run works on: every input by name, the target and the filter (1 = keep). */
export interface InputColumns {
  inputs: Map<string, Float64Array>;
  target: Float64Array;
  filter: Float64Array | null;
  /** Inputs the features and the filter read, directly or through other inputs. */
  used: Set<string>;
}

function seriesColumn(data: AlignedData, key: string): Float64Array {
  const c = data.columns[key];
  if (!c) throw new AnalysisError('no-data', `No data was fetched for ${key}.`);
  return c;
}

/** Evaluate the model's inputs in order over the grid. */
export function inputColumns(resolved: ResolvedModel, data: AlignedData): InputColumns {
  const rows = data.t.length;
  const inputs = new Map<string, Float64Array>();
  const lookup = (leaf: Extract<ExprNode, { kind: 'name' | 'series' }>): Float64Array => {
    if (leaf.kind === 'name') {
      const own = inputs.get(leaf.name);
      if (own) return own;
      return seriesColumn(data, resolved.leafSeries.names.get(leaf.name) as string);
    }
    return seriesColumn(data, resolved.leafSeries.keys.get(leaf.key) as string);
  };
  for (const input of resolved.inputs) {
    const src = input.source;
    inputs.set(input.name, src.kind === 'series' ? seriesColumn(data, src.series) : evaluateExpression(src.node, rows, lookup));
  }
  const filter = resolved.filter ? evaluateExpression(resolved.filter.node, rows, lookup) : null;

  const used = new Set<string>();
  const byName = new Map(resolved.inputs.map((i) => [i.name, i]));
  const use = (name: string): void => {
    if (used.has(name) || !byName.has(name)) return;
    used.add(name);
    const src = byName.get(name)?.source;
    if (src?.kind === 'expression') for (const n of referencesOf(src.node).names.keys()) use(n);
  };
  for (const f of resolved.features) for (const n of f.of) use(n);
  if (resolved.filter) for (const n of referencesOf(resolved.filter.node).names.keys()) use(n);
  return { inputs, target: seriesColumn(data, resolved.target.series), filter, used };
}

/** The feature columns (input, square or product) in coefficient order. */
export function featureColumns(resolved: ResolvedModel, inputs: ReadonlyMap<string, Float64Array>, rows: number): Float64Array[] {
  return resolved.features.map((f) => {
    const a = inputs.get(f.of[0]) as Float64Array;
    if (f.of.length === 1) return a;
    const b = inputs.get(f.of[1]) as Float64Array;
    const out = new Float64Array(rows);
    for (let i = 0; i < rows; i++) out[i] = (a[i] as number) * (b[i] as number);
    return out;
  });
}

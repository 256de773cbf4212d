import type { TwinState } from '../../twin/state';
import { isFunctionName, KEYWORDS, referencesOf, type ExprNode } from '../expression/ast';
import { ExpressionError } from '../expression/expression-error';
import { parseExpression } from '../expression/parse-expression';
import { featureSpecs, type FeatureSpec } from './features';
import type { ModelDefinition, ModelInput } from './model-schema';
import { roleById } from '../../catalog/roles';
import { roleCandidates } from './roles';
import { assetName, rolesOfAsset, sensorOfRole, sensorOfSeries } from './sensor-lookup';

type PathPart = string | number;

/** A problem with a model, at a path inside the model record. `incomplete` marks a draft not finished yet. */
export interface ModelProblem {
  path: PathPart[];
  message: string;
  incomplete?: boolean;
}

/** A sensor a model reads. */
export interface ResolvedSensor {
  sensorId: string;
  series: string;
  unit: string | null;
}

/** How one input's column is made: read from a series, or computed from an expression. */
export type InputSource = { kind: 'series'; series: string } | { kind: 'expression'; node: ExprNode; text: string };

/** A model checked against the twin: everything a run needs, with sensors found and expressions parsed. */
export interface ResolvedModel {
  model: ModelDefinition;
  assetId: string;
  /** How messages name the asset (its tag, else `asset "id"`), and what results are tagged with (its tag, else its id). */
  assetLabel: string;
  assetTag: string;
  target: ResolvedSensor;
  /** Inputs in evaluation order: every input after those its expression reads. */
  inputs: { name: string; source: InputSource }[];
  /** Series of the sensors expressions name by role (name → series) or by key (key → series). */
  leafSeries: { names: ReadonlyMap<string, string>; keys: ReadonlyMap<string, string> };
  features: FeatureSpec[];
  filter: { node: ExprNode; text: string } | null;
  /** Every series the run fetches (target first), unique. */
  series: string[];
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

function exprProblem(path: PathPart[], e: ExpressionError): ModelProblem {
  return { path, message: e.message };
}

/**
 * Check a model against the twin and resolve it: sensors by role (the trusted one of the asset's) or id,
 * expressions parsed and their names resolved, features named. Returns every problem found; `resolved`
 * only when there is none.
 */
export function resolveModel(twin: TwinState, model: ModelDefinition): { resolved?: ResolvedModel; problems: ModelProblem[] } {
  const problems: ModelProblem[] = [];
  const problem = (path: PathPart[], message: string, incomplete = false) => problems.push(incomplete ? { path, message, incomplete } : { path, message });
  const assetId = model.assetId;
  if (assetId === null || !twin.assets[assetId]) {
    if (assetId === null) problem(['assetId'], 'names no asset; a model belongs to the asset whose sensors it reads', true);
    return { problems };
  }
  const label = assetName(twin, assetId);

  const byRole = (role: string, path: PathPart[]): ResolvedSensor | undefined => {
    const found = sensorOfRole(twin, assetId, role);
    if (found.ok) return { sensorId: found.sensor.id, series: found.sensor.series, unit: found.sensor.unit };
    if (found.why === 'untrusted') {
      const names = found.untrusted.map((s) => s.series).join(', ');
      problem(path, `${label}'s sensor of role "${role}" (${names}) is marked untrusted; mark one trusted in Sensors, or use another input`);
    } else {
      const roles = rolesOfAsset(twin, assetId);
      problem(path, `no sensor of ${label} has the role "${role}"; bind one in Sensors (${label}'s roles: ${roles.join(', ') || 'none yet'})`);
    }
    return undefined;
  };
  const byId = (id: string, path: PathPart[]): ResolvedSensor | undefined => {
    const s = twin.sensors[id];
    if (s) return { sensorId: s.id, series: s.series, unit: s.unit };
    problem(path, `no sensor has id "${id}"; pick one from the project's sensors`);
    return undefined;
  };
  const sensorRef = (ref: { role?: string | undefined; sensor?: string | undefined }, path: PathPart[], what: string): ResolvedSensor | undefined => {
    if (ref.role !== undefined && ref.sensor !== undefined) {
      problem(path, `${what} names both a role and a sensor; keep one`);
      return undefined;
    }
    if (ref.role !== undefined) return byRole(ref.role, [...path, 'role']);
    if (ref.sensor !== undefined) return byId(ref.sensor, [...path, 'sensor']);
    problem(path, `${what} names no sensor; give a role (e.g. "power") or a sensor`, true);
    return undefined;
  };

  const target =
    model.target === null
      ? (problem(['target'], 'has no target sensor yet; choose what the model predicts', true), undefined)
      : sensorRef(model.target, ['target'], 'the target');

  // Inputs: names first, so expressions may use inputs defined after them.
  const inputsByName = new Map<string, { input: ModelInput; index: number }>();
  model.inputs.forEach((input, index) => {
    const at = ['inputs', index, 'name'];
    if (!IDENTIFIER.test(input.name))
      problem(at, `"${input.name}" cannot name an input: use letters, digits and _, starting with a letter (e.g. load, lift, chws)`);
    else if (KEYWORDS.has(input.name) || isFunctionName(input.name)) problem(at, `"${input.name}" is a word of the expression language; choose another name`);
    else if (inputsByName.has(input.name))
      problem(at, `the name "${input.name}" is already used by input ${(inputsByName.get(input.name)?.index ?? 0) + 1}; input names must be unique`);
    else inputsByName.set(input.name, { input, index });
  });

  const names = new Map<string, string>();
  const keys = new Map<string, string>();
  /** Resolve the leaves of an expression; returns the inputs it reads, or undefined after reporting a problem. */
  const resolveLeaves = (node: ExprNode, path: PathPart[]): string[] | undefined => {
    const refs = referencesOf(node);
    const reads: string[] = [];
    let ok = true;
    for (const [name, column] of refs.names) {
      if (inputsByName.has(name)) {
        reads.push(name);
        continue;
      }
      const candidates = roleCandidates(name);
      const bound = candidates.map((role) => ({ role, found: sensorOfRole(twin, assetId, role) })).find((c) => c.found.ok || c.found.why === 'untrusted');
      if (bound?.found.ok) {
        names.set(name, bound.found.sensor.series);
        continue;
      }
      ok = false;
      const inputs = [...inputsByName.keys()];
      // A role the catalog knows: the name meant a sensor, which is not bound yet.
      const known = candidates.find((r) => roleById(r) !== undefined);
      const why = bound
        ? `${label}'s sensor of role "${bound.role}" is marked untrusted; mark one trusted in Sensors`
        : known
          ? `no sensor of ${label} has the role "${known}"; bind one in Sensors`
          : `it is not an input of this model${inputs.length ? ` (${inputs.join(', ')})` : ''} nor a role of ${label}'s sensors (${rolesOfAsset(twin, assetId).join(', ') || 'none bound'})`;
      problems.push(exprProblem(path, new ExpressionError(`unknown name "${name}": ${why}`, column, name)));
    }
    for (const [key, column] of refs.series) {
      const s = sensorOfSeries(twin, key);
      if (s) keys.set(key, s.series);
      else {
        ok = false;
        problems.push(
          exprProblem(path, new ExpressionError(`no sensor of the project has the series \`${key}\`; bind it in Sensors first`, column, `\`${key}\``)),
        );
      }
    }
    return ok ? reads : undefined;
  };
  const parse = (text: string, path: PathPart[]): ExprNode | undefined => {
    try {
      return parseExpression(text);
    } catch (e) {
      if (e instanceof ExpressionError) problems.push(exprProblem(path, e));
      else throw e;
      return undefined;
    }
  };

  const sources = new Map<string, InputSource>();
  const deps = new Map<string, string[]>();
  for (const [name, { input, index }] of inputsByName) {
    const at: PathPart[] = ['inputs', index];
    const set = [input.role, input.sensor, input.expression].filter((v) => v !== undefined).length;
    if (set !== 1) {
      problem(
        at,
        set === 0
          ? `input "${name}" has no source; give a role, a sensor or an expression`
          : `input "${name}" has more than one of role, sensor and expression; keep one`,
        set === 0,
      );
      continue;
    }
    if (input.expression !== undefined) {
      const node = parse(input.expression, [...at, 'expression']);
      const reads = node && resolveLeaves(node, [...at, 'expression']);
      if (node && reads) {
        sources.set(name, { kind: 'expression', node, text: input.expression });
        deps.set(name, reads);
      }
    } else {
      const s = sensorRef(input, at, `input "${name}"`);
      if (s) sources.set(name, { kind: 'series', series: s.series });
      deps.set(name, []);
    }
  }
  const order = evaluationOrder(deps, (cycle) => {
    const first = inputsByName.get(cycle[0] as string);
    problem(['inputs', first?.index ?? 0, 'expression'], `inputs read each other in a circle (${cycle.join(' → ')}); one of them must come from a sensor`);
  });

  const features = featureSpecs(model);
  checkFeatures(model, features, inputsByName, problem);
  let filter: ResolvedModel['filter'] = null;
  if (model.filter !== null && model.filter.trim() !== '') {
    const node = parse(model.filter, ['filter']);
    if (node && resolveLeaves(node, ['filter'])) filter = { node, text: model.filter };
  }
  if (target) {
    for (const [name, src] of sources)
      if (src.kind === 'series' && src.series === target.series)
        problem(
          ['inputs', inputsByName.get(name)?.index ?? 0],
          `input "${name}" reads the target sensor ${target.series} itself; the model would predict it from itself`,
        );
  }
  if (problems.length > 0 || !target || !order) return { problems };
  const inputs = order.filter((n) => sources.has(n)).map((name) => ({ name, source: sources.get(name) as InputSource }));
  const series = [target.series];
  const add = (s: string) => {
    if (!series.includes(s)) series.push(s);
  };
  for (const i of inputs) if (i.source.kind === 'series') add(i.source.series);
  for (const s of names.values()) add(s);
  for (const s of keys.values()) add(s);
  return {
    problems,
    resolved: {
      model,
      assetId,
      assetLabel: label,
      assetTag: (twin.assets[assetId]?.tag ?? '').trim() || assetId,
      target,
      inputs,
      leafSeries: { names, keys },
      features,
      filter,
      series,
    },
  };
}

function checkFeatures(
  model: ModelDefinition,
  features: readonly FeatureSpec[],
  inputs: ReadonlyMap<string, { index: number }>,
  problem: (path: PathPart[], message: string, incomplete?: boolean) => void,
): void {
  if (model.type === 'chiller') {
    for (const needed of ['load', 'lift'])
      if (!inputs.has(needed))
        problem(
          ['inputs'],
          `the chiller template needs an input named "${needed}" (use "Use chiller template" to fill it from the bound roles)`,
          model.inputs.length === 0,
        );
    return;
  }
  if (model.features.length === 0) problem(['features'], 'chooses no features yet; pick the inputs the target depends on', true);
  model.features.forEach((f, i) => {
    if (!inputs.has(f)) problem(['features', i], `"${f}" is not an input of this model`);
  });
  const chosen = new Set(model.features);
  model.squares.forEach((f, i) => {
    if (!chosen.has(f)) problem(['squares', i], `"${f}" is squared but is not one of the features`);
  });
  model.interactions.forEach(([a, b], i) => {
    if (a === b) problem(['interactions', i], `"${a}*${b}" multiplies an input with itself; use squares for that`);
    for (const f of [a, b]) if (!chosen.has(f)) problem(['interactions', i], `"${f}" is in an interaction but is not one of the features`);
  });
  const seen = new Set<string>();
  features.forEach((f) => {
    if (seen.has(f.name)) problem(['features'], `the feature ${f.name} is listed twice`);
    seen.add(f.name);
  });
}

/** Inputs ordered so each comes after the inputs it reads; `onCycle` is told about a circle, and then null is returned. */
function evaluationOrder(deps: ReadonlyMap<string, readonly string[]>, onCycle: (cycle: string[]) => void): string[] | null {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, trail: string[]): boolean => {
    const s = state.get(name);
    if (s === 'done') return true;
    if (s === 'visiting') {
      onCycle([...trail.slice(trail.indexOf(name)), name]);
      return false;
    }
    state.set(name, 'visiting');
    for (const d of deps.get(name) ?? []) if (!visit(d, [...trail, name])) return false;
    state.set(name, 'done');
    order.push(name);
    return true;
  };
  for (const name of deps.keys()) if (!visit(name, [])) return null;
  return order;
}

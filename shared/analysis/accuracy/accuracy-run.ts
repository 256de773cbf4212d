import { demoFaultPlan } from '../../sim/fault-plan';
import { demoGroundTruth, groundTruth, type GroundTruth } from '../../sim/ground-truth';
import { scenarioFaultPlan } from '../../sim/scenario-plan';
import { DEMO_SEED } from '../../sim/simulator';
import type { TwinDocument } from '../../twin/schema';
import { stateFromDocument } from '../../twin/state';
import { readModel } from '../model/read-model';
import { resolveModel, type ResolvedModel } from '../model/resolve-model';
import { runResidualAnalysis } from '../run/residual-run';
import { scoreEpisodes, type DetectorScore } from './score-episodes';
import { simulatedWindows } from './simulated-windows';

/** One model of one simulated year, scored. */
export interface ModelAccuracy {
  scenario: 'demo' | number;
  asset: string;
  /** The fault this model's asset carries, if any. */
  fouling: { start: number; severity: number } | null;
  scores: DetectorScore[];
  episodes: number;
}

/** The resolved models of a project (its chiller models, in the demo). */
export function projectModels(doc: TwinDocument): ResolvedModel[] {
  const twin = stateFromDocument(doc);
  return doc.models.map((m) => {
    const read = readModel(m);
    if (read.status !== 'ok') throw new Error(`Model ${m.id} cannot be read`);
    const { resolved, problems } = resolveModel(twin, read.model);
    if (!resolved) throw new Error(`Model ${m.id}: ${problems.map((p) => p.message).join('; ')}`);
    return resolved;
  });
}

/**
 * Simulate the demo year or a scenario, run every model of the project over the whole year at its own
 * settings (no tuning per scenario), and score the episodes against the ground truth.
 */
export function accuracyOf(models: readonly ResolvedModel[], scenario: 'demo' | number): { truth: GroundTruth; results: ModelAccuracy[] } {
  const plan = scenario === 'demo' ? demoFaultPlan() : scenarioFaultPlan(scenario);
  const seed = scenario === 'demo' ? DEMO_SEED : scenario;
  const resolution = models[0]?.model.resolutionMs ?? 900_000;
  if (models.some((m) => m.model.resolutionMs !== resolution)) throw new Error('The accuracy run expects every model at the same resolution');
  const keys = [...new Set(models.flatMap((m) => m.series))];
  const { data, foulingStart } = simulatedWindows({ seed, plan, resolutionMs: resolution, keys });
  const truth = scenario === 'demo' ? demoGroundTruth() : groundTruth(plan, seed, foulingStart ?? plan.fouling.earliest, `scenario ${scenario}`);
  const range = { from: data.t[0] as number, to: (data.t[data.t.length - 1] as number) + resolution };
  const fouling = truth.faults.find((f) => f.kind === 'condenser-fouling');
  const results = models.map((m): ModelAccuracy => {
    // The columns are shared by the models and the run only reads them.
    const result = runResidualAnalysis({ resolved: m, data, analysis: range });
    const mine = fouling && fouling.assetTags.includes(m.assetLabel);
    return {
      scenario,
      asset: m.assetLabel,
      fouling: mine ? { start: fouling.start.ms, severity: Number(fouling.expected.kwIncreaseAtFull) } : null,
      scores: scoreEpisodes(truth, { assetTag: m.assetLabel, series: m.series, range, episodes: result.episodes }),
      episodes: result.episodes.length,
    };
  });
  return { truth, results };
}

/** The goals of issue 11 for one model's scores: drift ≤ 24 h, threshold ≤ 5 days, ≤ 1 false episode per 30 days each. */
export const GOALS = { driftHours: 24, thresholdHours: 5 * 24, falsePer30Days: 1 } as const;

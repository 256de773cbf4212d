import { describe, expect, it } from 'vitest';
import demoText from '../../../assets/demo/b7-chilled-water.twin.json?raw';
import type { TwinDocument } from '../../twin/schema';
import { accuracyOf, GOALS, projectModels } from './accuracy-run';

// The demo year and five drawn scenarios, every chiller model at the demo project's default settings.
// The same run, with more scenarios and the table, is `npm run bench:residuals`.
const models = projectModels(JSON.parse(demoText) as TwinDocument);
const SCENARIOS = ['demo', 1, 2, 3, 4, 5] as const;

describe('residual analysis finds the injected condenser fouling and stays quiet otherwise', () => {
  for (const scenario of SCENARIOS) {
    it(`${scenario === 'demo' ? 'the demo year' : `scenario ${scenario}`}`, { timeout: 120_000 }, () => {
      const { results } = accuracyOf(models, scenario);
      const fouled = results.filter((r) => r.fouling);
      expect(fouled).toHaveLength(1);
      for (const r of results) {
        for (const s of r.scores) {
          const label = `${r.asset} ${s.detector}`;
          expect(s.falsePer30Days, `${label}: false episodes per 30 days`).toBeLessThanOrEqual(GOALS.falsePer30Days);
          if (!r.fouling) {
            expect(s.delayHours, label).toBeUndefined();
            continue;
          }
          expect(s.delayHours, `${label}: the fouling must be found`).not.toBeNull();
          expect(s.delayHours!, `${label}: hours to the alarm`).toBeLessThanOrEqual(s.detector === 'drift' ? GOALS.driftHours : GOALS.thresholdHours);
          expect(s.delayHours!, label).toBeGreaterThanOrEqual(0);
        }
      }
    });
  }
});

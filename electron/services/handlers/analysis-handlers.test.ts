import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResidualProgress } from '../../../shared/api/analysis-schemas';
import { dispatch, type Handlers } from '../../hosts/dispatch';
import { buildAnalysisBundles } from '../../analysis/testing/build-bundles';
import { SYNTHETIC_FROM, syntheticPoints, syntheticProject } from '../../analysis/testing/synthetic-plant';
import { openLocalSource } from '../../sources/local-source';
import { SourceRegistry } from '../../sources/source-registry';
import { EventHub } from '../event-hub';
import { analysisHandlers } from './analysis-handlers';

/** runResiduals through dispatch, as every host calls it: input parsed, progress as events, cancel by channel. */
let dir: string;
let sources: SourceRegistry;
let events: EventHub;
let handlers: Pick<Handlers, 'runResiduals'>;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'twin-analysis-handlers-'));
  const { worker } = await buildAnalysisBundles(path.join(dir, 'bundle'));
  const local = await openLocalSource(path.join(dir, 'local'));
  await local.store.appendColumns(syntheticPoints());
  sources = new SourceRegistry({ connect: async () => Promise.reject(new Error('no remote sources here')) });
  sources.add(local.info, local.source);
  events = new EventHub();
  handlers = analysisHandlers(sources, events, worker);
});
afterAll(async () => {
  await sources.closeAll();
  await rm(dir, { recursive: true, force: true });
});

const input = (extra: Record<string, unknown> = {}) => ({
  source: 'local',
  document: syntheticProject(),
  model: 'm-p101-power',
  from: SYNTHETIC_FROM,
  to: SYNTHETIC_FROM + 10 * 86_400_000,
  channel: 'residuals:test',
  ...extra,
});

describe('runResiduals through dispatch', () => {
  it('answers the run and sends its progress as residualsProgress events on its channel', async () => {
    const seen: ResidualProgress[] = [];
    const off = events.subscribe((name, payload) => name === 'residualsProgress' && seen.push(payload as ResidualProgress));
    const r = await dispatch(handlers as Handlers, 'runResiduals', input());
    off();
    expect(r.ok).toBe(true);
    expect(r.ok && (r.value as { fit: { rows: number } }).fit.rows).toBe(960);
    expect(seen.length).toBeGreaterThan(3);
    expect(new Set(seen.map((p) => p.channel))).toEqual(new Set(['residuals:test']));
    expect(seen.at(-1)).toMatchObject({ fraction: 1, message: 'Done' });
  });

  it('is cancelled by cancel({ channel }) and says so', async () => {
    const off = events.subscribe((name, payload) => {
      if (name === 'residualsProgress' && (payload as ResidualProgress).stage === 'inputs') sources.channels.cancel('residuals:cancel');
    });
    const r = await dispatch(handlers as Handlers, 'runResiduals', input({ channel: 'residuals:cancel' }));
    off();
    expect(r).toEqual({ ok: false, error: { kind: 'cancelled', message: 'The residual run was cancelled.' } });
  });

  it('refuses malformed input before running', async () => {
    const r = await dispatch(handlers as Handlers, 'runResiduals', input({ from: 'yesterday' }));
    expect(r).toMatchObject({ ok: false, error: { kind: 'invalid-input', problems: [{ path: '$.from' }] } });
  });
});

import { describe, expect, it } from 'vitest';
import demoText from '../../../assets/demo/b7-chilled-water.twin.json?raw';
import { stateFromDocument, type TwinState } from '../../twin/state';
import { validateDocument } from '../../twin/validate';
import { parseProjectText } from '../../twin/validate/project-text';
import type { TwinDocument } from '../../twin/schema';
import { chillerTemplate, newModel } from './chiller-template';
import type { ModelDefinition } from './model-schema';
import { resolveModel } from './resolve-model';

const demo = (): TwinDocument => JSON.parse(demoText) as TwinDocument;
const twin = (doc: TwinDocument = demo()): TwinState => stateFromDocument(doc);
const ch1 = (doc: TwinDocument = demo()): ModelDefinition => chillerTemplate(twin(doc), newModel('m', 'ch-1', 'CH-1 power')).model;

describe('the chiller template', () => {
  it('fills itself from the roles bound to CH-1, through the instruments wired to it', () => {
    const { model, missing } = chillerTemplate(twin(), newModel('m', 'ch-1', 'CH-1 power'));
    expect(missing).toEqual([]);
    expect(model.inputs).toEqual([
      { name: 'flow', role: 'flow' },
      { name: 'chws', role: 'chws-temperature' },
      { name: 'chwr', role: 'chwr-temperature' },
      { name: 'cwr', role: 'cwr-temperature' },
      { name: 'status', role: 'status' },
      { name: 'load', expression: 'flow * (chwr - chws) * 4.186' },
      { name: 'lift', expression: 'cwr - chws' },
    ]);
    const { resolved, problems } = resolveModel(twin(), model);
    expect(problems).toEqual([]);
    // CH-1's temperatures and power sit on instruments wired to it (TT-111…, JT-115); its flow on CH-1 itself.
    expect(resolved?.target.series).toBe('B7_CH1_KW#value');
    expect(resolved?.series).toEqual([
      'B7_CH1_KW#value',
      'B7_CH1_CHW_FLOW#value',
      'B7_CH1_LCHWT#value',
      'B7_CH1_ECHWT#value',
      'B7_CH1_LCWT#value',
      'B7_CH1_STS#value',
    ]);
    expect(resolved?.features.map((f) => f.name)).toEqual(['load', 'lift', 'load^2', 'load*lift']);
  });

  it('falls back to the entering condenser water for the lift, and says which roles are missing', () => {
    const doc = demo();
    doc.sensors = doc.sensors.filter((s) => !(s.role === 'cwr-temperature' || (s.role === 'flow' && s.series.startsWith('B7_CH1'))));
    const { model, missing } = chillerTemplate(twin(doc), newModel('m', 'ch-1', 'x'));
    expect(model.inputs.find((i) => i.name === 'lift')).toEqual({ name: 'lift', expression: 'cws - chws' });
    expect(missing).toEqual(['flow']);
  });

  it('uses the trusted sensor of a role and never an untrusted one', () => {
    const doc = demo();
    for (const s of doc.sensors) if (s.series === 'B7_CH1_LCHWT#value') s.trusted = false;
    doc.sensors.push({ id: 's-spare', series: 'SPARE_LCHWT#value', unit: '°C', role: 'chws-temperature', trusted: true, assetId: 'ch-1' });
    expect(resolveModel(twin(doc), ch1(doc)).resolved?.series).toContain('SPARE_LCHWT#value');
    doc.sensors.pop();
    const { problems } = resolveModel(twin(doc), ch1(doc));
    expect(problems).toEqual([
      { path: ['inputs', 1, 'role'], message: expect.stringMatching(/CH-1's sensor of role "chws-temperature" \(B7_CH1_LCHWT#value\) is marked untrusted/) },
    ]);
  });
});

describe('resolveModel says what is wrong and where', () => {
  const withInputs = (inputs: ModelDefinition['inputs'], extra: Partial<ModelDefinition> = {}): ModelDefinition => ({ ...ch1(), ...extra, inputs });

  it('an expression naming an unknown role, name or sensor, with the column', () => {
    const base = ch1().inputs;
    const m = withInputs([
      ...base.slice(0, 5),
      { name: 'load', expression: 'flow * (chwr - chwx) * 4.186' },
      { name: 'lift', expression: 'cwr - `NO_SUCH#value` + dp' },
    ]);
    const { problems, resolved } = resolveModel(twin(), m);
    expect(resolved).toBeUndefined();
    expect(problems).toEqual([
      {
        path: ['inputs', 5, 'expression'],
        message: expect.stringMatching(
          /^unknown name "chwx": it is not an input of this model \(flow, chws.*\) nor a role of CH-1's sensors \(chwr-temperature.*\) \(column 16, at "chwx"\)$/,
        ),
      },
      { path: ['inputs', 6, 'expression'], message: 'unknown name "dp": no sensor of CH-1 has the role "dp"; bind one in Sensors (column 25, at "dp")' },
      {
        path: ['inputs', 6, 'expression'],
        message: 'no sensor of the project has the series `NO_SUCH#value`; bind it in Sensors first (column 7, at "`NO_SUCH#value`")',
      },
    ]);
  });

  it('a parse error, a duplicate name, a circle, an input with two sources, an unknown sensor id', () => {
    const base = ch1().inputs;
    const m = withInputs([
      ...base.slice(0, 4),
      { name: 'flow', role: 'flow' },
      { name: 'load', expression: 'flow * (chwr - chws' },
      { name: 'lift', expression: 'a - chws' },
      { name: 'a', expression: 'b + 1' },
      { name: 'b', expression: 'lift * 2' },
      { name: 'c', role: 'power', sensor: 's-b7-ch1-kw' },
      { name: 'd', sensor: 's-nope' },
    ]);
    const messages = resolveModel(twin(), m).problems.map((p) => `${p.path.join('.')}: ${p.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        'inputs.4.name: the name "flow" is already used by input 1; input names must be unique',
        'inputs.5.expression: expected ")" to close the "(" at column 8, found the end of the expression (column 20, at the end)',
        'inputs.6.expression: inputs read each other in a circle (lift → a → b → lift); one of them must come from a sensor',
        'inputs.9: input "c" has more than one of role, sensor and expression; keep one',
        'inputs.10.sensor: no sensor has id "s-nope"; pick one from the project\'s sensors',
      ]),
    );
  });

  it('linear models: features must be inputs; a draft without target or features is incomplete, not invalid', () => {
    const draft = newModel('d', 'ch-1', 'draft');
    expect(resolveModel(twin(), draft).problems.every((p) => p.incomplete)).toBe(true);
    const m: ModelDefinition = {
      ...draft,
      target: { role: 'power' },
      inputs: [{ name: 'x', role: 'flow' }],
      features: ['x', 'y'],
      squares: ['z'],
      interactions: [['x', 'x']],
    };
    const messages = resolveModel(twin(), m).problems.map((p) => `${p.path.join('.')}: ${p.message}`);
    expect(messages).toEqual([
      'features.1: "y" is not an input of this model',
      'squares.0: "z" is squared but is not one of the features',
      'interactions.0: "x*x" multiplies an input with itself; use squares for that',
    ]);
  });
});

describe('the validator checks models', () => {
  it('the demo project and its two chiller models are valid', () => {
    expect(validateDocument(JSON.parse(demoText))).toEqual([]);
  });

  it('reports model problems with JSON paths: shape errors refuse the file, unresolved names warn', () => {
    const doc = demo();
    (doc.models[0] as Record<string, unknown>).inputs = [{ name: 'load', expression: 'flow * (chwr - ' }];
    (doc.models[1] as Record<string, unknown>).resolutionMs = 'fast';
    const problems = validateDocument(doc);
    expect(problems).toContainEqual({ path: '$.models[1].resolutionMs', message: expect.stringContaining('expected number'), severity: 'error' });
    expect(problems).toContainEqual({
      path: '$.models[0].inputs[0].expression',
      message: expect.stringContaining('ends where a value was expected (column 16'),
      severity: 'warning',
    });
    delete (doc.models[1] as Record<string, unknown>).resolutionMs;
    const { problems: warnings } = parseProjectText(JSON.stringify(doc), 'b7.twin.json');
    expect(warnings.map((p) => p.path)).toContain('$.models[0].inputs[0].expression');
  });

  it('keeps a model made by a newer build as written, with a warning', () => {
    const doc = demo();
    (doc.models[0] as Record<string, unknown>).modelVersion = 9;
    expect(validateDocument(doc)).toEqual([
      { path: '$.models[0].modelVersion', message: expect.stringContaining('made by a newer Twin Studio'), severity: 'warning' },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import demoText from '../../../assets/demo/b7-chilled-water.twin.json?raw';
import { applyDiff } from '../../twin/diff';
import { History } from '../../twin/history';
import type { TwinDocument, TwinModel } from '../../twin/schema';
import { stateFromDocument, type TwinState } from '../../twin/state';
import { chillerTemplate, newModel } from './chiller-template';
import { addModel, freshModelId, modelsOfAsset, putModel, removeModel } from './model-edits';
import { readModel } from './read-model';

describe('model edits are undoable diffs', () => {
  it('add, edit (typing squashed into one step), template, delete — and back', () => {
    let twin: TwinState = stateFromDocument(JSON.parse(demoText) as TwinDocument);
    const history = new History();
    const apply = (diff: Parameters<typeof applyDiff>[1], capture: Parameters<History['record']>[1]) => {
      twin = applyDiff(twin, diff);
      history.record(diff, capture);
    };
    const original = twin;
    const id = freshModelId(twin, 'CH-1 power');
    expect(id).toBe('m-ch-1-power-2');
    apply(addModel(twin, newModel(id, 'ch-1', 'CH-1')), { kind: 'record' });
    for (const name of ['CH-1 k', 'CH-1 kW', 'CH-1 kW model'])
      apply(putModel(twin, { ...newModel(id, 'ch-1', name) }), { kind: 'squash', key: `model:${id}:name` });
    history.seal();
    const read = readModel(twin.models[id]);
    if (read.status !== 'ok') throw new Error('unreadable');
    apply(putModel(twin, chillerTemplate(twin, read.model).model), { kind: 'record' });
    expect(modelsOfAsset(twin, 'ch-1').map((m) => m.id)).toEqual(['m-ch-1-power', id]);
    apply(removeModel(twin, id), { kind: 'record' });
    expect(twin.models[id]).toBeUndefined();

    const undo = () => (twin = applyDiff(twin, history.undo() ?? {}));
    undo();
    expect((twin.models[id] as TwinModel & { type: string }).type).toBe('chiller');
    undo();
    expect(twin.models[id]?.name).toBe('CH-1 kW model');
    undo();
    expect(twin.models[id]?.name).toBe('CH-1');
    undo();
    expect(twin.models).toEqual(original.models);
  });

  it('an edit keeps fields of the stored record this build does not know', () => {
    const twin = stateFromDocument(JSON.parse(demoText) as TwinDocument);
    const stored = { ...(twin.models['m-ch-1-power'] as TwinModel), reviewedBy: 'plant-eng', legacyFields: { inputs: ['load'] } };
    const withExtra = applyDiff(twin, putModel(twin, stored as never));
    const read = readModel(withExtra.models['m-ch-1-power']);
    if (read.status !== 'ok') throw new Error('unreadable');
    const edited = applyDiff(withExtra, putModel(withExtra, { ...read.model, name: 'renamed' }));
    expect(edited.models['m-ch-1-power']).toMatchObject({ name: 'renamed', reviewedBy: 'plant-eng', legacyFields: { inputs: ['load'] } });
  });
});

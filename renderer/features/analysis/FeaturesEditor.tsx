import { useEffect, useState } from 'react';
import type { ModelDefinition } from '../../../shared/analysis/model/model-schema';

/** A linear model's features: which inputs enter, which also squared, and products as `a*b, c*d`. */
export function FeaturesEditor(props: { model: ModelDefinition; onChange(patch: Partial<ModelDefinition>, field: string | null): void; onCommit(): void }) {
  const { model } = props;
  const text = model.interactions.map(([a, b]) => `${a}*${b}`).join(', ');
  const [typed, setTyped] = useState(text);
  useEffect(() => setTyped(text), [text]);
  const toggle = (list: readonly string[], name: string, on: boolean) => (on ? [...list.filter((x) => x !== name), name] : list.filter((x) => x !== name));
  return (
    <fieldset className="analysis__group">
      <legend>Features</legend>
      <table className="analysis__features">
        <thead>
          <tr>
            <th scope="col">Input</th>
            <th scope="col">Feature</th>
            <th scope="col">Squared</th>
          </tr>
        </thead>
        <tbody>
          {model.inputs.map((i) => (
            <tr key={i.name}>
              <th scope="row">{i.name}</th>
              <td>
                <input
                  type="checkbox"
                  aria-label={`${i.name} is a feature`}
                  checked={model.features.includes(i.name)}
                  onChange={(e) =>
                    props.onChange(
                      {
                        features: toggle(model.features, i.name, e.target.checked),
                        squares: e.target.checked ? model.squares : model.squares.filter((s) => s !== i.name),
                      },
                      null,
                    )
                  }
                />
              </td>
              <td>
                <input
                  type="checkbox"
                  aria-label={`${i.name} squared`}
                  disabled={!model.features.includes(i.name)}
                  checked={model.squares.includes(i.name)}
                  onChange={(e) => props.onChange({ squares: toggle(model.squares, i.name, e.target.checked) }, null)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="field">
        <label htmlFor="analysis-interactions">Products of features</label>
        <input
          id="analysis-interactions"
          value={typed}
          placeholder="load*lift"
          spellCheck={false}
          onChange={(e) => {
            setTyped(e.target.value);
            const pairs = e.target.value
              .split(',')
              .map((p) => p.trim())
              .filter((p) => p !== '')
              .map((p) => p.split('*').map((x) => x.trim()));
            if (pairs.every((p) => p.length === 2 && p[0] && p[1])) props.onChange({ interactions: pairs as [string, string][] }, 'interactions');
          }}
          onBlur={props.onCommit}
        />
      </div>
    </fieldset>
  );
}

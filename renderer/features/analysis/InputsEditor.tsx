import type { ModelDefinition, ModelInput } from '../../../shared/analysis/model/model-schema';
import type { Sensor } from '../../../shared/twin/schema';

type Kind = 'role' | 'sensor' | 'expression';

function kindOf(i: ModelInput): Kind {
  return i.expression !== undefined ? 'expression' : i.sensor !== undefined ? 'sensor' : 'role';
}

/** The inputs of a model: each named, from a role of the asset's sensors, a sensor, or an expression of other inputs. */
export function InputsEditor(props: {
  model: ModelDefinition;
  roles: readonly string[];
  sensors: readonly Sensor[];
  onChange(inputs: ModelInput[], field: string | null): void;
  onCommit(): void;
}) {
  const { model, roles, sensors } = props;
  const set = (i: number, next: ModelInput, field: string | null) =>
    props.onChange(
      model.inputs.map((x, k) => (k === i ? next : x)),
      field,
    );
  return (
    <fieldset className="analysis__group">
      <legend>Inputs</legend>
      <ul className="analysis__inputs" aria-label="Inputs">
        {model.inputs.map((input, i) => {
          const kind = kindOf(input);
          return (
            <li key={i} className="analysis__input">
              <input
                aria-label={`Input ${i + 1} name`}
                value={input.name}
                spellCheck={false}
                onChange={(e) => set(i, { ...input, name: e.target.value }, `input:${i}:name`)}
                onBlur={props.onCommit}
              />
              <select
                aria-label={`Input ${i + 1} source`}
                value={kind}
                onChange={(e) => {
                  const k = e.target.value as Kind;
                  const { role: _r, sensor: _s, expression: _e, ...rest } = input;
                  set(
                    i,
                    k === 'role'
                      ? { ...rest, role: roles[0] ?? 'power' }
                      : k === 'sensor'
                        ? { ...rest, sensor: sensors[0]?.id ?? '' }
                        : { ...rest, expression: '' },
                    null,
                  );
                }}
              >
                <option value="role">role</option>
                <option value="sensor">sensor</option>
                <option value="expression">expression</option>
              </select>
              {kind === 'role' && (
                <select aria-label={`Input ${i + 1} role`} value={input.role} onChange={(e) => set(i, { ...input, role: e.target.value }, null)}>
                  {[...new Set([...(input.role ? [input.role] : []), ...roles])].map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </select>
              )}
              {kind === 'sensor' && (
                <select aria-label={`Input ${i + 1} sensor`} value={input.sensor} onChange={(e) => set(i, { ...input, sensor: e.target.value }, null)}>
                  {sensors.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.series}
                    </option>
                  ))}
                </select>
              )}
              {kind === 'expression' && (
                <input
                  className="analysis__expression"
                  aria-label={`Input ${i + 1} expression`}
                  value={input.expression}
                  spellCheck={false}
                  placeholder="flow * (chwr - chws) * 4.186"
                  onChange={(e) => set(i, { ...input, expression: e.target.value }, `input:${i}:expression`)}
                  onBlur={props.onCommit}
                />
              )}
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove input ${input.name || i + 1}`}
                onClick={() =>
                  props.onChange(
                    model.inputs.filter((_, k) => k !== i),
                    null,
                  )
                }
              >
                ×
              </button>
            </li>
          );
        })}
      </ul>
      <button type="button" onClick={() => props.onChange([...model.inputs, { name: `x${model.inputs.length + 1}`, role: roles[0] ?? 'power' }], null)}>
        Add input
      </button>
    </fieldset>
  );
}

import { useEffect, useId, useState } from 'react';

/** A labelled number field that keeps what is typed until it parses, and says why it does not. */
export function NumberField(props: {
  label: string;
  value: number;
  min?: number;
  max?: number;
  integer?: boolean;
  onChange(v: number): void;
  onCommit(): void;
  hint?: string;
}) {
  const id = useId();
  const [text, setText] = useState(String(props.value));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setText((t) => (Number(t) === props.value ? t : String(props.value))), [props.value]);
  return (
    <div className="field field--number">
      <label htmlFor={id} title={props.hint}>
        {props.label}
      </label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        value={text}
        aria-invalid={error ? true : undefined}
        onChange={(e) => {
          const t = e.target.value;
          setText(t);
          const n = Number(t);
          if (t.trim() === '' || !Number.isFinite(n)) setError(`"${t}" is not a number.`);
          else if (props.integer && !Number.isInteger(n)) setError('A whole number.');
          else if (props.min !== undefined && n < props.min) setError(`At least ${props.min}.`);
          else if (props.max !== undefined && n > props.max) setError(`At most ${props.max}.`);
          else {
            setError(null);
            props.onChange(n);
          }
        }}
        onBlur={props.onCommit}
      />
      {error && <p className="field__error">{error}</p>}
    </div>
  );
}

import { useEffect, useId, useState } from 'react';
import type { PropertyDef } from '../../shared/catalog/types';
import type { PropertyValue } from '../../shared/twin/schema';

interface TextFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  /** Ends the undo step of this field. */
  onCommit(): void;
  error?: string | null;
  list?: string;
  placeholder?: string;
}

/** A labelled text field; each keystroke updates the document, the whole edit is one undo step. */
export function TextField({ label, value, onChange, onCommit, error, list, placeholder }: TextFieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        value={value}
        list={list}
        placeholder={placeholder}
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onCommit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            onCommit();
            (e.target as HTMLInputElement).blur();
          }
        }}
      />
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}

/** A number field that keeps what is typed until it parses, so "1." or "-" are not thrown away mid-typing. */
function NumberField({
  def,
  value,
  onChange,
  onCommit,
}: {
  def: Extract<PropertyDef, { type: 'number' }>;
  value: PropertyValue;
  onChange(v: number | null): void;
  onCommit(): void;
}) {
  const id = useId();
  const [text, setText] = useState(value === null || value === undefined ? '' : String(value));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setText((t) => (Number(t) === value || (t === '' && value === null) ? t : value === null ? '' : String(value)));
  }, [value]);
  return (
    <div className="field">
      <label htmlFor={id}>
        {def.label}
        {def.unit ? <span className="field__unit"> ({def.unit})</span> : null}
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
          if (t.trim() === '') {
            setError(null);
            onChange(null);
            return;
          }
          const n = Number(t);
          if (!/^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(t) || !Number.isFinite(n)) setError(`"${t}" is not a number.`);
          else if (def.min !== undefined && n < def.min) setError(`At least ${def.min}.`);
          else if (def.max !== undefined && n > def.max) setError(`At most ${def.max}.`);
          else {
            setError(null);
            onChange(n);
          }
        }}
        onBlur={onCommit}
      />
      {error && <p className="field__error">{error}</p>}
    </div>
  );
}

/** The right input for a catalog property definition. */
export function PropertyField({
  def,
  value,
  onChange,
  onCommit,
}: {
  def: PropertyDef;
  value: PropertyValue;
  onChange(v: PropertyValue): void;
  onCommit(): void;
}) {
  const id = useId();
  switch (def.type) {
    case 'number':
      return <NumberField def={def} value={value} onChange={onChange} onCommit={onCommit} />;
    case 'string':
      return <TextField label={def.label} value={typeof value === 'string' ? value : ''} onChange={onChange} onCommit={onCommit} />;
    case 'enum':
      return (
        <div className="field">
          <label htmlFor={id}>{def.label}</label>
          <select
            id={id}
            value={typeof value === 'string' ? value : def.default}
            onChange={(e) => {
              onChange(e.target.value);
              onCommit();
            }}
          >
            {def.options.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </div>
      );
    case 'boolean':
      return (
        <div className="field field--check">
          <input
            id={id}
            type="checkbox"
            checked={value === true}
            onChange={(e) => {
              onChange(e.target.checked);
              onCommit();
            }}
          />
          <label htmlFor={id}>{def.label}</label>
        </div>
      );
  }
}

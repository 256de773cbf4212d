import { useId, useState } from 'react';
import type { QualitySettings } from '../../../shared/series/cursor-reading';
import { useQuality } from './quality-settings';
import { STATE_MARKS } from './state-marks';

const FIELDS: readonly { key: keyof QualitySettings; label: string }[] = [
  { key: 'staleAfter', label: 'Stale after' },
  { key: 'missingAfter', label: 'Missing after' },
  { key: 'flatlineAfter', label: 'Flatlined after' },
];

function QualityField({ field, label }: { field: keyof QualitySettings; label: string }) {
  const value = useQuality((s) => s.settings[field]);
  const [text, setText] = useState(String(value));
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const commit = () => {
    const problem = useQuality.getState().set(field, Number(text));
    setError(problem);
    if (problem) setText(String(useQuality.getState().settings[field]));
  };
  return (
    <div className="legend__field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        min={1}
        step={1}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
      <span className="muted">× usual interval</span>
      {error && <span role="alert">{error}</span>}
    </div>
  );
}

/** What each mark on the schematic means (colour, shape and text for each state), and when values count as stale. */
export function ValueLegend() {
  const [open, setOpen] = useState(false);
  return (
    <div className="legend">
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        Legend
      </button>
      {open && (
        <section className="legend__panel" aria-label="Legend">
          <ul>
            {STATE_MARKS.map((m) => (
              <li key={m.id}>
                <span className="legend__swatch" aria-hidden="true">
                  {m.kind === 'equipment' ? (
                    <span className="equipment">
                      <span className={m.className}>
                        {m.symbol} {m.sample}
                      </span>
                    </span>
                  ) : (
                    <span className={`value ${m.className}`}>
                      <span className="value__mark">{m.symbol}</span> {m.sample}
                    </span>
                  )}
                </span>
                <span>
                  <strong>{m.name}</strong>: {m.meaning}
                </span>
              </li>
            ))}
          </ul>
          <fieldset>
            <legend>When a value counts as stale or missing</legend>
            {FIELDS.map((f) => (
              <QualityField key={f.key} field={f.key} label={f.label} />
            ))}
            <p className="muted">The usual interval is learned per sensor from its data in the range.</p>
          </fieldset>
        </section>
      )}
    </div>
  );
}

import { useId, useState, type FormEvent } from 'react';
import { RANGE_PRESETS, type PresetId } from '../../../shared/time/range-presets';
import { wallTextInZone } from '../../../shared/time/zone-format';
import { applyCustomRange, applyPreset } from './range-actions';
import { timeStore, useTime } from './time-store';
import { usePlantZone } from './use-plant-zone';

/** Says where presets end: at the newest data (a historian export, the demo year), or now. */
function AnchorNote({ zone }: { zone: string }) {
  const anchor = useTime((s) => s.anchor);
  if (!anchor) return <span className="range-picker__anchor muted">Finding the newest data…</span>;
  const text =
    anchor.kind === 'newest-data' && anchor.newest !== null
      ? `Presets end at the newest data: ${wallTextInZone(anchor.newest, zone, { seconds: false })}`
      : anchor.newest === null
        ? 'Presets end now (no data for the bound sensors)'
        : 'Presets end now (live data)';
  return (
    <span className="range-picker__anchor" data-anchor={anchor.kind} title={`Times in ${zone}`}>
      {text}
    </span>
  );
}

function CustomRangeForm({ zone, onDone }: { zone: string; onDone: () => void }) {
  const range = timeStore.getState().range;
  const [from, setFrom] = useState(range ? wallTextInZone(range.from, zone, { seconds: false }) : '');
  const [to, setTo] = useState(range ? wallTextInZone(range.to, zone, { seconds: false }) : '');
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problem = applyCustomRange(from, to);
    setError(problem);
    if (!problem) onDone();
  };
  return (
    <form className="range-picker__custom" aria-label="Custom time range" onSubmit={submit}>
      <label htmlFor={`${id}-from`}>From</label>
      <input
        id={`${id}-from`}
        value={from}
        onChange={(e) => setFrom(e.target.value)}
        aria-invalid={error?.startsWith('From') || undefined}
        spellCheck={false}
      />
      <label htmlFor={`${id}-to`}>To</label>
      <input id={`${id}-to`} value={to} onChange={(e) => setTo(e.target.value)} aria-invalid={error?.startsWith('To') || undefined} spellCheck={false} />
      <span className="muted">{zone}</span>
      <button type="submit">Apply</button>
      <button type="button" onClick={onDone}>
        Cancel
      </button>
      {error && (
        <p role="alert" className="range-picker__error">
          {error}
        </p>
      )}
    </form>
  );
}

/** The range picker: a group named "Time range" with one button per preset (DESIGN.md), and a custom range. */
export function RangePicker() {
  const preset = useTime((s) => s.preset);
  const canGoBack = useTime((s) => s.previous.length > 0);
  const zone = usePlantZone();
  const [customOpen, setCustomOpen] = useState(false);
  const choose = (id: PresetId) => {
    setCustomOpen(false);
    void applyPreset(id);
  };
  return (
    <div className="range-picker">
      <div role="group" aria-label="Time range" className="range-picker__presets">
        {RANGE_PRESETS.map((p) => (
          <button key={p.id} type="button" aria-pressed={preset === p.id} onClick={() => choose(p.id)}>
            {p.label}
          </button>
        ))}
        <button type="button" aria-pressed={preset === 'custom'} aria-expanded={customOpen} onClick={() => setCustomOpen(!customOpen)}>
          Custom…
        </button>
        {canGoBack && (
          <button type="button" onClick={() => timeStore.getState().zoomBack()} title="Back to the range before the last zoom">
            Back
          </button>
        )}
      </div>
      <AnchorNote zone={zone} />
      {customOpen && <CustomRangeForm zone={zone} onDone={() => setCustomOpen(false)} />}
    </div>
  );
}

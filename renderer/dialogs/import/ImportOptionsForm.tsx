import { importFormats, timestampFormats, type ImportOptions, type ImportPreview } from '../../../shared/api/source-schemas';
import { IMPORT_LAYOUTS } from '../../../shared/import/import-layouts';
import { timestampOptionLabel } from './import-text';

export type ImportFormOptions = Pick<ImportOptions, 'format' | 'timestampFormat' | 'ambiguousTime' | 'nonexistentTime' | 'delimiter'> & { timeZone: string };

export const DEFAULT_FORM: ImportFormOptions = {
  format: 'auto',
  timestampFormat: 'auto',
  ambiguousTime: 'reject',
  nonexistentTime: 'reject',
  delimiter: 'auto',
  timeZone: '',
};

/** The options as the API takes them. */
export function importRequest(options: ImportFormOptions): ImportOptions {
  const { timeZone, ...rest } = options;
  return { ...rest, field: 'value', ...(timeZone.trim() ? { timeZone: timeZone.trim() } : {}) };
}

function Select<T extends string>({
  id,
  label,
  value,
  choices,
  onChange,
}: {
  id: string;
  label: string;
  value: T;
  choices: readonly (readonly [T, string])[];
  onChange(v: T): void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as T)}>
        {choices.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

const FORMAT_NAMES: Record<(typeof importFormats)[number], string> = {
  auto: 'Detect',
  'csv-wide': IMPORT_LAYOUTS.wide,
  'csv-long': IMPORT_LAYOUTS.long,
  'line-protocol': IMPORT_LAYOUTS['line-protocol'],
  'pi-long': IMPORT_LAYOUTS['pi-long'],
  'pi-wide': IMPORT_LAYOUTS['pi-wide'],
  aveva: IMPORT_LAYOUTS.aveva,
  niagara: IMPORT_LAYOUTS.niagara,
  ignition: IMPORT_LAYOUTS.ignition,
  kepware: IMPORT_LAYOUTS.kepware,
};

/** How to read the files: layout, delimiter, timestamp format (each shown with what it makes of the first timestamp), zone, DST choices. */
export function ImportOptionsForm({
  options,
  preview,
  zoneMissing,
  plantZone,
  set,
}: {
  options: ImportFormOptions;
  preview: ImportPreview | null;
  zoneMissing: boolean;
  plantZone: string;
  set<K extends keyof ImportFormOptions>(k: K, v: ImportFormOptions[K]): void;
}) {
  return (
    <div className="import-options">
      <Select
        id="import-format"
        label="Layout"
        value={options.format}
        onChange={(v) => set('format', v)}
        choices={importFormats.map((f) => [f, f === 'auto' && preview ? `Detect (found: ${preview.layout.name})` : FORMAT_NAMES[f]] as const)}
      />
      <Select
        id="import-delimiter"
        label="Delimiter"
        value={options.delimiter}
        onChange={(v) => set('delimiter', v)}
        choices={[
          ['auto', 'Detect'],
          [',', 'Comma'],
          [';', 'Semicolon'],
          ['\t', 'Tab'],
        ]}
      />
      <Select
        id="import-timestamps"
        label="Timestamps"
        value={options.timestampFormat}
        onChange={(v) => set('timestampFormat', v)}
        choices={timestampFormats.map((f) => [f, timestampOptionLabel(f, preview)] as const)}
      />
      <div className="field">
        <label htmlFor="import-zone">Time zone of times without an offset</label>
        <div className="field--row">
          <input
            id="import-zone"
            value={options.timeZone}
            onChange={(e) => set('timeZone', e.target.value)}
            placeholder="e.g. America/Chicago"
            aria-invalid={zoneMissing ? true : undefined}
          />
          <button type="button" onClick={() => set('timeZone', plantZone)} title={`The project's plant time zone: ${plantZone}`}>
            Use plant zone
          </button>
        </div>
      </div>
      <Select
        id="import-ambiguous"
        label="A wall time that occurs twice (DST ends)"
        value={options.ambiguousTime}
        onChange={(v) => set('ambiguousTime', v)}
        choices={[
          ['reject', 'Skip the row as an error'],
          ['earlier', 'The earlier instant'],
          ['later', 'The later instant'],
        ]}
      />
      <Select
        id="import-nonexistent"
        label="A wall time that does not exist (DST starts)"
        value={options.nonexistentTime}
        onChange={(v) => set('nonexistentTime', v)}
        choices={[
          ['reject', 'Skip the row as an error'],
          ['shift-forward', 'Shift forward by the gap'],
        ]}
      />
    </div>
  );
}

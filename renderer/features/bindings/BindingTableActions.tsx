import { useRef } from 'react';
import { runCommand } from '../../commands/registry';
import { useSources } from '../../stores/sources-store';
import { useBindingsView } from './bindings-view-store';
import { useProjectSources } from './use-project-sources';
import './bindings.css';

/** Hand the binding table to a colleague as a spreadsheet and take theirs back; how dropped bubbles are placed. */
export function BindingTableActions() {
  const file = useRef<HTMLInputElement>(null);
  const linkDropped = useBindingsView((s) => s.linkDropped);
  const resolved = useProjectSources();
  const onFile = async (f: File | undefined) => {
    if (!f) return;
    const text = await f.text();
    // The catalog of the source being browsed judges the series of the project sources it serves.
    const { active, entries } = useSources.getState();
    const keys = new Set(entries.map((e) => e.key));
    const served = new Set(resolved.filter((r) => r.resolution.sessionSourceId === active).map((r) => r.source.id));
    runCommand('bindings.importTable', { text, fileName: f.name, knownSeries: (id: string) => (served.has(id) ? keys : undefined) });
    if (file.current) file.current.value = '';
  };
  return (
    <div className="binding-table">
      <div className="sensors__actions">
        <button
          type="button"
          onClick={() => runCommand('bindings.exportTable', {})}
          title="Save the binding table (series, asset tag, role, unit, trusted, source) as CSV"
        >
          Export table
        </button>
        <button type="button" onClick={() => file.current?.click()} title="Make a CSV binding table the project's bindings (all or nothing)">
          Import table…
        </button>
        <input ref={file} type="file" accept=".csv,text/csv" hidden aria-label="Binding table file" onChange={(e) => void onFile(e.target.files?.[0])} />
      </div>
      <label className="inline-check">
        <input type="checkbox" checked={linkDropped} onChange={(e) => useBindingsView.getState().setLinkDropped(e.target.checked)} /> Wire a bubble dropped on
        the canvas to the nearest asset
      </label>
    </div>
  );
}

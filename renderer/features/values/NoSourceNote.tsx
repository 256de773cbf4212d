import { defaultSourceId, sourceOfSensor } from '../../../shared/twin/project-sources';
import type { Sensor } from '../../../shared/twin/schema';
import { useDocument } from '../../stores/document-store';
import { useProjectSources } from '../bindings/use-project-sources';
import { useSeriesData } from '../series/series-store';

/**
 * Why a sensor has no value for want of its source, in the inspector: its project source is not connected in
 * this session (and what to connect), two connections fit and the user must pick, or the connection failed.
 */
export function NoSourceNote({ sensor }: { sensor: Sensor }) {
  const resolved = useProjectSources();
  const sources = useDocument((s) => s.twin.sources);
  const defaultSource = useDocument((s) => s.twin.meta.defaultSource);
  const id = sourceOfSensor(sensor, defaultSourceId(defaultSource, Object.values(sources)));
  const entry = resolved.find((r) => r.source.id === id);
  const connection = entry?.resolution.sessionSourceId ?? null;
  const failure = useSeriesData((s) => (connection === null ? undefined : s.failures[connection]));
  const name = entry ? `“${entry.source.name}”` : `“${id}” (not listed in the project)`;
  let text: string;
  if (entry && connection !== null) text = `Source ${name} could not be read${failure ? `: ${failure}` : ''}.`;
  else if (entry?.resolution.by === 'ambiguous') text = `Source ${name}: two connections have its data; choose one under Project sources.`;
  else text = `Source ${name} is not connected in this session; connect it (Sensors, Connect…) to draw this value.`;
  return (
    <div className="asset-readings__why" data-why={connection !== null ? 'source-error' : 'no-source'}>
      {text}
    </div>
  );
}

import { useMemo } from 'react';
import { defaultSourceId, sourceOfSensor } from '../../../shared/twin/project-sources';
import type { ProjectSource } from '../../../shared/twin/schema';
import { useDocument } from '../../stores/document-store';
import { useSources } from '../../stores/sources-store';
import { useSourceChoice } from './source-choice-store';
import { useProjectSources } from './use-project-sources';
import './bindings.css';

function where(s: ProjectSource): string {
  const db = s.database ? `, database ${s.database}` : s.bucket ? `, bucket ${s.bucket}${s.org ? ` of ${s.org}` : ''}` : '';
  return `${s.url ?? 'an unknown address'}${db}`;
}

/**
 * The project's sources and the connection of this session each reads from, saying clearly when one is
 * not connected and which sensors wait for it; where two connections fit, the user picks one.
 */
export function ProjectSourcesStatus() {
  const resolved = useProjectSources();
  const sensors = useDocument((s) => s.twin.sensors);
  const sources = useDocument((s) => s.twin.sources);
  const defaultSource = useDocument((s) => s.twin.meta.defaultSource);
  const session = useSources((s) => s.sources);
  const waiting = useMemo(() => {
    const defaultId = defaultSourceId(defaultSource, Object.values(sources));
    const by = new Map<string, string[]>();
    for (const s of Object.values(sensors)) {
      if (s.assetId === null) continue;
      const id = sourceOfSensor(s, defaultId);
      by.set(id, [...(by.get(id) ?? []), s.series]);
    }
    return by;
  }, [sensors, sources, defaultSource]);
  if (!resolved.length) return null;
  return (
    <section className="project-sources" aria-label="Project sources">
      <h3 className="project-sources__title">Project sources</h3>
      <ul>
        {resolved.map(({ source, resolution }) => {
          const bound = waiting.get(source.id) ?? [];
          const connected = resolution.sessionSourceId !== null;
          const via = session.find((s) => s.id === resolution.sessionSourceId);
          return (
            <li key={source.id} data-source={source.id} data-connected={connected}>
              <strong>{source.name}</strong>{' '}
              {connected ? (
                <span className="project-sources__ok">
                  reads from {via?.name ?? resolution.sessionSourceId}
                  {via && via.location !== source.url && source.kind !== 'local' ? ` (${via.location})` : ''}
                </span>
              ) : resolution.by === 'ambiguous' ? (
                <label className="project-sources__choose">
                  two connections have its data; read from{' '}
                  <select
                    aria-label={`Connection for ${source.name}`}
                    value=""
                    onChange={(e) => e.target.value && useSourceChoice.getState().choose(source.id, e.target.value)}
                  >
                    <option value="">choose…</option>
                    {resolution.candidates.map((c) => (
                      <option key={c} value={c}>
                        {session.find((s) => s.id === c)?.name ?? c} ({session.find((s) => s.id === c)?.location})
                      </option>
                    ))}
                  </select>
                </label>
              ) : (
                <span className="project-sources__missing" role="status">
                  is not connected: connect to {where(source)} (Connect… above) to read its {bound.length} sensor{bound.length === 1 ? '' : 's'}
                </span>
              )}
              {!connected && bound.length > 0 && (
                <details>
                  <summary>
                    {bound.length} sensor{bound.length === 1 ? '' : 's'} wait for {source.name}
                  </summary>
                  <ul className="project-sources__waiting" aria-label={`Sensors waiting for ${source.name}`}>
                    {bound.map((k) => (
                      <li key={k}>
                        <code>{k}</code>
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

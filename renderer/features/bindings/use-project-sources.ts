import { useMemo } from 'react';
import { defaultSourceId, sourceOfSensor } from '../../../shared/twin/project-sources';
import type { ProjectSource, Sensor } from '../../../shared/twin/schema';
import { projectSourcesOf, resolveSources, type SourceResolution } from '../../../shared/twin/source-resolution';
import { useDocument } from '../../stores/document-store';
import { useSources } from '../../stores/sources-store';
import { useSourceChoice } from './source-choice-store';

export interface ResolvedSource {
  source: ProjectSource;
  resolution: SourceResolution;
}

/** The project's sources, each resolved to a connection of this session (or not connected). */
export function useProjectSources(): ResolvedSource[] {
  const sources = useDocument((s) => s.twin.sources);
  const defaultSource = useDocument((s) => s.twin.meta.defaultSource);
  const session = useSources((s) => s.sources);
  const chosen = useSourceChoice((s) => s.chosen);
  return useMemo(() => {
    const list = projectSourcesOf(Object.values(sources), defaultSource);
    const resolved = resolveSources(list, session, chosen);
    return list.map((source) => ({ source, resolution: resolved.get(source.id) as SourceResolution }));
  }, [sources, defaultSource, session, chosen]);
}

/** The project sensors bound to an asset, by series key, that live in what a session source serves. */
export function useBindingsOf(sessionSource: string): Map<string, Sensor> {
  const sensors = useDocument((s) => s.twin.sensors);
  const sources = useDocument((s) => s.twin.sources);
  const defaultSource = useDocument((s) => s.twin.meta.defaultSource);
  const resolved = useProjectSources();
  return useMemo(() => {
    const served = new Set(resolved.filter((r) => r.resolution.sessionSourceId === sessionSource).map((r) => r.source.id));
    const defaultId = defaultSourceId(defaultSource, Object.values(sources));
    const out = new Map<string, Sensor>();
    for (const s of Object.values(sensors)) if (s.assetId !== null && served.has(sourceOfSensor(s, defaultId))) out.set(s.series, s);
    return out;
  }, [sensors, sources, defaultSource, resolved, sessionSource]);
}

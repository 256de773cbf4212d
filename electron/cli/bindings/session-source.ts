import { LOCAL_SOURCE_ID, defaultSourceId, sourceOfSensor } from '../../../shared/twin/project-sources';
import { projectSourcesOf, resolveSources, type SessionSource } from '../../../shared/twin/source-resolution';
import type { TwinDocument } from '../../../shared/twin/schema';
import { displayUrl, sourceIdOf } from '../../sources/source-registry';
import type { SourceSpec } from '../source-args';

/** How the source named on the command line looks to project source resolution (no secrets). */
export function sessionSourceOf(spec: SourceSpec): SessionSource {
  if (spec.kind === 'local') return { id: LOCAL_SOURCE_ID, kind: 'local', name: 'Local store', location: spec.dir };
  const p = spec.profile;
  const out: SessionSource = { id: sourceIdOf(p), kind: p.kind, name: p.name, location: displayUrl(p.url) };
  if (p.kind === 'influx1') {
    out.database = p.database;
    out.retentionPolicy = p.retentionPolicy;
  } else {
    out.org = p.org;
    out.bucket = p.bucket;
  }
  return out;
}

/** The ids of the project's sources that the command-line source serves. */
export function projectSourcesServedBy(doc: TwinDocument, session: SessionSource): Set<string> {
  const resolved = resolveSources(projectSourcesOf(doc.sources, doc.defaultSource), [session]);
  return new Set([...resolved.values()].filter((r) => r.sessionSourceId === session.id).map((r) => r.projectSourceId));
}

/** Series the project binds to an asset in any of the given project sources. */
export function boundSeries(doc: TwinDocument, sources: ReadonlySet<string>): Set<string> {
  const defaultId = defaultSourceId(doc.defaultSource, doc.sources);
  return new Set(doc.sensors.filter((s) => s.assetId !== null && sources.has(sourceOfSensor(s, defaultId))).map((s) => s.series));
}

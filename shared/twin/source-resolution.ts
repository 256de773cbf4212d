import { defaultSourceId, LOCAL_SOURCE_ID } from './project-sources';
import type { ProjectSource } from './schema';

/** What a session knows of one of its connections (SourceInfo without what resolution does not need). */
export interface SessionSource {
  id: string;
  kind: 'local' | 'influx1' | 'influx2';
  name: string;
  /** The server address without credentials, or the local folder. */
  location: string;
  database?: string | undefined;
  retentionPolicy?: string | undefined;
  org?: string | undefined;
  bucket?: string | undefined;
}

/** How a project source found its connection, or why it did not. */
export type ResolvedBy = 'chosen' | 'local' | 'same-server' | 'same-database' | 'same-id' | 'not-connected' | 'ambiguous';

export interface SourceResolution {
  projectSourceId: string;
  /** The session's source id to read from, or null when none is connected for it. */
  sessionSourceId: string | null;
  by: ResolvedBy;
  /** For `ambiguous`: the connections that would fit; the user picks one. */
  candidates: string[];
}

function host(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`.toLowerCase();
  } catch {
    return null;
  }
}

/** Whether a connection reaches the same data as a project source: same kind and database or bucket. */
function sameData(p: ProjectSource, s: SessionSource): boolean {
  if (p.kind !== s.kind) return false;
  if (p.kind === 'influx1') return p.database !== undefined && p.database === s.database && (p.retentionPolicy ?? '') === (s.retentionPolicy ?? '');
  if (p.kind === 'influx2') return p.bucket !== undefined && p.bucket === s.bucket && p.org === s.org;
  return false;
}

/**
 * Map one project source onto a connection of this session. A choice the user made wins; then the local
 * store; then the same server and database; then the same database reached by another address (a tenant
 * behind a new DNS name or a tunnel), when only one connection has it.
 */
export function resolveSource(p: ProjectSource, session: readonly SessionSource[], chosen: Readonly<Record<string, string>> = {}): SourceResolution {
  const out = (sessionSourceId: string | null, by: ResolvedBy, candidates: string[] = []): SourceResolution => ({
    projectSourceId: p.id,
    sessionSourceId,
    by,
    candidates,
  });
  const pick = chosen[p.id];
  if (pick !== undefined && session.some((s) => s.id === pick)) return out(pick, 'chosen');
  if (p.kind === 'local') {
    const local = session.find((s) => s.kind === 'local');
    return local ? out(local.id, 'local') : out(null, 'not-connected');
  }
  // A format 2 file named its source by the session's id for it: the same connection has the same id.
  const sameId = session.find((s) => s.id === p.id);
  if (sameId && (p.kind === 'unknown' || p.kind === sameId.kind)) return out(sameId.id, 'same-id');
  const fits = session.filter((s) => sameData(p, s));
  const where = host(p.url);
  const sameServer = fits.filter((s) => where !== null && host(s.location) === where);
  if (sameServer.length >= 1) return out((sameServer[0] as SessionSource).id, 'same-server');
  if (fits.length === 1) return out((fits[0] as SessionSource).id, 'same-database');
  if (fits.length > 1)
    return out(
      null,
      'ambiguous',
      fits.map((s) => s.id),
    );
  return out(null, 'not-connected');
}

/** The project's sources as the editor sees them: the listed ones, plus the local store when sensors may use it unlisted. */
export function projectSourcesOf(sources: readonly ProjectSource[], defaultSource: string | undefined): ProjectSource[] {
  const list = [...sources];
  const def = defaultSourceId(defaultSource, sources);
  if (!list.some((s) => s.id === LOCAL_SOURCE_ID) && def === LOCAL_SOURCE_ID) list.push({ id: LOCAL_SOURCE_ID, name: 'Local store', kind: 'local' });
  return list;
}

/** Every project source resolved, by project source id. */
export function resolveSources(
  sources: readonly ProjectSource[],
  session: readonly SessionSource[],
  chosen: Readonly<Record<string, string>> = {},
): Map<string, SourceResolution> {
  return new Map(sources.map((p) => [p.id, resolveSource(p, session, chosen)]));
}

/** The project source entry for a connection: non-secret parts only, with an id not yet used in the project. */
export function projectSourceFromSession(s: SessionSource, takenIds: Iterable<string>): ProjectSource {
  if (s.kind === 'local') return { id: LOCAL_SOURCE_ID, name: 'Local store', kind: 'local' };
  const taken = new Set(takenIds);
  const base =
    s.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || s.kind;
  let id = base;
  for (let i = 2; taken.has(id) || id === LOCAL_SOURCE_ID; i++) id = `${base}-${i}`;
  const out: ProjectSource = { id, name: s.name, kind: s.kind, url: s.location };
  if (s.database !== undefined) out.database = s.database;
  if (s.retentionPolicy !== undefined) out.retentionPolicy = s.retentionPolicy;
  if (s.org !== undefined) out.org = s.org;
  if (s.bucket !== undefined) out.bucket = s.bucket;
  return out;
}

/** The project source a connection already resolves to, if any. */
export function projectSourceForSession(
  sources: readonly ProjectSource[],
  session: readonly SessionSource[],
  sessionSourceId: string,
  chosen: Readonly<Record<string, string>> = {},
): ProjectSource | undefined {
  return sources.find((p) => resolveSource(p, session, chosen).sessionSourceId === sessionSourceId);
}

/**
 * The connection of this session a sensor reads from (what `valueAt` and `queryWindows` take as `source`),
 * or null when the project source it names is not connected.
 */
export function sessionSourceOfSensor(
  twin: { sources: Readonly<Record<string, ProjectSource>>; meta: { defaultSource?: string | undefined } },
  sensor: { source?: string | undefined },
  session: readonly SessionSource[],
  chosen: Readonly<Record<string, string>> = {},
): string | null {
  const list = projectSourcesOf(Object.values(twin.sources), twin.meta.defaultSource);
  const id = sensor.source ?? defaultSourceId(twin.meta.defaultSource, Object.values(twin.sources));
  // The local store needs no listing: a sensor may name it in any project.
  const p = list.find((s) => s.id === id) ?? (id === LOCAL_SOURCE_ID ? { id, name: 'Local store', kind: 'local' as const } : undefined);
  return p ? resolveSource(p, session, chosen).sessionSourceId : null;
}

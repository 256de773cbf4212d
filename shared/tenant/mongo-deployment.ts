/**
 * What a MongoDB server says about itself, judged without the driver: the kind of deployment (from
 * `hello`), whether its version is recent enough, and whether a user's privileges (from
 * `connectionStatus`) cover what a push and a pull do.
 */

export type DeploymentKind = 'replica-set' | 'sharded' | 'standalone';

export interface Deployment {
  kind: DeploymentKind;
  /** The replica set's name, when there is one. */
  setName?: string;
  members?: number;
}

/** The deployment from a `hello` reply. */
export function deploymentOf(hello: Record<string, unknown>): Deployment {
  if (hello.msg === 'isdbgrid') return { kind: 'sharded' };
  if (typeof hello.setName === 'string') {
    const hosts = Array.isArray(hello.hosts) ? hello.hosts.length : undefined;
    return hosts === undefined ? { kind: 'replica-set', setName: hello.setName } : { kind: 'replica-set', setName: hello.setName, members: hosts };
  }
  return { kind: 'standalone' };
}

/** One sentence on what the deployment means for pushes. */
export function deploymentNote(d: Deployment): string {
  if (d.kind === 'replica-set') {
    const name = [d.setName, d.members ? `(${d.members} members)` : undefined].filter(Boolean).join(' ');
    return `Replica set${name ? ` ${name}` : ''}: writes are retryable and acknowledged by a majority.`;
  }
  if (d.kind === 'sharded') return 'Sharded cluster (mongos): writes are retryable and acknowledged by a majority.';
  return 'Standalone server: the driver cannot retry writes and there is no copy of the data; Twin Studio still pushes exactly once by its push ids.';
}

/** The oldest server the driver (mongodb 7) and majority reads support. */
export const MIN_SERVER = { major: 4, minor: 2 };

/** Why a server version is too old, or null when it will do. */
export function serverVersionProblem(version: string): string | null {
  const m = /^(\d+)\.(\d+)/.exec(version);
  if (!m) return `The server reports version "${version}", which is not a version number.`;
  const [major, minor] = [Number(m[1]), Number(m[2])];
  if (major < MIN_SERVER.major || (major === MIN_SERVER.major && minor < MIN_SERVER.minor)) {
    return `MongoDB ${version} is too old: Twin Studio needs ${MIN_SERVER.major}.${MIN_SERVER.minor} or later. Ask the administrator to upgrade.`;
  }
  return null;
}

/** What a push and a pull do in the twin database. */
export const REQUIRED_ACTIONS = ['find', 'insert', 'update', 'createIndex'] as const;

export interface Privilege {
  resource: { db?: string; collection?: string; anyResource?: boolean; cluster?: boolean };
  actions: string[];
}

/** Actions the privileges do not grant on every collection of `database` (empty: all granted). */
export function missingActions(privileges: readonly Privilege[], database: string, required: readonly string[] = REQUIRED_ACTIONS): string[] {
  const granted = new Set<string>();
  for (const p of privileges) {
    const r = p.resource;
    // A privilege covers the database's collections when it names the database (or every database, "") and every collection ("").
    const covers = r.anyResource === true || ((r.db === database || r.db === '') && (r.collection === '' || r.collection === undefined) && r.cluster !== true);
    if (covers) for (const a of p.actions) granted.add(a);
  }
  return required.filter((a) => !granted.has(a));
}

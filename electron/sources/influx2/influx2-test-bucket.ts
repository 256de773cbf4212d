/**
 * A bucket for the InfluxDB 2.x integration tests, from the environment: `INFLUX2_URL`, `INFLUX2_TOKEN`,
 * `INFLUX2_ORG` and optionally `INFLUX2_BUCKET`. Without a bucket the tests create one and delete it
 * afterwards (the token then needs bucket rights); with one, everything written carries a run tag and is
 * deleted by that tag afterwards.
 */

export interface Influx2TestEnv {
  url: string;
  token: string;
  org: string;
  bucket: string | undefined;
}

/** The environment, or the names of the variables that are missing. */
export function influx2TestEnv(env: NodeJS.ProcessEnv = process.env): Influx2TestEnv | { missing: string[] } {
  const missing = ['INFLUX2_URL', 'INFLUX2_TOKEN', 'INFLUX2_ORG'].filter((n) => !env[n]);
  if (missing.length > 0) return { missing };
  return {
    url: (env.INFLUX2_URL as string).replace(/\/$/, ''),
    token: env.INFLUX2_TOKEN as string,
    org: env.INFLUX2_ORG as string,
    bucket: env.INFLUX2_BUCKET || undefined,
  };
}

async function api(env: Influx2TestEnv, method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${env.url}${path}`, {
    method,
    headers: { authorization: `Token ${env.token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  // The token is never part of what is thrown.
  if (!res.ok) throw new Error(`${method} ${path} answered HTTP ${res.status}: ${text.slice(0, 300)}`);
  return text === '' ? undefined : JSON.parse(text);
}

export interface TestBucket {
  name: string;
  /** Delete what the run wrote (its bucket, or its points by run tag). */
  drop(): Promise<void>;
}

/** Use INFLUX2_BUCKET, or create a fresh bucket named after the run. */
export async function openTestBucket(env: Influx2TestEnv, run: string): Promise<TestBucket> {
  if (env.bucket) {
    const bucket = env.bucket;
    return {
      name: bucket,
      drop: async () => {
        const q = `org=${encodeURIComponent(env.org)}&bucket=${encodeURIComponent(bucket)}`;
        await api(env, 'POST', `/api/v2/delete?${q}`, { start: '1970-01-01T00:00:00Z', stop: '2100-01-01T00:00:00Z', predicate: `run="${run}"` });
      },
    };
  }
  const orgs = (await api(env, 'GET', `/api/v2/orgs?org=${encodeURIComponent(env.org)}`)) as { orgs?: { id: string }[] };
  const orgID = orgs.orgs?.[0]?.id;
  if (!orgID) throw new Error(`organization ${JSON.stringify(env.org)} not found`);
  const name = `twin-studio-test-${run}`;
  const created = (await api(env, 'POST', '/api/v2/buckets', { orgID, name, retentionRules: [] })) as { id: string };
  return { name, drop: async () => void (await api(env, 'DELETE', `/api/v2/buckets/${created.id}`)) };
}

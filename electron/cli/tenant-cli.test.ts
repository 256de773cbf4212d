import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installCli, type InstalledCli } from './testing/installed-cli';

/**
 * `twin push`, `twin pull`, `twin revisions` and `twin validate` on tenant files, run as a user runs them:
 * bin/twin.cjs in a child process. No MongoDB runs here, so these cover usage, tenant files, secrets
 * and an unreachable MongoDB; the integration suite (MONGODB_URI) covers pushing for real.
 */

const ROOT = path.resolve(__dirname, '..', '..');
let cli: InstalledCli;
const SENTINEL = 'mongo-pw-SENTINEL-9931';
let dir: string;
let port: number;
let project: string;

function twin(args: string[], env: Record<string, string> = {}) {
  const r = cli.run(args, { cwd: dir, env: { ...process.env, TWIN_DATA_DIR: path.join(dir, 'data'), ...env } });
  return { code: r.code, out: r.stdout, err: r.stderr };
}

function tenantFile(name: string, body: Record<string, unknown>): string {
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify({ tenantFormat: 1, ...body }, null, 2));
  return file;
}

beforeAll(async () => {
  cli = await installCli();
  dir = mkdtempSync(path.join(os.tmpdir(), 'twin-tenant-cli-'));
  const probe = net.createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  port = (probe.address() as net.AddressInfo).port;
  await new Promise((r) => probe.close(r));
  project = path.join(dir, 'plant.twin.json');
  copyFileSync(path.join(ROOT, 'shared', 'twin', 'fixtures', 'v3', 'chiller-loop.twin.json'), project);
  tenantFile('closed.tenant.json', {
    name: 'closed',
    mongo: { uri: `mongodb://twin@127.0.0.1:${port}/?authSource=admin`, database: 'twins', password: { env: 'CLOSED_MONGO_PASSWORD' } },
  });
});

afterAll(() => {
  cli?.remove();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('twin push / pull / revisions: usage', () => {
  it('say what is missing and exit 2', () => {
    const none = twin(['push']);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/^twin push: Name one project file/);
    expect(none.err).toContain('Usage: twin push PROJECT.twin.json --tenant NAME -m MESSAGE');
    expect(twin(['push', project, '-m', 'x']).err).toMatch(/Name the tenant with --tenant NAME/);
    expect(twin(['push', project, '--tenant', 'closed.tenant.json']).err).toMatch(/Say what changed with -m MESSAGE/);
    const unknown = twin(['push', project, '--tenant', 'nowhere', '-m', 'x']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/There is no tenant "nowhere" in .*tenants\.json \(no tenants yet\)/);
    expect(twin(['pull', 'b7-plant', '--tenant', 'closed.tenant.json']).err).toMatch(/-o FILE\.twin\.json/);
    expect(twin(['pull', 'b7-plant', '--tenant', 'closed.tenant.json', '-o', 'x.json']).code).toBe(2);
    expect(twin(['revisions', 'b7-plant', '--tenant', 'closed.tenant.json', '--limit', '0']).err).toMatch(/--limit must be a whole number/);
    const help = twin(['--help']);
    expect(help.out).toMatch(/push\s+Push a project to a tenant/);
    expect(help.out).toMatch(/revisions\s+List a twin's revisions/);
  });

  it('refuse an unreadable project with exit 2 before contacting anyone', () => {
    const r = twin(['push', path.join(dir, 'missing.twin.json'), '--tenant', 'closed.tenant.json', '-m', 'x']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/missing\.twin\.json/);
  });

  it('pull refuses to overwrite a file without --force, before contacting anyone', () => {
    const r = twin(['pull', 'b7-plant', '--tenant', 'closed.tenant.json', '-o', project]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`twin pull: ${project} already exists; nothing was written. Choose another file, or add --force to replace it.\n`);
  });
});

describe('twin validate on tenant files', () => {
  it('checks a tenant file like a project, by its name or its content, and never prints a secret', () => {
    const good = tenantFile('acme.tenant.json', {
      name: 'acme',
      influx: { kind: 'influx1', url: 'https://influx.acme.example:8086', database: 'plant', username: 'reader', password: { env: 'ACME_INFLUX_PASSWORD' } },
      mongo: { uri: 'mongodb+srv://twin@cluster0.acme.example/', database: 'twins', password: { keyFile: 'acme.keys.json', key: 'mongo' } },
    });
    const leaky = path.join(dir, 'leaky.json');
    writeFileSync(
      leaky,
      JSON.stringify({ tenantFormat: 1, name: 'leaky', mongo: { uri: `mongodb://twin:${SENTINEL}@db.example/`, database: 'twins', password: SENTINEL } }),
    );
    const r = twin(['validate', good, leaky]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${good}: ok\n`);
    expect(r.out).toContain(`${leaky}: $.mongo.password: error: is the secret itself;`);
    expect(r.out).toContain(`${leaky}: $.mongo.uri: error: carries a password;`);
    expect(r.out).toContain('2 files: 1 valid, 1 invalid, 0 not checked');
    expect(r.out + r.err).not.toContain(SENTINEL);
    const json = JSON.parse(twin(['validate', '--json', good, leaky, project]).out) as { files: { kind?: string; status: string }[] };
    expect(json.files.map((f) => [f.kind ?? 'project', f.status])).toEqual([
      ['tenant', 'valid'],
      ['tenant', 'invalid'],
      ['project', 'valid'],
    ]);
  });

  it('does not judge a tenant file made by a newer version (exit 2)', () => {
    const newer = tenantFile('future.tenant.json', { tenantFormat: 9, name: 'future' });
    const r = twin(['validate', newer]);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/\$\.tenantFormat: error: is 9: the file was made by a newer Twin Studio/);
  });
});

describe('twin push / pull / revisions against an unreachable MongoDB', () => {
  it('a closed loopback port: exit 1, host:port named, no secret printed, the project untouched', () => {
    const before = readFileSync(project, 'utf8');
    const env = { CLOSED_MONGO_PASSWORD: SENTINEL };
    for (const args of [
      ['push', project, '--tenant', 'closed.tenant.json', '-m', 'First push'],
      ['revisions', 'b7-plant', '--tenant', 'closed.tenant.json'],
      ['pull', 'b7-plant', '--tenant', 'closed.tenant.json', '-o', path.join(dir, 'pulled.twin.json')],
    ]) {
      const started = Date.now();
      const r = twin(args, env);
      expect(r.code, args[0]).toBe(1);
      expect(r.err).toBe(
        `twin ${args[0]}: MongoDB: Nothing accepts connections at 127.0.0.1:${port} (connection refused). Check the port and that the server is running.\n`,
      );
      expect(r.out + r.err).not.toContain(SENTINEL);
      expect(Date.now() - started).toBeLessThan(20_000);
    }
    expect(readFileSync(project, 'utf8')).toBe(before);
    expect(existsSync(path.join(dir, 'pulled.twin.json'))).toBe(false);
  });

  it('a secret that cannot be read is named with where it was looked for', () => {
    const missing = twin(['push', project, '--tenant', 'closed.tenant.json', '-m', 'x']);
    expect(missing.code).toBe(1);
    expect(missing.err).toBe('twin push: The environment variable CLOSED_MONGO_PASSWORD, which holds the MongoDB password of tenant "closed", is not set.\n');
    const keys = path.join(dir, 'open.keys.json');
    writeFileSync(keys, JSON.stringify({ mongo: SENTINEL }), { mode: 0o644 });
    tenantFile('open-keys.tenant.json', {
      name: 'open-keys',
      mongo: { uri: `mongodb://twin@127.0.0.1:${port}/`, database: 'twins', password: { keyFile: 'open.keys.json', key: 'mongo' } },
    });
    const open = twin(['revisions', 'b7-plant', '--tenant', 'open-keys.tenant.json']);
    expect(open.code).toBe(1);
    expect(open.err).toContain(
      `The key file ${keys} can be read by other users (mode 644), so its secrets are not secret; Twin Studio refuses to use it. Run "chmod 600 ${keys}"`,
    );
    expect(open.err).not.toContain(SENTINEL);
  });

  it('a profile of the data folder by name: its typed secret from TWIN_TENANT_<NAME>_MONGO_PASSWORD, or a message naming that variable', () => {
    const data = path.join(dir, 'data', 'tenants');
    mkdirSync(data, { recursive: true });
    writeFileSync(
      path.join(data, 'tenants.json'),
      JSON.stringify({
        version: 1,
        active: null,
        tenants: [
          { id: 'acme-houston', name: 'Acme Houston', mongo: { uri: `mongodb://twin@127.0.0.1:${port}/`, database: 'twins', password: { stored: true } } },
        ],
        recent: {},
      }),
    );
    const withEnv = twin(['revisions', 'b7-plant', '--tenant', 'acme houston'], { TWIN_TENANT_ACME_HOUSTON_MONGO_PASSWORD: SENTINEL });
    expect(withEnv.code).toBe(1);
    expect(withEnv.err).toMatch(/Nothing accepts connections at 127\.0\.0\.1:\d+ \(connection refused\)/);
    expect(withEnv.err).not.toContain(SENTINEL);
    const without = twin(['revisions', 'b7-plant', '--tenant', 'Acme Houston']);
    expect(without.code).toBe(1);
    expect(without.err).toMatch(
      /No stored secret holds the MongoDB password of tenant "Acme Houston"\. Set the environment variable TWIN_TENANT_ACME_HOUSTON_MONGO_PASSWORD/,
    );
  });

  it('an invalid tenant file is refused with its first problem and a pointer to twin validate', () => {
    tenantFile('broken.tenant.json', { name: 'broken', mongo: { uri: 'mongodb://db.example/', database: 'a.b' } });
    const r = twin(['push', project, '--tenant', 'broken.tenant.json', '-m', 'x']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /broken\.tenant\.json is not a valid tenant file: \$\.mongo\.database: may not contain .* "twin validate broken\.tenant\.json" lists every problem\./,
    );
  });
});

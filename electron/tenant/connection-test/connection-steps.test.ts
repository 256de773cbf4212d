import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionStep } from '../../../shared/api/tenant-schemas';
import { startInfluxd, type Influxd } from '../../testing/influxd';
import { influxSteps } from './influx-steps';
import { mongoSteps } from './mongo-steps';

/**
 * Connection tests against real things that can run here: an InfluxDB 1.6 with authentication, closed
 * ports, names that cannot resolve, a TLS server with a self-signed certificate, and a server that is not
 * MongoDB. (A real MongoDB is exercised by the integration suite when MONGODB_URI is set.)
 */

const ADMIN = { username: 'admin', password: 'adm1n-SENTINEL-pw' };
const READER = { username: 'reader', password: 'r3ader-SENTINEL-pw' };

let influx: Influxd;
let closedPort: number;
let dir: string;
let tlsServer: tls.Server;
let tlsPort: number;
let httpServer: http.Server;
let httpPort: number;

async function listen(server: net.Server): Promise<number> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as net.AddressInfo).port;
}

beforeAll(async () => {
  influx = await startInfluxd({ auth: ADMIN, databases: ['plant'] });
  await influx.query(`CREATE USER "reader" WITH PASSWORD '${READER.password}'`);
  await influx.query('GRANT READ ON "plant" TO "reader"');
  const probe = net.createServer();
  closedPort = await listen(probe);
  await new Promise((r) => probe.close(r));
  dir = mkdtempSync(path.join(os.tmpdir(), 'twin-tls-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      path.join(dir, 'key.pem'),
      '-out',
      path.join(dir, 'cert.pem'),
      '-days',
      '2',
      '-subj',
      '/CN=localhost',
    ],
    {
      stdio: 'ignore',
    },
  );
  tlsServer = tls.createServer({ key: readFileSync(path.join(dir, 'key.pem')), cert: readFileSync(path.join(dir, 'cert.pem')) }, (s) => s.end());
  tlsPort = await listen(tlsServer);
  httpServer = http.createServer((_req, res) => res.end('not mongo'));
  httpPort = await listen(httpServer);
});

afterAll(async () => {
  await influx?.stop();
  tlsServer?.close();
  httpServer?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const statuses = (steps: ConnectionStep[]) => Object.fromEntries(steps.map((s) => [s.id, s.status]));
const detail = (steps: ConnectionStep[], id: string) => steps.find((s) => s.id === id)?.detail ?? '';

describe('testing an InfluxDB 1.x connection step by step', () => {
  const profile = (password: string, database = 'plant') =>
    ({ kind: 'influx1', name: 't', url: influx.url, database, username: 'reader', password, timeoutMs: 10_000 }) as const;

  it('with a wrong password: the network and the server are fine, authentication fails, the rest is not checked', async () => {
    const r = await influxSteps(profile('wrong-SENTINEL-pw'));
    // 1.6 is older than 1.7.6: the server step passes with the warning about its authentication bypass.
    expect(statuses(r.steps)).toEqual({ dns: 'ok', tcp: 'ok', tls: 'skipped', server: 'warning', auth: 'failed', database: 'skipped', rights: 'skipped' });
    expect(detail(r.steps, 'server')).toMatch(/^InfluxDB 1\.6\.\d.* speaks InfluxQL\. InfluxDB 1\.6\.\S+ has a known authentication bypass \(CVE-2019-20933/);
    expect(detail(r.steps, 'auth')).toMatch(/refused the credentials \(401\)/);
    expect(JSON.stringify(r)).not.toMatch(/SENTINEL/);
  });

  it('with the right password: every step passes, with the read-only user', async () => {
    const r = await influxSteps(profile(READER.password));
    expect(statuses(r.steps)).toEqual({ dns: 'ok', tcp: 'ok', tls: 'skipped', server: 'warning', auth: 'ok', database: 'ok', rights: 'ok' });
    expect(detail(r.steps, 'auth')).toBe('Accepted user "reader".');
    expect(r.target).toBe(`InfluxDB 1.x at 127.0.0.1:${influx.port}`);
  });

  it('with an administrator: warns that the credentials can do more than read', async () => {
    const r = await influxSteps({ ...profile(ADMIN.password), username: 'admin' });
    expect(statuses(r.steps).rights).toBe('warning');
    expect(detail(r.steps, 'rights')).toMatch(/administrator/);
  });

  it('with a database that does not exist: the database step fails', async () => {
    const r = await influxSteps(profile(READER.password, 'nope'));
    expect(statuses(r.steps)).toMatchObject({ auth: 'ok', database: 'failed', rights: 'skipped' });
    expect(detail(r.steps, 'database')).toMatch(/no database "nope"/);
  });

  it('with nothing listening, or a name that does not resolve: the network step fails', async () => {
    const refused = await influxSteps({ ...profile('x'), url: `http://127.0.0.1:${closedPort}` });
    expect(statuses(refused.steps)).toMatchObject({ dns: 'ok', tcp: 'failed', server: 'skipped' });
    expect(detail(refused.steps, 'tcp')).toBe(
      `Nothing accepts connections at 127.0.0.1:${closedPort} (connection refused). Check the port and that the server is running.`,
    );
    const dns = await influxSteps({ ...profile('x'), url: 'http://historian.example.invalid:8086' });
    expect(statuses(dns.steps)).toMatchObject({ dns: 'failed', tcp: 'skipped' });
    expect(detail(dns.steps, 'dns')).toMatch(/The name historian\.example\.invalid does not resolve/);
  });

  it('over https to a self-signed certificate: the TLS step fails and says what to do', async () => {
    const r = await influxSteps({ ...profile('x'), url: `https://127.0.0.1:${tlsPort}` });
    expect(statuses(r.steps)).toMatchObject({ tcp: 'ok', tls: 'failed', server: 'skipped' });
    expect(detail(r.steps, 'tls')).toMatch(/self-signed certificate/);
  });
});

describe('testing a MongoDB connection step by step (no MongoDB here: every failure before the sign-in)', () => {
  const target = (uri: string) => ({ tenant: 't', uri, database: 'twins', where: 'w', secrets: ['SENTINEL-mongo-pw'], serverSelectionTimeoutMS: 1_500 });

  it('refused: the connection step names host:port', async () => {
    const r = await mongoSteps(target(`mongodb://twin:SENTINEL-mongo-pw@127.0.0.1:${closedPort}/?authSource=admin`));
    expect(statuses(r.steps)).toEqual({
      dns: 'ok',
      tcp: 'failed',
      tls: 'skipped',
      auth: 'skipped',
      version: 'skipped',
      deployment: 'skipped',
      database: 'skipped',
      rights: 'skipped',
    });
    expect(detail(r.steps, 'tcp')).toMatch(new RegExp(`Nothing accepts connections at 127\\.0\\.0\\.1:${closedPort} \\(connection refused\\)`));
    expect(JSON.stringify(r)).not.toMatch(/SENTINEL/);
  });

  it('a name that does not resolve, and a mongodb+srv:// name without its SRV record', async () => {
    const plain = await mongoSteps(target('mongodb://mongo.example.invalid:27017'));
    expect(statuses(plain.steps).dns).toBe('failed');
    expect(detail(plain.steps, 'dns')).toMatch(/mongo\.example\.invalid does not resolve/);
    const srv = await mongoSteps(target('mongodb+srv://cluster0.example.invalid/'));
    expect(statuses(srv.steps).dns).toBe('failed');
    expect(detail(srv.steps, 'dns')).toMatch(/_mongodb\._tcp\.cluster0\.example\.invalid does not resolve.*needs that DNS SRV record/);
  });

  it('TLS: a self-signed certificate fails the TLS step; tlsAllowInvalidCertificates passes it with a warning', async () => {
    const strict = await mongoSteps(target(`mongodb://127.0.0.1:${tlsPort}/?tls=true`));
    expect(statuses(strict.steps)).toMatchObject({ tcp: 'ok', tls: 'failed', auth: 'skipped' });
    expect(detail(strict.steps, 'tls')).toMatch(/self-signed certificate.*tlsCAFile/);
    const loose = await mongoSteps(target(`mongodb://127.0.0.1:${tlsPort}/?tls=true&tlsAllowInvalidCertificates=true`));
    expect(statuses(loose.steps)).toMatchObject({ tls: 'warning', auth: 'failed' });
    expect(detail(loose.steps, 'tls')).toMatch(/not checked/);
  });

  it('a server that is not MongoDB: the network is fine, the sign-in step says no MongoDB answered', async () => {
    const r = await mongoSteps(target(`mongodb://twin:SENTINEL-mongo-pw@127.0.0.1:${httpPort}/`));
    expect(statuses(r.steps)).toMatchObject({ dns: 'ok', tcp: 'ok', tls: 'skipped', auth: 'failed', version: 'skipped' });
    expect(detail(r.steps, 'auth')).toBe(
      `127.0.0.1:${httpPort} accepts connections, but no MongoDB answered within 1500 ms: another service may listen on that port, or the server expects TLS (tls=true).`,
    );
    expect(JSON.stringify(r)).not.toMatch(/SENTINEL/);
  });
});

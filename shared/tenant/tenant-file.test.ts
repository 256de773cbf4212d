import { describe, expect, it } from 'vitest';
import { checkTenantJson, isTenantFileName, looksLikeTenantJson, parseTenantFileText, tenantFileText } from './tenant-file';

const fixtures = import.meta.glob<string>('./fixtures/*.tenant.json', { query: '?raw', import: 'default', eager: true });
const fixture = (name: string): string => {
  const text = fixtures[`./fixtures/${name}`];
  if (text === undefined) throw new Error(`no fixture ${name}`);
  return text;
};

describe('tenant files', () => {
  it('reads a valid file with secrets by reference', () => {
    const r = parseTenantFileText(fixture('acme.tenant.json'));
    expect(r.problems).toEqual([]);
    expect(r.format).toBe(1);
    expect(r.profile).toMatchObject({
      name: 'acme-houston',
      influx: { kind: 'influx1', database: 'plant', username: 'reader', password: { env: 'ACME_INFLUX_PASSWORD' } },
      mongo: { database: 'twins', password: { keyFile: '/etc/twin/acme.keys.json', key: 'mongoPassword' } },
    });
    // Writing it back gives a file that reads the same.
    expect(parseTenantFileText(tenantFileText(r.profile!)).profile).toEqual(r.profile);
  });

  it('finds secrets written into the file by their path, and never repeats them', () => {
    const r = parseTenantFileText(fixture('secrets-inside.tenant.json'));
    expect(r.profile).toBeUndefined();
    expect(r.problems.map((p) => p.path)).toEqual(['$.influx.token', '$.mongo.password', '$.mongo.uri']);
    expect(r.problems[0]!.message).toMatch(/is the secret itself; a tenant file says where the secret is instead: \{"env": "VARIABLE"\}/);
    expect(r.problems[2]!.message).toMatch(/carries a password; take it out of the connection string/);
    expect(JSON.stringify(r)).not.toMatch(/SENTINEL/);
  });

  it('lists every schema problem with its JSON path', () => {
    const r = parseTenantFileText(fixture('schema-errors.tenant.json'));
    expect(r.profile).toBeUndefined();
    const byPath = Object.fromEntries(r.problems.map((p) => [p.path, p.message]));
    expect(Object.keys(byPath).sort()).toEqual(['$', '$.influx.kind', '$.mongo.database', '$.mongo.password', '$.mongo.uri', '$.name'].sort());
    expect(byPath['$.name']).toBe('is empty');
    expect(byPath['$.mongo.uri']).toMatch(/is not a MongoDB connection string: it must start with mongodb:\/\//);
    expect(byPath['$.mongo.password']).toMatch(/app’s own secret store/);
    expect(byPath['$.mongo.database']).toMatch(/may not contain/);
    expect(byPath['$']).toMatch(/colour/);
  });

  it('does not judge a file made by a newer version', () => {
    const r = parseTenantFileText(fixture('newer.tenant.json'));
    expect(r).toMatchObject({ newer: true, format: 7, profile: undefined });
    expect(r.problems[0]).toMatchObject({ path: '$.tenantFormat', message: expect.stringMatching(/newer Twin Studio/) });
  });

  it('reports JSON syntax errors and shapes that are not tenant files', () => {
    expect(parseTenantFileText('{"tenantFormat": 1,').problems[0]).toMatchObject({ path: '$', message: expect.stringMatching(/not valid JSON.*line 1/) });
    expect(checkTenantJson([]).problems[0]!.path).toBe('$');
    expect(checkTenantJson({ tenantFormat: '1' }).problems[0]!.path).toBe('$.tenantFormat');
  });

  it('is told apart from a project by its name or its content', () => {
    expect(isTenantFileName('plants/acme.TENANT.json')).toBe(true);
    expect(isTenantFileName('plant.twin.json')).toBe(false);
    expect(looksLikeTenantJson({ tenantFormat: 1 })).toBe(true);
    expect(looksLikeTenantJson({ formatVersion: 2, tenantFormat: 1 })).toBe(false);
    expect(looksLikeTenantJson({ formatVersion: 2 })).toBe(false);
  });
});

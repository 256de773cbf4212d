import { describe, expect, it } from 'vitest';
import type { ProjectSource } from './schema';
import {
  projectSourceForSession,
  projectSourceFromSession,
  projectSourcesOf,
  resolveSource,
  sessionSourceOfSensor,
  type SessionSource,
} from './source-resolution';

const local: SessionSource = { id: 'local', kind: 'local', name: 'Local store', location: '/data/local' };
const historian: SessionSource = {
  id: 'influx1:aaa',
  kind: 'influx1',
  name: 'B7 historian',
  location: 'https://historian.b7.example.com:8086',
  database: 'plant',
};
const tunnel: SessionSource = { id: 'influx1:bbb', kind: 'influx1', name: 'Through the tunnel', location: 'http://127.0.0.1:18086', database: 'plant' };
const other: SessionSource = { id: 'influx1:ccc', kind: 'influx1', name: 'Other site', location: 'http://10.0.0.9:8086', database: 'site9' };
const cloud: SessionSource = { id: 'influx2:ddd', kind: 'influx2', name: 'Cloud', location: 'https://eu.cloud.example', org: 'acme', bucket: 'b7' };

const project: ProjectSource = { id: 'historian', name: 'B7 historian', kind: 'influx1', url: 'https://historian.b7.example.com:8086/', database: 'plant' };

describe('resolving project sources to connections', () => {
  it('finds the local store, the same server and database, and the same database reached by another address', () => {
    expect(resolveSource({ id: 'local', name: 'Local store', kind: 'local' }, [local, historian])).toMatchObject({ sessionSourceId: 'local', by: 'local' });
    expect(resolveSource(project, [local, other, historian, tunnel])).toMatchObject({ sessionSourceId: 'influx1:aaa', by: 'same-server' });
    // The same tenant by another URL: only one connection has the database, so it is the one.
    expect(resolveSource(project, [local, tunnel, other])).toMatchObject({ sessionSourceId: 'influx1:bbb', by: 'same-database' });
    expect(resolveSource({ id: 'b7', name: 'B7', kind: 'influx2', org: 'acme', bucket: 'b7' }, [cloud])).toMatchObject({ sessionSourceId: 'influx2:ddd' });
  });

  it('says when nothing is connected for a source, or when the user must choose between two', () => {
    expect(resolveSource(project, [local, other])).toEqual({ projectSourceId: 'historian', sessionSourceId: null, by: 'not-connected', candidates: [] });
    const twoTunnels = { ...tunnel, id: 'influx1:eee', location: 'http://127.0.0.1:28086' };
    const elsewhere = { ...project, url: 'http://old-name:8086' };
    expect(resolveSource(elsewhere, [tunnel, twoTunnels])).toMatchObject({
      sessionSourceId: null,
      by: 'ambiguous',
      candidates: ['influx1:bbb', 'influx1:eee'],
    });
    // The user's choice settles it, and wins over any automatic match.
    expect(resolveSource(elsewhere, [tunnel, twoTunnels], { historian: 'influx1:eee' })).toMatchObject({ sessionSourceId: 'influx1:eee', by: 'chosen' });
    // A choice of a connection that is gone falls back to matching.
    expect(resolveSource(project, [historian], { historian: 'influx1:gone' })).toMatchObject({ sessionSourceId: 'influx1:aaa' });
  });

  it('maps a format 2 source, known only by the session id of its connection, to that connection', () => {
    expect(resolveSource({ id: 'influx1:aaa', name: 'InfluxDB 1.x (influx1:aaa)', kind: 'influx1' }, [historian])).toMatchObject({
      sessionSourceId: 'influx1:aaa',
      by: 'same-id',
    });
  });

  it('makes a project entry for a connection from its non-secret parts, with a fresh readable id', () => {
    expect(projectSourceFromSession(historian, ['historian', 'b7-historian'])).toEqual({
      id: 'b7-historian-2',
      name: 'B7 historian',
      kind: 'influx1',
      url: 'https://historian.b7.example.com:8086',
      database: 'plant',
    });
    expect(projectSourceFromSession(local, [])).toEqual({ id: 'local', name: 'Local store', kind: 'local' });
    expect(projectSourceForSession([project], [historian], 'influx1:aaa')?.id).toBe('historian');
    expect(projectSourceForSession([project], [historian], 'local')).toBeUndefined();
  });

  it('lists the local store when the project defaults to it without listing it', () => {
    expect(projectSourcesOf([], undefined).map((s) => s.id)).toEqual(['local']);
    expect(projectSourcesOf([project], undefined).map((s) => s.id)).toEqual(['historian']);
    expect(projectSourcesOf([project], 'local').map((s) => s.id)).toEqual(['historian', 'local']);
  });

  it('tells which connection a sensor reads from, or that none does', () => {
    const twin = { sources: { historian: project }, meta: { defaultSource: 'historian' } };
    expect(sessionSourceOfSensor(twin, {}, [local, historian])).toBe('influx1:aaa');
    expect(sessionSourceOfSensor(twin, { source: 'local' }, [local, historian])).toBe('local');
    expect(sessionSourceOfSensor(twin, {}, [local])).toBeNull();
    expect(sessionSourceOfSensor({ sources: {}, meta: {} }, {}, [local])).toBe('local');
  });
});

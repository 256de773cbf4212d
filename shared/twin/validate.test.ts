import { droppedFields } from './validate/dropped-fields';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../api/errors';
import { componentByKind } from '../catalog/catalog';
import { emptyDocument, type Asset, type Connection, type TwinDocument } from './schema';
import { checkDocument, hasErrors, validateDocument } from './validate';
import { jsonPath } from './validate/json-path';

// Fixture files as text, bundled by Vite for the test (shared/ code and its tests stay free of Node's fs).
const fixtureFiles = import.meta.glob<string>('./fixtures/**/*', { query: '?raw', import: 'default', eager: true });
const fixtureText = (name: string): string => {
  const text = fixtureFiles[`./fixtures/${name}`];
  if (text === undefined) throw new Error(`No fixture ${name}`);
  return text;
};
const fixture = (name: string): unknown => JSON.parse(fixtureText(name));

function asset(id: string, kind: string, tag: string): Asset {
  return { id, kind, tag, name: '', properties: {}, position: { x: 0, y: 0 }, rotation: 0, flip: false };
}

function wire(id: string, kind: Connection['kind'], from: string, to: string): Connection {
  const [fa = '', fp = ''] = from.split('.');
  const [ta = '', tp = ''] = to.split('.');
  return { id, kind, from: { asset: fa, port: fp }, to: { asset: ta, port: tp } };
}

/** A small valid plant: pump → valve → chiller, a transmitter signalling the pump, one bound sensor. */
function plant(): TwinDocument {
  const doc = emptyDocument('plant-1', 'Test plant', 'America/Chicago');
  doc.assets = [
    asset('p1', 'centrifugal-pump', 'P-101'),
    asset('v1', 'gate-valve', 'HV-101'),
    asset('ch1', 'chiller', 'CH-1'),
    asset('tt1', 'temperature-transmitter', 'TT-101'),
  ];
  doc.connections = [wire('c1', 'process', 'p1.out', 'v1.in'), wire('c2', 'process', 'v1.out', 'ch1.chw-in'), wire('c3', 'signal', 'tt1.out', 'p1.sig')];
  doc.systems = [{ id: 'sys1', name: 'Chilled water loop', assetIds: ['p1', 'v1', 'ch1'] }];
  doc.sensors = [{ id: 's1', series: 'chiller,plant=B7,unit=CH1#chws', unit: '°C', role: 'chws-temperature', trusted: true, assetId: 'tt1' }];
  doc.models = [{ id: 'm1', name: 'CH-1 power', assetId: 'ch1' }];
  return doc;
}

function problemsAfter(change: (d: TwinDocument) => void): Problem[] {
  const d = plant();
  change(d);
  return validateDocument(d);
}

/** The one problem a change introduces, checked for path and severity. */
function onlyProblem(change: (d: TwinDocument) => void, path: string, severity: Problem['severity'] = 'error'): string {
  const problems = problemsAfter(change);
  expect(problems.map((p) => `${p.severity} ${p.path}`)).toEqual([`${severity} ${path}`]);
  return (problems[0] as Problem).message;
}

describe('validateDocument', () => {
  it('finds nothing wrong with a valid plant or the valid fixture', () => {
    expect(validateDocument(plant())).toEqual([]);
    expect(validateDocument(fixture('v3/chiller-loop.twin.json'))).toEqual([]);
    // The catalog has the kinds these tests rely on.
    for (const kind of ['centrifugal-pump', 'gate-valve', 'chiller', 'temperature-transmitter']) expect(componentByKind(kind)).toBeDefined();
  });

  it('turns schema violations into problems at their paths', () => {
    const problems = validateDocument(fixture('bad/schema-violations.twin.json'));
    const at = (path: string) => problems.find((p) => p.path === path)?.message;
    expect(at('$.assets[1].tag')).toBe('expected string, received number');
    expect(at('$.assets[2].position.y')).toBe('is missing (expected a number)');
    expect(at('$.assets[2].rotation')).toBe('expected 0, 90, 180 or 270');
    expect(at('$.assets[3].id')).toBe('is empty');
    expect(at('$.assets[3].properties.capacityKw')).toBe('expected string, number, boolean or null, received object');
    expect(at('$.connections[0].kind')).toContain('"process"');
    expect(at('$.sensors')).toBe('expected array, received string');
    expect(problems.every((p) => p.severity === 'error')).toBe(true);
  });

  it('still checks the well-formed records of a document that fails the schema', () => {
    const d = plant() as unknown as Record<string, unknown>;
    (d.assets as unknown[]).push({ id: 'bad', kind: 'tank' });
    (d.connections as Connection[]).push(wire('c9', 'process', 'p1.out', 'nowhere.in'));
    const { document, problems } = checkDocument(d);
    expect(document).toBeUndefined();
    expect(problems.map((p) => p.path)).toEqual(['$.assets[4].tag', '$.assets[4].position', '$.connections[3].to.asset']);
  });

  it('keeps unknown fields everywhere, positions and port references included', () => {
    expect(
      problemsAfter((d) => {
        ((d.assets[0] as Asset).position as Record<string, number>).z = 3;
        ((d.connections[0] as Connection).from as Record<string, string>).pin = 'A1';
        Object.assign(d.assets[0] as Asset, { vendor: { name: 'Grundfos', model: 'NK 80' } });
      }),
    ).toEqual([]);
  });

  it('refuses fields a strict part of the schema would drop on save', () => {
    expect(droppedFields({ a: { x: 1, z: 3 }, list: [{ k: 1, extra: 2 }] }, { a: { x: 1 }, list: [{ k: 1 }] })).toEqual([
      { path: '$.a.z', message: 'field "z" is not part of the format here and would be lost when saving; remove or move it', severity: 'error' },
      { path: '$.list[0].extra', message: 'field "extra" is not part of the format here and would be lost when saving; remove or move it', severity: 'error' },
    ]);
  });

  it('reports duplicate ids in each list, naming the first', () => {
    expect(onlyProblem((d) => d.assets.push({ ...asset('v1', 'tank', 'TK-1') }), '$.assets[4].id')).toBe(
      'id "v1" is already used by $.assets[1]; ids must be unique within a list',
    );
    expect(onlyProblem((d) => d.connections.push(wire('c1', 'process', 'ch1.chw-out', 'p1.in')), '$.connections[3].id')).toContain('$.connections[0]');
    // The copy is untrusted, so the pair has its one trusted sensor and only the id is wrong.
    expect(onlyProblem((d) => d.sensors.push({ ...(d.sensors[0] as TwinDocument['sensors'][number]), trusted: false }), '$.sensors[1].id')).toContain(
      '$.sensors[0]',
    );
    onlyProblem((d) => d.sources.push({ id: 'local', name: 'Local store', kind: 'local' }, { id: 'local', name: 'Again', kind: 'local' }), '$.sources[1].id');
    onlyProblem((d) => d.systems.push({ id: 'sys1', name: 'Other', assetIds: [] }), '$.systems[1].id');
    onlyProblem((d) => d.models.push({ id: 'm1', name: 'Other', assetId: null }), '$.models[1].id');
  });

  it('reports duplicate tags ignoring case, naming both places', () => {
    const message = onlyProblem((d) => d.assets.push(asset('p2', 'centrifugal-pump', 'p-101')), '$.assets[4].tag');
    expect(message).toBe('tag "p-101" is already used by $.assets[0] as "P-101"; tags must be unique, ignoring case');
    expect(onlyProblem((d) => d.assets.push(asset('p2', 'centrifugal-pump', 'CH-1')), '$.assets[4].tag')).toBe(
      'tag "CH-1" is already used by $.assets[2]; tags must be unique, ignoring case',
    );
  });

  it('warns about empty and space-padded tags', () => {
    expect(onlyProblem((d) => d.assets.push(asset('p2', 'centrifugal-pump', '  ')), '$.assets[4].tag', 'warning')).toContain(
      'is empty; give asset "p2" a tag (e.g. P-101)',
    );
    expect(onlyProblem((d) => ((d.assets[1] as Asset).tag = 'HV-102 '), '$.assets[1].tag', 'warning')).toBe('"HV-102 " starts or ends with spaces');
    // Padding does not hide a duplicate.
    const problems = problemsAfter((d) => d.assets.push(asset('v2', 'gate-valve', ' hv-101')));
    expect(problems.map((p) => `${p.severity} ${p.path}`)).toEqual(['warning $.assets[4].tag', 'error $.assets[4].tag']);
  });

  it('reports unknown component kinds without also failing their connections', () => {
    const message = onlyProblem((d) => ((d.assets[1] as Asset).kind = 'warp-drive'), '$.assets[1].kind');
    expect(message).toBe('unknown component kind "warp-drive": this build\'s catalog has no such component');
  });

  it('reports connections to missing assets and ports', () => {
    expect(onlyProblem((d) => ((d.connections[0] as Connection).to.asset = 'ghost'), '$.connections[0].to.asset')).toBe('no asset has id "ghost"');
    expect(onlyProblem((d) => ((d.connections[1] as Connection).to.port = 'evaporator'), '$.connections[1].to.port')).toBe(
      'CH-1 (Chiller) has no port "evaporator"; its ports are cw-in, cw-out, chw-in, chw-out, sig',
    );
    onlyProblem((d) => ((d.connections[2] as Connection).from.port = 'output'), '$.connections[2].from.port');
  });

  it('reports a process port wired to a signal port', () => {
    const message = onlyProblem((d) => d.connections.push(wire('c4', 'process', 'p1.out', 'tt1.pv')), '$.connections[3]');
    expect(message).toMatch(/^joins a process port \(P-101 \w+\) to a signal port \(TT-101 [\w ]+\); process lines join process ports/);
  });

  it('reports a connection whose kind differs from its ports', () => {
    expect(onlyProblem((d) => ((d.connections[2] as Connection).kind = 'process'), '$.connections[2].kind')).toMatch(
      /^is "process", but TT-101 .* are signal ports; make it "signal"$/,
    );
    expect(onlyProblem((d) => ((d.connections[0] as Connection).kind = 'signal'), '$.connections[0].kind')).toMatch(/make it "process"$/);
  });

  it('reports a connection from an asset to itself', () => {
    expect(onlyProblem((d) => d.connections.push(wire('c4', 'process', 'p1.out', 'p1.in')), '$.connections[3]')).toMatch(
      /of the same asset; a line joins two different assets$/,
    );
  });

  it('warns about a duplicate connection in either direction, and outlet-to-outlet lines', () => {
    expect(onlyProblem((d) => d.connections.push(wire('c4', 'process', 'p1.out', 'v1.in')), '$.connections[3]', 'warning')).toMatch(
      /^duplicates \$\.connections\[0\]/,
    );
    onlyProblem((d) => d.connections.push(wire('c4', 'process', 'v1.in', 'p1.out')), '$.connections[3]', 'warning');
    expect(onlyProblem((d) => d.connections.push(wire('c4', 'process', 'ch1.chw-out', 'v1.out')), '$.connections[3]', 'warning')).toContain(
      'joins two outlets',
    );
  });

  it('reports sensors bound to missing assets and invalid series keys', () => {
    expect(onlyProblem((d) => ((d.sensors[0] as { assetId: string }).assetId = 'gone'), '$.sensors[0].assetId')).toContain(
      'is bound to asset "gone", which does not exist',
    );
    expect(onlyProblem((d) => ((d.sensors[0] as { series: string }).series = 'chiller,plant=B7 kw'), '$.sensors[0].series')).toMatch(
      /^Invalid series key .* at character \d+/,
    );
    expect(onlyProblem((d) => ((d.sensors[0] as { series: string }).series = 'chiller,unit=CH1,plant=B7#kw'), '$.sensors[0].series', 'warning')).toContain(
      'the canonical key is "chiller,plant=B7,unit=CH1#kw"',
    );
    // An unbound sensor is fine.
    expect(problemsAfter((d) => ((d.sensors[0] as { assetId: string | null }).assetId = null))).toEqual([]);
  });

  it('reports systems and models naming missing assets', () => {
    expect(onlyProblem((d) => (d.systems[0] as { assetIds: string[] }).assetIds.push('p9'), '$.systems[0].assetIds[3]')).toBe(
      'system "Chilled water loop" names asset "p9", which does not exist; remove it from the list',
    );
    onlyProblem((d) => (d.systems[0] as { assetIds: string[] }).assetIds.push('p1'), '$.systems[0].assetIds[3]', 'warning');
    onlyProblem((d) => ((d.models[0] as { assetId: string }).assetId = 'ch9'), '$.models[0].assetId');
  });

  it('reports a time zone that is not IANA', () => {
    expect(onlyProblem((d) => (d.timeZone = 'America/Chicgo'), '$.timeZone')).toContain('"America/Chicgo" is not an IANA time zone');
    for (const ok of ['UTC', 'Europe/Berlin', 'Asia/Kolkata', 'America/Argentina/Buenos_Aires']) expect(problemsAfter((d) => (d.timeZone = ok))).toEqual([]);
    onlyProblem((d) => (d.timeZone = 'Central Standard Time'), '$.timeZone');
  });

  it('uses the catalog it is given', () => {
    const noPumps = (kind: string) => (kind === 'centrifugal-pump' ? undefined : componentByKind(kind));
    const problems = validateDocument(plant(), { componentByKind: noPumps });
    expect(problems.map((p) => p.path)).toEqual(['$.assets[0].kind']);
  });

  it('knows errors from warnings', () => {
    expect(hasErrors([{ path: '$', message: 'x', severity: 'warning' }])).toBe(false);
    expect(
      hasErrors([
        { path: '$', message: 'x', severity: 'warning' },
        { path: '$', message: 'y', severity: 'error' },
      ]),
    ).toBe(true);
  });
});

describe('jsonPath', () => {
  it('writes identifiers with dots and anything else in brackets', () => {
    expect(jsonPath([])).toBe('$');
    expect(jsonPath(['assets', 3, 'tag'])).toBe('$.assets[3].tag');
    expect(jsonPath(['assets', 0, 'properties', 'flow rate'])).toBe('$.assets[0].properties["flow rate"]');
    expect(jsonPath(['properties', 'chw-in', '1st'])).toBe('$.properties["chw-in"]["1st"]');
  });
});

import { describe, expect, it } from 'vitest';
import { isTwinError, type TwinError } from '../../api/errors';
import { parseJsonSafe } from '../safe-json';
import { FORMAT_VERSION, TwinDocumentSchema } from '../schema';
import { validateDocument } from '../validate';
import { OLDEST_FORMAT, migrate, migrations } from './migrate';
import { v1ToV2 } from './v1-to-v2';

// Fixture files as text, bundled by Vite for the test (shared/ code and its tests stay free of Node's fs).
const fixtureFiles = import.meta.glob<string>('../fixtures/**/*', { query: '?raw', import: 'default', eager: true });
const fixtureText = (name: string): string => {
  const text = fixtureFiles[`../fixtures/${name}`];
  if (text === undefined) throw new Error(`No fixture ${name}`);
  return text;
};
const fixture = (name: string): unknown => parseJsonSafe(fixtureText(name));

function thrown(fn: () => unknown): TwinError {
  try {
    fn();
  } catch (e) {
    if (isTwinError(e)) return e;
    throw e;
  }
  throw new Error('expected a TwinError');
}

describe('migrations', () => {
  it('are numbered without gaps and end at the current format', () => {
    migrations.forEach((m, i) => {
      expect(m.from).toBe(OLDEST_FORMAT + i);
      expect(m.to).toBe(m.from + 1);
      expect(m.summary.length).toBeGreaterThan(10);
    });
    expect(migrations[migrations.length - 1]?.to).toBe(FORMAT_VERSION);
  });

  for (const name of ['minimal', 'chiller-loop']) {
    it(`opens the format 1 fixture "${name}": step 1 gives the expected format 2 document, the rest the current format`, () => {
      const input = fixture(`v1/${name}.twin.json`);
      const before = JSON.stringify(input);
      const step = v1ToV2.up(input as Record<string, unknown>);
      expect(step).toEqual({ ok: true, document: fixture(`v1/${name}.expected.json`) });
      const { document, from } = migrate(input);
      expect(from).toBe(1);
      expect(document).toEqual(migrate(fixture(`v1/${name}.expected.json`)).document);
      // Pure: the parsed input is not touched.
      expect(JSON.stringify(input)).toBe(before);
      // The result is a valid current document, not just the right shape.
      expect(TwinDocumentSchema.safeParse(document).success).toBe(true);
      expect(validateDocument(document).filter((p) => p.severity === 'error')).toEqual([]);
    });
  }

  for (const name of ['chiller-loop', 'two-sources']) {
    it(`opens the format 2 fixture "${name}" as the expected format 3 document, with a sources section`, () => {
      const input = fixture(`v2/${name}.twin.json`);
      const before = JSON.stringify(input);
      const { document, from } = migrate(input);
      expect(from).toBe(2);
      expect(document).toEqual(fixture(`v2/${name}.expected.json`));
      expect(JSON.stringify(input)).toBe(before);
      expect(TwinDocumentSchema.safeParse(document).success).toBe(true);
      expect(validateDocument(document)).toEqual([]);
    });
  }

  it('names every source the format 2 sensors used, keeps their ids, and leaves unnamed sensors on the local store', () => {
    const { document } = migrate(fixture('v2/two-sources.twin.json'));
    const doc = TwinDocumentSchema.parse(document);
    expect(doc.sources.map((s) => [s.id, s.kind])).toEqual([
      ['influx1:3f2a9c0d1b7e', 'influx1'],
      ['local', 'local'],
    ]);
    expect(doc.defaultSource).toBe('local');
    // The empty source of format 2 meant none; the sensor now uses the default.
    expect(doc.sensors.map((s) => s.source)).toEqual(['influx1:3f2a9c0d1b7e', 'local', undefined, undefined, 'influx1:3f2a9c0d1b7e']);
    // A format 2 field that happened to be called "sources" is kept aside, not read as the new section.
    expect(document.legacyFields).toEqual({ sources: 'B7 BMS export, March' });
    // Nothing secret: no URL, password or token appears, as format 2 never had them.
    expect(JSON.stringify(doc.sources)).not.toMatch(/password|token|url/i);
  });

  it('gives a format 2 file without sensors an empty sources section and no default', () => {
    const { document } = migrate({ formatVersion: 2, id: 'x', name: 'Empty', timeZone: 'UTC', assets: [], sensors: [] });
    expect(document).toMatchObject({ formatVersion: 3, sources: [], rejectedSuggestions: [] });
    expect(document).not.toHaveProperty('defaultSource');
    const onlyRemote = migrate({ formatVersion: 2, id: 'x', sensors: [{ id: 's', series: 'a#v', source: 'influx2:abc' }] }).document;
    expect(onlyRemote).toMatchObject({ sources: [{ id: 'influx2:abc', kind: 'influx2' }], defaultSource: 'influx2:abc' });
    expect(migrate({ formatVersion: 2, id: 'x', sensors: [{ id: 's', series: 'a#v', source: 'bms-7' }] }).document).toMatchObject({
      sources: [{ id: 'bms-7', kind: 'unknown', name: 'Data source (bms-7)' }],
    });
  });

  it('keeps unknown v1 fields and drops only React Flow view state', () => {
    const { document } = migrate(fixture('v1/chiller-loop.twin.json'));
    const text = JSON.stringify(document);
    for (const kept of ['j.doe', 'TRANE-CVHF-0815', 'locked open', '4-20 mA', 'B7_P1_KW']) expect(text).toContain(kept);
    for (const dropped of ['"selected"', '"dragging"', '"width"', '"viewport"', '"zoom"', '"animated"']) expect(text).not.toContain(dropped);
  });

  it('keeps an unknown v1 field whose name format 2 now uses, under legacyFields', () => {
    const { document } = migrate({
      formatVersion: 1,
      id: 'x',
      nodes: [{ id: 'n1', type: 'tank', position: [0, 0], data: { tag: 'TK-1' }, tag: 'old-tag', name: 'old name' }],
    });
    const asset = (document.assets as Record<string, unknown>[])[0];
    expect(asset).toMatchObject({ tag: 'TK-1', name: '', legacyFields: { tag: 'old-tag', name: 'old name' } });
  });

  it('maps v1 rotations onto quarter turns and leaves odd angles for the validator', () => {
    const rotationOf = (rotation: number) => {
      const { document } = migrate({ formatVersion: 1, id: 'x', nodes: [{ id: 'n', type: 'tank', position: [0, 0], data: { rotation } }] });
      return (document.assets as { rotation: unknown }[])[0]?.rotation;
    };
    expect([rotationOf(-90), rotationOf(720), rotationOf(180), rotationOf(45)]).toEqual([270, 0, 180, 45]);
    const { document } = migrate({ formatVersion: 1, id: 'x', nodes: [{ id: 'n', type: 'tank', position: [0, 0], data: { rotation: 45 } }] });
    expect(validateDocument(document)).toContainEqual(expect.objectContaining({ path: '$.assets[0].rotation', severity: 'error' }));
  });

  it('reports a malformed v1 file with format 1 paths', () => {
    const e = thrown(() =>
      migrate(
        { formatVersion: 1, id: 'x', nodes: [{ id: 'n1', type: 'tank', position: { x: 1, y: 2 } }], edges: [{ id: 'e1', source: 'n1' }] },
        'old.twin.json',
      ),
    );
    expect(e.kind).toBe('file-invalid');
    expect(e.message).toMatch(/^old\.twin\.json \(format 1\) could not be converted to format 2: \$\.nodes\[0\]\.position: /);
    const paths = e.problems?.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['$.nodes[0].position', '$.edges[0].sourceHandle', '$.edges[0].target', '$.edges[0].targetHandle']));
    expect(e.problems?.every((p) => p.message.endsWith('(format 1 file)'))).toBe(true);
  });

  it('returns a current document as it is', () => {
    const doc = fixture('v3/chiller-loop.twin.json');
    const { document, from } = migrate(doc);
    expect(from).toBe(FORMAT_VERSION);
    expect(document).toBe(doc);
  });

  it('refuses a newer format, saying so', () => {
    const e = thrown(() => migrate(fixture('bad/newer-format.twin.json'), 'plant.twin.json'));
    expect(e.kind).toBe('newer-format');
    expect(e.message).toContain(`made by a newer version of Twin Studio (format 4, this build reads up to ${FORMAT_VERSION})`);
    expect(e.where).toBe('plant.twin.json');
  });

  it('explains a missing, non-integer or impossible formatVersion', () => {
    const cases: [unknown, string][] = [
      [fixture('bad/no-format-version.twin.json'), `$.formatVersion: is missing; a Twin Studio project starts with "formatVersion": ${FORMAT_VERSION}`],
      [{ formatVersion: '2' }, `$.formatVersion: is "2", but it must be a whole number such as ${FORMAT_VERSION}`],
      [{ formatVersion: 1.5 }, '$.formatVersion: is 1.5, but it must be a whole number'],
      [{ formatVersion: null }, '$.formatVersion: is null, but it must be a whole number'],
      [{ formatVersion: 0 }, '$.formatVersion: is 0, a format that never existed'],
      [[1, 2], '$: is an array, but a project file holds a JSON object'],
      ['text', '$: is "text", but a project file holds a JSON object'],
    ];
    for (const [input, expected] of cases) {
      const e = thrown(() => migrate(input, 'f.twin.json'));
      expect(e.kind).toBe('file-invalid');
      expect(e.message).toContain(`f.twin.json is not a Twin Studio project: ${expected}`);
      expect(e.problems?.[0]?.path).toBe(expected.slice(0, expected.indexOf(':')));
    }
  });
});

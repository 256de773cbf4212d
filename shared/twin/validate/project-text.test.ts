import { afterEach, describe, expect, it } from 'vitest';
import { isTwinError, type TwinError } from '../../api/errors';
import { FORMAT_VERSION } from '../schema';
import { parseProjectText } from './project-text';

// Fixture files as text, bundled by Vite for the test (shared/ code and its tests stay free of Node's fs).
const fixtureFiles = import.meta.glob<string>('../fixtures/**/*', { query: '?raw', import: 'default', eager: true });
const fixtureText = (name: string): string => {
  const text = fixtureFiles[`../fixtures/${name}`];
  if (text === undefined) throw new Error(`No fixture ${name}`);
  return text;
};
const text = fixtureText;

function refusal(source: string, where = 'plant.twin.json'): TwinError {
  try {
    parseProjectText(source, where);
  } catch (e) {
    if (isTwinError(e)) return e;
    throw e;
  }
  throw new Error('expected the text to be refused');
}

describe('parseProjectText', () => {
  afterEach(() => expect(({} as Record<string, unknown>).polluted).toBeUndefined());

  it('opens a current file with defaults filled and unknown fields kept', () => {
    const { document, problems, migratedFrom } = parseProjectText(text('v3/chiller-loop.twin.json'), 'loop.twin.json');
    expect(problems).toEqual([]);
    expect(migratedFrom).toBeUndefined();
    expect(document.formatVersion).toBe(FORMAT_VERSION);
    const d = document as Record<string, unknown> & typeof document;
    expect(d.owner).toEqual({ team: 'B7 facilities', contact: 'plant-eng@example.com' });
    expect(d.assets[0]).toMatchObject({ maintenanceId: 'SAP-4711' });
    expect(d.connections[0]).toMatchObject({ lineSize: 'DN150' });
    expect(d.models[0]).toMatchObject({ fit: { kind: 'biquadratic', coefficients: [0.1, 0.2] } });
    expect(d.sensors[0]).toMatchObject({ historianName: 'LCHWT_2' });
    expect(d.systems[0]).toMatchObject({ colour: '#1f77b4' });
  });

  it('opens a format 1 file and says it was migrated', () => {
    const { document, migratedFrom } = parseProjectText(text('v1/chiller-loop.twin.json'), 'old.twin.json');
    expect(migratedFrom).toBe(1);
    // Format 1 → 2 gives the expected format 2 document; 2 → 3 adds the sources section (the local store, its default).
    expect(document).toEqual({
      ...JSON.parse(text('v1/chiller-loop.expected.json')),
      formatVersion: 3,
      sources: [{ id: 'local', name: 'Local store', kind: 'local' }],
      defaultSource: 'local',
      rejectedSuggestions: [],
    });
  });

  it('returns warnings with an openable document', () => {
    const doc = JSON.parse(text('v3/chiller-loop.twin.json'));
    doc.assets[1].tag = '';
    const { problems } = parseProjectText(JSON.stringify(doc), 'w.twin.json');
    expect(problems).toEqual([expect.objectContaining({ path: '$.assets[1].tag', severity: 'warning' })]);
  });

  it('refuses a truncated file naming the line', () => {
    const source = text('bad/truncated.twin.json');
    const e = refusal(source);
    const lines = source.split('\n').length;
    expect(e.kind).toBe('file-invalid');
    expect(e.message).toMatch(
      new RegExp(`^plant\\.twin\\.json is not valid JSON: unexpected end of file at line ${lines}, column \\d+\\. The file may be truncated`),
    );
    expect(e.problems).toEqual([{ path: '$', message: expect.stringContaining(`line ${lines}`), severity: 'error' }]);
    expect(e.details).toMatchObject({ line: lines });
  });

  it('refuses non-JSON, proto keys, and a missing formatVersion', () => {
    expect(refusal(text('bad/not-json.twin.json')).message).toContain(
      'is not valid JSON: unexpected character "t" where a value was expected at line 1, column 1',
    );
    expect(refusal(text('bad/proto-pollution.twin.json')).message).toContain('the key "__proto__" is not allowed in a project file (rename it) at line 5');
    const e = refusal(text('bad/no-format-version.twin.json'));
    expect([e.kind, e.problems?.[0]?.path]).toEqual(['file-invalid', '$.formatVersion']);
  });

  it('refuses a newer format', () => {
    const e = refusal(text('bad/newer-format.twin.json'), '/plants/b7.twin.json');
    expect(e.kind).toBe('newer-format');
    expect(e.message).toBe(
      `/plants/b7.twin.json was made by a newer version of Twin Studio (format 4, this build reads up to ${FORMAT_VERSION}). Update Twin Studio to open it; the file was not changed.`,
    );
  });

  it('refuses a schema-violating file with every problem and the first in the message', () => {
    const e = refusal(text('bad/schema-violations.twin.json'));
    expect(e.kind).toBe('file-invalid');
    expect(e.message).toMatch(
      /^plant\.twin\.json is not a valid Twin Studio project: \$\.assets\[1\]\.tag: expected string, received number \(and 6 more errors\)\./,
    );
    expect(e.problems?.length).toBe(7);
  });

  it('refuses a file with graph errors, keeping its warnings in the list', () => {
    const e = refusal(text('bad/graph-errors.twin.json'));
    const errors = e.problems?.filter((p) => p.severity === 'error').map((p) => p.path);
    expect(errors).toEqual(
      expect.arrayContaining([
        '$.assets[4].id',
        '$.assets[1].tag',
        '$.assets[3].kind',
        '$.connections[0].to.asset',
        '$.connections[1].from.port',
        '$.connections[2]',
        '$.connections[3].kind',
        '$.connections[4]',
        '$.sensors[0].assetId',
        '$.sensors[1].series',
        '$.systems[0].assetIds[1]',
        '$.timeZone',
      ]),
    );
    expect(e.problems?.filter((p) => p.severity === 'warning').map((p) => p.path)).toEqual(['$.assets[5].tag', '$.connections[6]']);
  });

  it('gives paths of the converted document for a migrated file, and says so', () => {
    const v1 = JSON.parse(text('v1/chiller-loop.twin.json'));
    v1.nodes[1].data.tag = 'P-101';
    const e = refusal(JSON.stringify(v1));
    expect(e.message).toContain('$.assets[1].tag: tag "P-101" is already used by $.assets[0]');
    expect(e.message).toContain('(paths are those of the file converted from format 1 to 3)');
  });
});

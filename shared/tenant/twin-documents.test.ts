import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';
import { decodeTwin, encodeTwin, headDoc, readHeadDoc, readRevisionDoc, revisionDoc, sensorDocs, TwinDocError, type NewRevision } from './twin-documents';
import { sampleTwin } from './testing/sample-twin';
import { twinContent, withTenantLink } from './tenant-link';
import { FORMAT_VERSION } from '../twin/format-version';

const at = new Date(Date.UTC(2025, 6, 15, 14, 0));

function newRevision(content = sampleTwin()): NewRevision {
  return { twinId: content.id, revision: 3, baseRevision: 2, content, contentHash: 'abc', message: 'Add CT-1', author: 'ana', pushId: 'push-1', at };
}

describe('the twin as MongoDB documents', () => {
  it('maps a revision, its head and one sensor document per bound sensor', () => {
    const r = newRevision();
    expect(headDoc(r)).toEqual({
      _id: 'b7-plant',
      schemaVersion: 1,
      name: 'B7 chilled water',
      revision: 3,
      contentHash: 'abc',
      updatedAt: at,
      updatedBy: 'ana',
      pushId: 'push-1',
      message: 'Add CT-1',
    });
    const rev = revisionDoc(r);
    expect(rev).toMatchObject({
      twinId: 'b7-plant',
      revision: 3,
      baseRevision: 2,
      formatVersion: FORMAT_VERSION,
      encoding: 'bson',
      author: 'ana',
      createdAt: at,
      pushId: 'push-1',
    });
    expect(rev.document).toBe(r.content);
    const sensors = sensorDocs(r.content, r);
    expect(sensors).toEqual([
      {
        twinId: 'b7-plant',
        revision: 3,
        sensorId: 's1',
        schemaVersion: 1,
        seriesKey: 'B7_CH1_KW#value',
        source: 'historian',
        sourceName: 'Plant historian',
        sourceKind: 'influx1',
        assetId: 'ch1',
        assetTag: 'CH-1',
        role: 'power',
        unit: 'kW',
        trusted: true,
        createdAt: at,
      },
      expect.objectContaining({
        sensorId: 's2',
        seriesKey: 'LCHWT_1#value',
        source: 'local',
        sourceName: 'Local store',
        sourceKind: 'local',
        unit: '°C',
        role: 'chws-temperature',
      }),
    ]);
  });

  it("names each sensor's source from the twin's sources section: its own, else the project's default", () => {
    const content = { ...sampleTwin(), defaultSource: 'local' };
    expect(sensorDocs(content, newRevision()).map((d) => [d.sensorId, d.source, d.sourceName, d.sourceKind])).toEqual([
      ['s1', 'local', 'Local store', 'local'],
      ['s2', 'local', 'Local store', 'local'],
    ]);
    // A source the section does not list (a format 2 id never mapped) is named by its id alone.
    const unlisted = { ...sampleTwin(), sources: [], sensors: [{ ...sampleTwin().sensors[0]!, source: 'influx1:abc' }] };
    expect(sensorDocs(unlisted, newRevision())[0]).toMatchObject({ source: 'influx1:abc', sourceName: null, sourceKind: null });
    // No sources at all: the local store.
    expect(sensorDocs({ ...sampleTwin(), sources: [] }, newRevision())[0]).toMatchObject({ source: 'local', sourceName: 'Local store' });
  });

  it('stores keys MongoDB treats specially as JSON text, and gives back the same content either way', () => {
    const plain = sampleTwin();
    expect(encodeTwin(plain).encoding).toBe('bson');
    const odd = { ...sampleTwin(), assets: [{ ...sampleTwin().assets[0]!, properties: { 'flow.rate': 3, $where: 'x' } }] };
    const enc = encodeTwin(odd);
    expect(enc.encoding).toBe('json');
    expect(canonicalJson(decodeTwin(enc))).toBe(canonicalJson(odd));
    expect(canonicalJson(decodeTwin(encodeTwin(plain)))).toBe(canonicalJson(plain));
  });

  it('reads documents back, checking their shape, and refuses newer versions', () => {
    const rev = revisionDoc(newRevision());
    expect(readRevisionDoc(rev)).toMatchObject({ revision: 3, createdAt: at });
    expect(readHeadDoc({ ...headDoc(newRevision()), updatedAt: at.getTime() }).updatedAt).toEqual(at);
    expect(() => readHeadDoc({ _id: 'x', schemaVersion: 2 })).toThrow(/newer Twin Studio \(document version 2/);
    expect(() => readHeadDoc({ _id: 'x', schemaVersion: 2 })).toThrow(TwinDocError);
    expect(() => readRevisionDoc({ ...rev, revision: 'three' })).toThrow(/Revision three of twin "b7-plant" is not a Twin Studio document: revision/);
  });

  it('leaves the tenant link out of the content', () => {
    const linked = withTenantLink(sampleTwin(), { key: 'mongodb://a:27017/twins', name: 'acme', revision: 2 });
    expect('tenant' in twinContent(linked)).toBe(false);
    expect(canonicalJson(twinContent(linked))).toBe(canonicalJson(sampleTwin()));
  });
});

import { describe, expect, it } from 'vitest';
import type { Problem } from '../../api/errors';
import { emptyDocument, type Asset, type Sensor, type TwinDocument } from '../schema';
import { validateDocument } from '../validate';
import type { ValidateOptions } from './check-document';

function asset(id: string, kind: string, tag: string): Asset {
  return { id, kind, tag, name: '', properties: {}, position: { x: 0, y: 0 }, rotation: 0, flip: false };
}

function sensor(id: string, series: string, assetId: string, role: string, unit: string | null, trusted = true): Sensor {
  return { id, series, assetId, role, unit, trusted };
}

/** A chiller with its power meter wired to it (as the demo draws JT-115 on CH-1) and a CHWS header with two transmitters. */
function plant(): TwinDocument {
  const doc = emptyDocument('p', 'Plant', 'UTC');
  doc.sources = [
    { id: 'local', name: 'Local store', kind: 'local' },
    { id: 'historian', name: 'B7 historian', kind: 'influx1', url: 'http://historian:8086', database: 'plant' },
  ];
  doc.defaultSource = 'local';
  doc.assets = [
    asset('ch1', 'chiller', 'CH-1'),
    asset('jt1', 'power-transmitter', 'JT-115'),
    asset('hdr', 'header', 'HDR-101'),
    asset('tt1', 'temperature-transmitter', 'TT-101'),
    asset('tt2', 'temperature-transmitter', 'TT-102'),
  ];
  doc.connections = [
    { id: 'c1', kind: 'signal', from: { asset: 'ch1', port: 'sig' }, to: { asset: 'jt1', port: 'pv' } },
    { id: 'c2', kind: 'signal', from: { asset: 'hdr', port: 'sig' }, to: { asset: 'tt1', port: 'pv' } },
    { id: 'c3', kind: 'signal', from: { asset: 'hdr', port: 'sig' }, to: { asset: 'tt2', port: 'pv' } },
  ];
  doc.sensors = [
    sensor('s1', 'B7_CH1_KW#value', 'jt1', 'power', 'kW'),
    sensor('s2', 'B7_CH1_STS#value', 'ch1', 'status', null),
    sensor('s3', 'B7_CHWS_T#value', 'tt1', 'chws-temperature', '°C', true),
    sensor('s4', 'B7_CHWS_T_2#value', 'tt2', 'chws-temperature', '°C', false),
  ];
  return doc;
}

function problemsAfter(change: (d: TwinDocument) => void, options: ValidateOptions = {}): string[] {
  const d = plant();
  change(d);
  return validateDocument(d, options).map((p: Problem) => `${p.severity} ${p.path}: ${p.message}`);
}

describe('binding rules', () => {
  it('find nothing wrong with roles of the kind, fitting units and one trusted sensor of a redundant pair', () => {
    expect(problemsAfter(() => undefined)).toEqual([]);
  });

  it('report a role the asset kind does not have, and a role this build does not know', () => {
    expect(problemsAfter((d) => ((d.sensors[1] as Sensor).role = 'fan-speed'))).toEqual([
      expect.stringMatching(/^warning \$\.sensors\[1\]\.role: role "fan-speed" is not a role of CH-1 \(chiller\); its roles are status, power, /),
    ]);
    expect(problemsAfter((d) => ((d.sensors[1] as Sensor).role = 'vibes'))).toEqual([
      expect.stringMatching(/^warning \$\.sensors\[1\]\.role: role "vibes" is not one this build knows, and is not a role of CH-1/),
    ]);
    // A sensor with no role yet is not wrong, only unfinished.
    expect(problemsAfter((d) => ((d.sensors[1] as Sensor).role = ''))).toEqual([]);
  });

  it('report a unit of the wrong dimension (a °C sensor as power), and not an unknown unit', () => {
    expect(problemsAfter((d) => ((d.sensors[0] as Sensor).unit = '°C'))).toEqual([
      'warning $.sensors[0].unit: unit "°C" is a temperature, but role "power" needs a power; fix the unit or the role',
    ]);
    expect(problemsAfter((d) => ((d.sensors[1] as Sensor).unit = '%'))).toEqual([expect.stringContaining('$.sensors[1].unit: unit "%" is a percent')]);
    expect(problemsAfter((d) => ((d.sensors[0] as Sensor).unit = 'kVAh-ish'))).toEqual([]);
  });

  it('report several sensors for one role of one asset without exactly one trusted, counting instruments wired to it', () => {
    expect(problemsAfter((d) => ((d.sensors[2] as Sensor).trusted = false))).toEqual([
      'warning $.sensors[2].trusted: HDR-101 has 2 sensors for chws-temperature (B7_CHWS_T#value, B7_CHWS_T_2#value) and none is trusted; mark exactly one trusted',
    ]);
    expect(problemsAfter((d) => ((d.sensors[3] as Sensor).trusted = true))).toEqual([expect.stringContaining('and 2 are trusted; mark exactly one trusted')]);
    // A second power sensor bound to CH-1 itself counts with the one on JT-115, which is wired to it.
    expect(problemsAfter((d) => d.sensors.push(sensor('s5', 'CH1_KW_PANEL#value', 'ch1', 'power', 'kW')))).toEqual([
      'warning $.sensors[0].trusted: CH-1 has 2 sensors for power (B7_CH1_KW#value, CH1_KW_PANEL#value) and 2 are trusted; mark exactly one trusted',
    ]);
    expect(problemsAfter((d) => d.sensors.push(sensor('s5', 'CH1_KW_PANEL#value', 'ch1', 'power', 'kW', false)))).toEqual([]);
  });

  it('report a series the connected source lacks, only when its catalog is known', () => {
    const catalogs: Record<string, ReadonlySet<string>> = { local: new Set(['B7_CH1_KW#value', 'B7_CH1_STS#value', 'B7_CHWS_T#value']) };
    const knownSeries = (id: string) => catalogs[id];
    expect(problemsAfter(() => undefined, { knownSeries })).toEqual([
      'warning $.sensors[3].series: "B7_CHWS_T_2#value" is not in the catalog of source "local"; it may be misspelt, or the historian dropped it',
    ]);
    // A sensor of a source that is not connected is not judged.
    expect(problemsAfter((d) => ((d.sensors[3] as Sensor).source = 'historian'), { knownSeries })).toEqual([]);
  });
});

describe('source rules', () => {
  it('keep secrets and credentials out of the file', () => {
    const withSecret = problemsAfter((d) => Object.assign(d.sources[1] as object, { password: 'hunter2', token: 't' }));
    expect(withSecret).toEqual([
      expect.stringMatching(/^error \$\.sources\[1\]\.password: a secret never goes in a project file .*remove "password"/),
      expect.stringMatching(/^error \$\.sources\[1\]\.token: /),
    ]);
    expect(withSecret.join()).not.toContain('hunter2');
    expect(problemsAfter((d) => ((d.sources[1] as { url?: string }).url = 'http://admin:pw@historian:8086'))).toEqual([
      expect.stringMatching(/^error \$\.sources\[1\]\.url: holds a user name or password/),
    ]);
  });

  it('make sensors and the default name a listed source, the local store always being one', () => {
    expect(problemsAfter((d) => ((d.sensors[0] as Sensor).source = 'scada'))).toEqual([
      'error $.sensors[0].source: names source "scada", which "sources" does not list (it lists "local", "historian"); add it there, or remove the field to use the default source',
    ]);
    expect(problemsAfter((d) => (d.defaultSource = 'scada'))).toEqual([expect.stringMatching(/^error \$\.defaultSource: names source "scada"/)]);
    expect(
      problemsAfter((d) => {
        d.sources = [];
        d.defaultSource = 'local';
        (d.sensors[0] as Sensor).source = 'local';
      }),
    ).toEqual([]);
  });
});

import { FORMAT_VERSION } from '../../twin/schema';
import type { Sensor, TwinDocument, TwinSystem } from '../../twin/schema';
import { SIM_TIME_ZONE } from '../sim-clock';
import { SIM_SERIES } from '../sim-series';
import { drawTrain } from './chiller-trains';
import { drawChilledWaterLoop } from './chilled-water-loop';
import { drawCondenserLoop } from './condenser-loop';
import { demoModels } from './demo-models';
import { Drawing, idOf } from './drawing';

export const DEMO_PROJECT_ID = 'b7-chilled-water-demo';

const INSTRUMENT_KINDS = new Set([
  'temperature-transmitter',
  'pressure-transmitter',
  'dp-transmitter',
  'flow-transmitter',
  'level-transmitter',
  'power-transmitter',
  'speed-transmitter',
  'position-transmitter',
  'analyzer',
  'controller',
  'vfd',
]);

/** A sensor id from a historian name: `B7.CHLR2.KW` → `s-b7-chlr2-kw`. */
function sensorId(name: string): string {
  return `s-${name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;
}

/** The demo plant drawing: two chiller trains, the condenser loop above, the chilled-water loop below. */
export function drawDemoPlant(): Drawing {
  const d = new Drawing();
  drawTrain(d, 1);
  drawTrain(d, 2);
  drawCondenserLoop(d);
  drawChilledWaterLoop(d);
  d.add('power-transmitter', 'JT-001', 'Chiller plant main power meter', { x: 40, y: 20 }, { properties: { rangeHigh: 1500 } });
  return d;
}

/** The demo project `assets/demo/b7-chilled-water.twin.json`: drawing, systems and a sensor bound for every simulated point. */
export function buildDemoProject(): TwinDocument {
  const d = drawDemoPlant();
  const tags = new Map(d.assets.map((a) => [a.tag, a]));
  const sensors: Sensor[] = SIM_SERIES.map((s) => {
    if (!tags.has(s.assetTag)) throw new Error(`Point ${s.name} is bound to ${s.assetTag}, which the demo drawing does not have`);
    return { id: sensorId(s.name), series: s.key, unit: s.unit, role: s.role, trusted: s.trusted ?? true, assetId: idOf(s.assetTag), label: s.label };
  });
  const ids = (pred: (tag: string, kind: string) => boolean): string[] => d.assets.filter((a) => pred(a.tag, a.kind)).map((a) => a.id);
  const chw = /^(CH-|CHWP-|HV-1|CKV-1|HDR-1|J-1|FV-|CC-|ET-)/;
  const cw = /^(CH-|CWP-|HV-2|CKV-2|HDR-2|J-2|CT-)/;
  const systems: TwinSystem[] = [
    { id: 'sys-chw', name: 'Chilled water loop', assetIds: ids((t, k) => chw.test(t) && !INSTRUMENT_KINDS.has(k)) },
    { id: 'sys-cw', name: 'Condenser water loop', assetIds: ids((t, k) => cw.test(t) && !INSTRUMENT_KINDS.has(k)) },
    { id: 'sys-ct', name: 'Cooling towers', assetIds: ids((t) => /^(CT-|HDR-20|TIC-201)/.test(t)) },
    { id: 'sys-inst', name: 'Instrumentation', assetIds: ids((_, k) => INSTRUMENT_KINDS.has(k)) },
  ];
  const doc: TwinDocument = {
    formatVersion: FORMAT_VERSION,
    id: DEMO_PROJECT_ID,
    name: 'B7 chilled-water plant (demo)',
    timeZone: SIM_TIME_ZONE,
    // The demo's data is written into the embedded store on first start.
    sources: [{ id: 'local', name: 'Local store', kind: 'local' }],
    defaultSource: 'local',
    assets: d.assets,
    connections: d.connections,
    systems,
    sensors,
    models: [],
    rejectedSuggestions: [],
  };
  return { ...doc, models: demoModels(doc) };
}

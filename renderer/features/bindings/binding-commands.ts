import { readBindingTable, applyBindingTable, writeBindingTable } from '../../../shared/bindings/binding-table';
import { roleOfSeries, roleOnAsset } from '../../../shared/bindings/suggest';
import type { SeriesLookup } from '../../../shared/twin/validate/binding-rules';
import {
  bindSensor,
  bindSensors,
  rejectSuggestions,
  setSensorRole,
  setSensorUnit,
  trustSensor,
  unbindSensors,
  type BindRequest,
} from '../../../shared/twin/edits/binding-edits';
import { linkBubble, nearestEquipment, placeInstrument, centreOf } from '../../../shared/twin/edits/instrument-edits';
import { applyDiff, squashDiffs } from '../../../shared/twin/diff';
import { LOCAL_SOURCE_ID } from '../../../shared/twin/project-sources';
import type { ProjectSource } from '../../../shared/twin/schema';
import { projectSourceForSession, projectSourceFromSession, projectSourcesOf } from '../../../shared/twin/source-resolution';
import type { TwinState } from '../../../shared/twin/state';
import type { Editor } from '../../commands/editor';
import type { EditorCommand } from '../../commands/registry';

/** Where a series lives: a connection of this session, or a project source by its id. */
export interface SeriesOrigin {
  series: string;
  /** The session's id of the connection the series was picked from (the Sensors panel). */
  sessionSource?: string;
  /** Or the project source id (a sensor the project already has). */
  source?: string;
  unit?: string | null;
}

export interface BindArgs extends SeriesOrigin {
  assetId: string;
  /** Left out: the role the name, unit and values suggest for this asset. */
  role?: string;
}

export interface SuggestionArgs extends SeriesOrigin {
  assetId: string;
  role: string;
}

/** The arguments of each binding command, by id. */
export interface BindingCommandArgs {
  'bindings.bind': BindArgs;
  'bindings.unbind': { sensorIds: readonly string[] };
  'bindings.setRole': { sensorId: string; role: string };
  'bindings.setUnit': { sensorId: string; unit: string | null };
  'bindings.trust': { sensorId: string };
  'bindings.accept': { suggestions: readonly SuggestionArgs[] };
  'bindings.reject': { suggestions: readonly Pick<SuggestionArgs, 'series' | 'assetId' | 'role'>[] };
  'bindings.importTable': { text: string; fileName?: string; knownSeries?: SeriesLookup };
  'bindings.exportTable': Record<string, never>;
  'bindings.placeInstrument': SeriesOrigin & { at: { x: number; y: number }; link: boolean; role?: string };
  'bindings.linkNearest': { assetId?: string };
}

/** The project source entry for a series' origin: the one the project has for that connection, or a new one. */
function projectSource(editor: Editor, twin: TwinState, o: SeriesOrigin): ProjectSource | undefined {
  const listed = projectSourcesOf(Object.values(twin.sources), twin.meta.defaultSource);
  if (o.source !== undefined)
    return listed.find((s) => s.id === o.source) ?? (o.source === LOCAL_SOURCE_ID ? { id: 'local', name: 'Local store', kind: 'local' } : undefined);
  if (o.sessionSource === undefined) return undefined;
  const session = editor.sessionSources();
  const known = projectSourceForSession(listed, session, o.sessionSource, editor.chosenSources());
  if (known) return known;
  const info = session.find((s) => s.id === o.sessionSource);
  return info ? projectSourceFromSession(info, Object.keys(twin.sources)) : undefined;
}

function request(editor: Editor, twin: TwinState, o: SeriesOrigin, assetId: string, role: string): BindRequest {
  const req: BindRequest = { series: o.series, assetId, role };
  const source = projectSource(editor, twin, o);
  if (source) req.source = source;
  if (o.unit !== undefined) req.unit = o.unit;
  return req;
}

const tagOf = (editor: Editor, id: string) => editor.doc.getState().twin.assets[id]?.tag ?? id;
const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

function command<K extends keyof BindingCommandArgs>(c: EditorCommand<BindingCommandArgs[K]> & { id: K }): EditorCommand {
  return c as EditorCommand;
}

/** Binding, unbinding, role, unit and trust changes, suggestions and the binding table: each one undo step. */
export const bindingCommands: readonly EditorCommand[] = [
  command({
    id: 'bindings.bind',
    label: 'Bind sensor to asset',
    perform(editor, a) {
      const { twin } = editor.doc.getState();
      if (!twin.assets[a.assetId]) return editor.say(`There is no asset ${a.assetId} to bind ${a.series} to.`, 'error');
      const role = a.role ?? roleOnAsset(twin, { key: a.series, unit: a.unit ?? null }, a.assetId);
      if (!role) return editor.say(`${tagOf(editor, a.assetId)} has no role for ${a.series}; pick one in the inspector.`, 'error');
      const { diff } = bindSensor(twin, request(editor, twin, a, a.assetId, role), () => editor.newId('s'));
      editor.doc.getState().apply(diff, { kind: 'record' });
      editor.view.getState().select([a.assetId]);
      editor.say(`Bound ${a.series} to ${tagOf(editor, a.assetId)} as ${role}.`);
    },
  }),
  command({
    id: 'bindings.unbind',
    label: 'Unbind sensor',
    perform(editor, { sensorIds }) {
      const diff = unbindSensors(editor.doc.getState().twin, sensorIds);
      editor.doc.getState().apply(diff, { kind: 'record' });
      editor.say(`Unbound ${plural(sensorIds.length, 'sensor')}.`);
    },
  }),
  command({
    id: 'bindings.setRole',
    label: 'Change sensor role',
    perform(editor, { sensorId, role }) {
      editor.doc.getState().apply(setSensorRole(editor.doc.getState().twin, sensorId, role), { kind: 'record' });
    },
  }),
  command({
    id: 'bindings.setUnit',
    label: 'Change sensor unit',
    perform(editor, { sensorId, unit }) {
      // Typing a unit is one step per field, like the inspector's other fields.
      editor.doc.getState().apply(setSensorUnit(editor.doc.getState().twin, sensorId, unit), { kind: 'squash', key: `unit:${sensorId}` });
    },
  }),
  command({
    id: 'bindings.trust',
    label: 'Trust this sensor',
    perform(editor, { sensorId }) {
      const { twin } = editor.doc.getState();
      editor.doc.getState().apply(trustSensor(twin, sensorId), { kind: 'record' });
      const s = twin.sensors[sensorId];
      if (s) editor.say(`${s.series} is now the trusted ${s.role} sensor.`);
    },
  }),
  command({
    id: 'bindings.accept',
    label: 'Accept suggestions',
    perform(editor, { suggestions }) {
      const { twin } = editor.doc.getState();
      const reqs = suggestions.filter((s) => twin.assets[s.assetId]).map((s) => request(editor, twin, s, s.assetId, s.role));
      const { diff } = bindSensors(twin, reqs, () => editor.newId('s'));
      editor.doc.getState().apply(diff, { kind: 'record' });
      editor.say(`Accepted ${plural(reqs.length, 'suggestion')}.`);
    },
  }),
  command({
    id: 'bindings.reject',
    label: 'Reject suggestions',
    perform(editor, { suggestions }) {
      editor.doc.getState().apply(rejectSuggestions(editor.doc.getState().twin, suggestions), { kind: 'record' });
      editor.say(
        `Rejected ${plural(suggestions.length, 'suggestion')}; ${suggestions.length === 1 ? 'it is' : 'they are'} not offered again for this project.`,
      );
    },
  }),
  command({
    id: 'bindings.importTable',
    label: 'Import binding table…',
    perform(editor, { text, fileName = 'The table', knownSeries }) {
      const { twin } = editor.doc.getState();
      const read = readBindingTable(text, twin, knownSeries ? { knownSeries } : {});
      if (read.problems.length) {
        editor.showProblems(
          'Could not import the binding table',
          `${fileName} has ${plural(read.problems.length, 'problem')}. Fix ${read.problems.length === 1 ? 'it' : 'them'} and import the table again.`,
          read.problems.map((p) => ({ path: `line ${p.line}`, message: p.message, severity: 'error' })),
        );
        return;
      }
      editor.doc.getState().apply(
        applyBindingTable(twin, read.rows, () => editor.newId('s')),
        { kind: 'record' },
      );
      editor.say(`Imported ${plural(read.rows.length, 'binding')} from ${fileName}.`);
    },
  }),
  command({
    id: 'bindings.exportTable',
    label: 'Export binding table…',
    perform(editor) {
      const { twin } = editor.doc.getState();
      const name = `${twin.meta.name.replace(/[^\w.-]+/g, '-').replace(/^-|-$/g, '') || 'plant'}-bindings.csv`;
      editor.saveText(name, writeBindingTable(twin), 'text/csv');
      editor.say(`Exported the binding table as ${name}.`);
    },
  }),
  command({
    id: 'bindings.placeInstrument',
    label: 'Place instrument for sensor',
    perform(editor, a) {
      const { twin } = editor.doc.getState();
      const role = a.role ?? roleOfSeries(twin, { key: a.series, unit: a.unit ?? null });
      if (!role) return editor.say(`Could not tell what ${a.series} measures; drop it on an asset and pick its role there.`, 'error');
      const placed = placeInstrument(twin, { role, at: a.at, link: a.link }, () => editor.newId('a'));
      const after = applyDiff(twin, placed.diff);
      const bound = bindSensor(after, request(editor, after, a, placed.assetId, role), () => editor.newId('s'));
      editor.doc.getState().apply(squashDiffs(placed.diff, bound.diff), { kind: 'record' });
      editor.view.getState().select([placed.assetId]);
      const tag = tagOf(editor, placed.assetId);
      const linked = placed.linkedTo ? `, wired to ${tagOf(editor, placed.linkedTo)}` : '';
      editor.say(`Placed ${tag} for ${a.series} (${role})${linked}.`);
    },
  }),
  command({
    id: 'bindings.linkNearest',
    label: 'Link bubble to nearest asset',
    keys: ['Mod+Shift+L'],
    enabled: (editor, a) => (a?.assetId ?? [...editor.view.getState().selectedAssets][0]) !== undefined,
    perform(editor, a) {
      const { twin } = editor.doc.getState();
      const id = a?.assetId ?? [...editor.view.getState().selectedAssets][0];
      const bubble = id ? twin.assets[id] : undefined;
      if (!bubble) return;
      const near = nearestEquipment(twin, centreOf(bubble), bubble.id);
      if (!near) return editor.say(`No equipment near ${bubble.tag} to link it to.`, 'error');
      const r = linkBubble(twin, bubble.id, near.id, () => editor.newId('c'));
      if ('reason' in r) return editor.say(r.reason, 'error');
      editor.doc.getState().apply(r.diff, { kind: 'record' });
      editor.say(`Linked ${bubble.tag} to ${near.tag}.`);
    },
  }),
];

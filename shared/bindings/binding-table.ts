import { rolesOfKind, componentByKind } from '../catalog/catalog';
import { roleById, unitFitsRole, dimensionsOfRole } from '../catalog/roles';
import { dimensionOfUnit } from '../catalog/units';
import { canonicalSeriesKey } from '../series/series-key';
import { measuredAssetOf } from '../twin/asset-sensors';
import { DiffBuilder, type StateDiff } from '../twin/diff';
import type { NewId } from '../twin/edits/asset-edits';
import { defaultSourceId, LOCAL_SOURCE_ID, sourceOfSensor } from '../twin/project-sources';
import type { Asset, Sensor } from '../twin/schema';
import type { TwinState } from '../twin/state';
import type { SeriesLookup } from '../twin/validate/binding-rules';
import { cellValue, csvCell, CsvError, parseCsv } from './csv';

/** The columns of a binding table, in the order they are written. */
export const TABLE_COLUMNS = ['series', 'asset tag', 'role', 'unit', 'trusted', 'source'] as const;
type Column = (typeof TABLE_COLUMNS)[number];

/** One binding of a table. */
export interface TableRow {
  line: number;
  series: string;
  /** Project source id. */
  source: string;
  assetId: string;
  role: string;
  /** Undefined when the table has no unit column (units stay as they are). */
  unit?: string | null;
  /** Null when the cell is blank: the table leaves the choice to the app. */
  trusted: boolean | null;
}

export interface TableProblem {
  line: number;
  message: string;
}

export interface ReadTable {
  rows: TableRow[];
  problems: TableProblem[];
  /** Series that could not be checked against a catalog (no source connected for them). */
  unchecked: number;
}

/** The project's bindings as CSV (series, asset tag, role, unit, trusted, source), in file order. */
export function writeBindingTable(twin: TwinState): string {
  const defaultId = defaultSourceId(twin.meta.defaultSource, Object.values(twin.sources));
  const lines = [TABLE_COLUMNS.join(',')];
  for (const s of Object.values(twin.sensors)) {
    const asset = s.assetId === null ? undefined : twin.assets[s.assetId];
    if (!asset) continue;
    lines.push([s.series, asset.tag, s.role, s.unit ?? '', s.trusted ? 'true' : 'false', sourceOfSensor(s, defaultId)].map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

const normal = (h: string) => h.toLowerCase().replace(/[^a-z]/g, '');
const HEADERS: Record<string, Column> = { series: 'series', serieskey: 'series', key: 'series', assettag: 'asset tag', tag: 'asset tag', asset: 'asset tag' };
for (const c of ['role', 'unit', 'trusted', 'source'] as const) HEADERS[c] = c;

const TRUE = new Set(['true', 'yes', 'y', '1', 'x', 'trusted']);
const FALSE = new Set(['false', 'no', 'n', '0']);

/**
 * Read a binding table against a project: every problem with its line (unknown tags, unknown series,
 * a series twice, a role the asset's kind lacks, a unit of the wrong dimension, two trusted sensors for
 * one role of an asset). Nothing is applied here; apply only a table without problems.
 */
export function readBindingTable(text: string, twin: TwinState, options: { knownSeries?: SeriesLookup } = {}): ReadTable {
  const problems: TableProblem[] = [];
  let records;
  try {
    records = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvError) return { rows: [], problems: [{ line: e.line, message: e.message }], unchecked: 0 };
    throw e;
  }
  const [header, ...body] = records;
  if (!header)
    return { rows: [], problems: [{ line: 1, message: `the file is empty; a binding table starts with the header ${TABLE_COLUMNS.join(',')}` }], unchecked: 0 };
  const at = new Map<Column, number>();
  header.cells.forEach((h, i) => {
    const col = HEADERS[normal(h)];
    if (!col) problems.push({ line: header.line, message: `column "${h}" is not one of ${TABLE_COLUMNS.join(', ')}` });
    else if (at.has(col)) problems.push({ line: header.line, message: `column "${col}" appears twice` });
    else at.set(col, i);
  });
  for (const need of ['series', 'asset tag', 'role'] as const) {
    if (!at.has(need)) problems.push({ line: header.line, message: `the header lacks the "${need}" column (the header is ${TABLE_COLUMNS.join(',')})` });
  }
  if (problems.length) return { rows: [], problems, unchecked: 0 };

  const byTag = new Map<string, Asset>();
  for (const a of Object.values(twin.assets)) if (a.tag.trim()) byTag.set(a.tag.trim().toLowerCase(), a);
  const defaultId = defaultSourceId(twin.meta.defaultSource, Object.values(twin.sources));
  const inProject = new Set(Object.values(twin.sensors).map((s) => `${sourceOfSensor(s, defaultId)}|${s.series}`));
  const firstLine = new Map<string, number>();
  const rows: TableRow[] = [];
  let unchecked = 0;
  for (const r of body) {
    const cell = (c: Column) => {
      const i = at.get(c);
      return i === undefined ? undefined : cellValue((r.cells[i] ?? '').trim());
    };
    const bad = (message: string) => problems.push({ line: r.line, message });
    const rawSeries = cell('series') ?? '';
    let series = rawSeries;
    try {
      series = canonicalSeriesKey(rawSeries);
    } catch (e) {
      bad(`series "${rawSeries}" is not a series key (${(e as Error).message})`);
      continue;
    }
    const source = cell('source') || defaultId;
    if (source !== LOCAL_SOURCE_ID && !twin.sources[source])
      bad(`source "${source}" is not one of the project's sources (${Object.keys(twin.sources).join(', ') || 'none'})`);
    const seen = firstLine.get(`${source}|${series}`);
    if (seen !== undefined) bad(`series "${series}" is already bound on line ${seen}; each series is bound once`);
    else firstLine.set(`${source}|${series}`, r.line);
    const catalog = options.knownSeries?.(source);
    if (catalog === undefined) unchecked++;
    else if (!catalog.has(series) && !inProject.has(`${source}|${series}`)) bad(`series "${series}" is not in source "${source}" and not in the project`);
    const tag = cell('asset tag') ?? '';
    const asset = byTag.get(tag.toLowerCase());
    if (!asset) bad(tag ? `no asset has the tag "${tag}"` : 'the asset tag is empty');
    const role = cell('role') ?? '';
    const kindRoles = asset ? rolesOfKind(asset.kind) : [];
    if (!role) bad('the role is empty');
    else if (asset && !kindRoles.some((k) => k.id === role)) {
      bad(
        `${asset.tag} (${componentByKind(asset.kind)?.name.toLowerCase() ?? asset.kind}) has no role "${role}"; its roles are ${kindRoles.map((k) => k.id).join(', ') || 'none'}`,
      );
    }
    const unitCell = cell('unit');
    const unit = unitCell === undefined ? undefined : unitCell === '' ? null : unitCell;
    const def = asset && kindRoles.some((k) => k.id === role) ? roleById(role) : undefined;
    if (def && unit && !unitFitsRole(def, unit))
      bad(`unit "${unit}" is a ${dimensionOfUnit(unit)}, but role "${role}" needs a ${dimensionsOfRole(def).join(' or ')}`);
    const t = (cell('trusted') ?? '').toLowerCase();
    const trusted = t === '' ? null : TRUE.has(t) ? true : FALSE.has(t) ? false : undefined;
    if (trusted === undefined) bad(`trusted is "${t}"; write true or false, or leave it blank`);
    if (asset && role) rows.push({ line: r.line, series, source, assetId: asset.id, role, ...(unit === undefined ? {} : { unit }), trusted: trusted ?? null });
  }
  // Exactly one trusted sensor per role of an asset (a bubble wired to it counts as the asset).
  const groups = new Map<string, TableRow[]>();
  for (const row of rows) {
    const key = `${measuredAssetOf(twin, row)}|${row.role}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  for (const group of groups.values()) {
    const trusted = group.filter((g) => g.trusted === true);
    if (trusted.length > 1) {
      const asset = twin.assets[measuredAssetOf(twin, group[0] as TableRow) ?? ''];
      const lines = trusted.map((g) => g.line).join(', ');
      for (const g of trusted.slice(1)) {
        problems.push({
          line: g.line,
          message: `${asset?.tag ?? 'the asset'} has ${trusted.length} trusted sensors for ${g.role} (lines ${lines}); mark exactly one trusted`,
        });
      }
    }
  }
  problems.sort((a, b) => a.line - b.line);
  return { rows: problems.length ? [] : rows, problems, unchecked };
}

/**
 * Make a table the project's bindings, in one step: its series bound as it says (new sensors for series the
 * project does not have), every other sensor unbound. Where the table leaves trust open, a group keeps
 * the sensor it trusted, else trusts its first.
 */
export function applyBindingTable(twin: TwinState, rows: readonly TableRow[], newId: NewId): StateDiff {
  const b = new DiffBuilder(twin);
  const defaultId = defaultSourceId(twin.meta.defaultSource, Object.values(twin.sources));
  const bySeries = new Map(Object.values(twin.sensors).map((s) => [`${sourceOfSensor(s, defaultId)}|${s.series}`, s]));
  const listed = new Set<string>();
  const next: Sensor[] = [];
  for (const row of rows) {
    const existing = bySeries.get(`${row.source}|${row.series}`);
    const s: Sensor = existing ? { ...existing } : { id: newId(), series: row.series, unit: null, role: '', trusted: true, assetId: null };
    s.assetId = row.assetId;
    s.role = row.role;
    if (row.unit !== undefined) s.unit = row.unit;
    if (row.source === defaultId) delete s.source;
    else s.source = row.source;
    listed.add(s.id);
    next.push(s);
  }
  const groups = new Map<string, { sensor: Sensor; row: TableRow; was: boolean }[]>();
  next.forEach((s, i) => {
    const key = `${measuredAssetOf(twin, s)}|${s.role}`;
    groups.set(key, [
      ...(groups.get(key) ?? []),
      { sensor: s, row: rows[i] as TableRow, was: twin.sensors[s.id]?.trusted === true && twin.sensors[s.id]?.assetId !== null },
    ]);
  });
  for (const group of groups.values()) {
    const chosen =
      group.find((g) => g.row.trusted === true) ??
      group.find((g) => g.was && g.row.trusted !== false) ??
      group.find((g) => g.row.trusted !== false) ??
      group[0];
    for (const g of group) g.sensor.trusted = g === chosen;
  }
  for (const s of next) b.put('sensors', s);
  for (const s of Object.values(twin.sensors)) if (!listed.has(s.id) && s.assetId !== null) b.put('sensors', { ...s, assetId: null });
  return b.build();
}

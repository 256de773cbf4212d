import { formatSeriesKey } from '../../../shared/series/series-key';
import type { CatalogEntry } from '../../../shared/series/types';
import type { StatementResult } from './query-response';
import { parseListedSeriesKey } from './show-series-key';

/** Field types that can be charted; strings and booleans are left out of the catalog. */
const NUMERIC = new Set(['float', 'integer', 'unsigned']);

/** One request answers the whole catalog: numeric field keys per measurement, then every series. */
export const CATALOG_STATEMENTS = ['SHOW FIELD KEYS', 'SHOW SERIES'] as const;

/** Numeric field keys per measurement from SHOW FIELD KEYS. */
export function numericFields(result: StatementResult): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  for (const s of result.series) {
    if (s.name === undefined) continue;
    const keyCol = s.columns.indexOf('fieldKey');
    const typeCol = s.columns.indexOf('fieldType');
    const list: string[] = [];
    for (const row of s.values ?? []) {
      const k = row[keyCol];
      const type = row[typeCol];
      // A field written with different types in different shards is listed once per type.
      if (typeof k === 'string' && typeof type === 'string' && NUMERIC.has(type) && !list.includes(k)) list.push(k);
    }
    if (list.length) fields.set(s.name, list);
  }
  return fields;
}

function matches(entry: CatalogEntry, needle: string): boolean {
  if (entry.key.toLowerCase().includes(needle)) return true;
  if (entry.measurement.toLowerCase().includes(needle) || entry.field.toLowerCase().includes(needle)) return true;
  // Tag keys too: the key shows them escaped, so "sp ace" would not match "sp\ ace".
  return Object.entries(entry.tags).some(([k, v]) => k.toLowerCase().includes(needle) || v.toLowerCase().includes(needle));
}

/**
 * Catalog entries: every listed series crossed with its measurement's numeric fields. InfluxDB 1.x keeps
 * field keys per measurement, not per series, so a series is listed with every numeric field of its
 * measurement even where it never had that field (its windows are then empty). Sorted by key; units unknown.
 */
export function catalogEntries(
  fieldsResult: StatementResult,
  seriesResult: StatementResult,
  search: string | undefined,
  limit: number | undefined,
): CatalogEntry[] {
  const fields = numericFields(fieldsResult);
  const needle = search?.trim().toLowerCase() ?? '';
  const entries: CatalogEntry[] = [];
  for (const s of seriesResult.series) {
    const keyCol = Math.max(0, s.columns.indexOf('key'));
    for (const row of s.values ?? []) {
      const raw = row[keyCol];
      if (typeof raw !== 'string') continue;
      const listed = parseListedSeriesKey(raw);
      if (!listed) continue;
      for (const field of fields.get(listed.measurement) ?? []) {
        let key: string;
        try {
          key = formatSeriesKey({ measurement: listed.measurement, tags: listed.tags, field });
        } catch {
          continue;
        }
        const entry: CatalogEntry = { key, measurement: listed.measurement, field, tags: listed.tags };
        if (needle === '' || matches(entry, needle)) entries.push(entry);
      }
    }
  }
  entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return limit !== undefined ? entries.slice(0, Math.max(0, limit)) : entries;
}

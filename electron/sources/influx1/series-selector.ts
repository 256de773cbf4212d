import type { SeriesRef } from '../../../shared/series/series-key';
import type { ResultSeries } from './query-response';
import { fromTarget, tagRef, quoteString } from './influxql-quote';

/**
 * Exact series selection in InfluxQL. `WHERE "plant"='B7'` alone also matches `plant=B7,unit=CH1`; so every
 * other tag key the measurement has is required to be absent (`"unit"::tag = ''`). Queries also
 * `GROUP BY *`, and pickSeries keeps only the group whose tags are exactly the key's: a tag key that
 * appeared after the tag keys were read cannot merge another series into the answer.
 * Measured on 1.6: with a handful of tag keys the exclusions make a query faster (fewer series read);
 * with hundreds they make it slower than reading the extra series, so past a cap only pickSeries filters.
 */

/** Most `"tag"::tag = ''` exclusions put in one query. */
export const MAX_EXCLUDED_TAG_KEYS = 32;

export interface Selection {
  /** `FROM ...` target */
  from: string;
  /** Conditions ANDed into WHERE (may be empty). */
  conditions: string[];
}

/** FROM and WHERE conditions that select exactly the series of `ref`, given the measurement's tag keys. */
export function selectSeries(ref: SeriesRef, measurementTagKeys: readonly string[], database: string, retentionPolicy: string | undefined): Selection {
  const conditions: string[] = [];
  for (const [k, v] of Object.entries(ref.tags)) conditions.push(`${tagRef(k)} = ${quoteString(v)}`);
  const others = measurementTagKeys.filter((k) => !Object.prototype.hasOwnProperty.call(ref.tags, k));
  if (others.length <= MAX_EXCLUDED_TAG_KEYS) for (const k of others) conditions.push(`${tagRef(k)} = ''`);
  return { from: fromTarget(ref.measurement, database, retentionPolicy), conditions };
}

/** The WHERE clause of a selection plus time conditions. */
export function whereClause(selection: Selection, time: readonly string[]): string {
  const all = [...selection.conditions, ...time];
  return all.length ? ` WHERE ${all.join(' AND ')}` : '';
}

/**
 * From `GROUP BY *` results, the one series whose tags are exactly the key's (absent tags come back as "").
 * `unknownTagKeys` is set when a group carried a tag key the selection did not know of.
 */
export function pickSeries(
  series: readonly ResultSeries[],
  ref: SeriesRef,
  knownTagKeys: readonly string[],
): { match: ResultSeries | undefined; unknownTagKeys: boolean } {
  const known = new Set([...knownTagKeys, ...Object.keys(ref.tags)]);
  let match: ResultSeries | undefined;
  let unknownTagKeys = false;
  for (const s of series) {
    const tags = s.tags ?? {};
    let exact = true;
    for (const [k, v] of Object.entries(tags)) {
      if (!known.has(k)) unknownTagKeys = true;
      const want = Object.prototype.hasOwnProperty.call(ref.tags, k) ? ref.tags[k] : '';
      if (v !== want) exact = false;
    }
    for (const k of Object.keys(ref.tags)) if (!Object.prototype.hasOwnProperty.call(tags, k)) exact = false;
    if (exact && !match) match = s;
  }
  return { match, unknownTagKeys };
}

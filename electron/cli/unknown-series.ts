import { canonicalSeriesKey, parseSeriesKey } from '../../shared/series/series-key';
import type { TimeSeriesSource } from '../sources/source';

/** Series listed per catalog search; a measurement with more series than this is taken to hold the one asked for. */
const SEARCH_LIMIT = 100_000;

/**
 * The asked series (canonical keys) the source does not have, found through its catalog, one search per
 * measurement, so it works alike for the local store and the servers.
 */
export async function unknownSeries(source: TimeSeriesSource, keys: readonly string[]): Promise<string[]> {
  const byMeasurement = new Map<string, string[]>();
  for (const key of keys) {
    const { measurement } = parseSeriesKey(key);
    byMeasurement.set(measurement, [...(byMeasurement.get(measurement) ?? []), key]);
  }
  const unknown = new Set<string>();
  for (const [measurement, asked] of byMeasurement) {
    const entries = await source.catalog({ search: measurement, limit: SEARCH_LIMIT });
    if (entries.length >= SEARCH_LIMIT) continue;
    const known = new Set(entries.map((e) => canonicalSeriesKey(e.key)));
    for (const key of asked) if (!known.has(key)) unknown.add(key);
  }
  return keys.filter((k) => unknown.has(k));
}

import type { SeriesRef } from '../../../shared/series/series-key';
import { emptyWindows, type SeriesWindows, type WindowLayout } from '../../../shared/series/types';
import type { WindowStat } from '../source';
import { durationLiteral, fieldRef, quoteIdentifier, timeLiteral } from './influxql-quote';
import type { ResultSeries } from './query-response';
import { cellNumber } from './query-response';
import { whereClause, type Selection } from './series-selector';

/** InfluxQL function per window statistic. */
const FUNCTION: Record<WindowStat, string> = { min: 'min', max: 'max', mean: 'mean', first: 'first', last: 'last', count: 'count' };

/**
 * GROUP BY time(width, offset) puts window boundaries at offset + k·width from the epoch; the offset
 * that puts one at `layout.from` makes InfluxDB's windows exactly windowLayout's.
 */
export function windowOffset(layout: WindowLayout): number {
  return ((layout.from % layout.width) + layout.width) % layout.width;
}

/** The statement for one series' windows, asking only for the statistics requested; no fill, so empty windows are left out. */
export function windowsStatement(ref: SeriesRef, selection: Selection, layout: WindowLayout, stats: readonly WindowStat[]): string {
  const field = fieldRef(ref.field);
  const columns = stats.map((s) => `${FUNCTION[s]}(${field}) AS ${quoteIdentifier(s)}`).join(', ');
  const where = whereClause(selection, [`time >= ${timeLiteral(layout.from)}`, `time < ${timeLiteral(layout.to)}`]);
  return `SELECT ${columns} FROM ${selection.from}${where} GROUP BY time(${durationLiteral(layout.width)}, ${durationLiteral(windowOffset(layout))}), * fill(none)`;
}

/** Windows from the result series; statistics not asked for are NaN. */
export function parseWindows(key: string, series: ResultSeries | undefined, stats: readonly WindowStat[], layout: WindowLayout): SeriesWindows {
  const out = emptyWindows(key);
  if (!series) return out;
  const col = new Map(series.columns.map((c, i) => [c, i]));
  const at = (row: unknown[], s: WindowStat): number => {
    const i = col.get(s);
    if (i === undefined) return Number.NaN;
    const v = cellNumber(row[i]);
    return v === null ? Number.NaN : v;
  };
  const timeCol = col.get('time') ?? 0;
  for (const row of series.values ?? []) {
    const t = cellNumber(row[timeCol]);
    if (t === null || !Number.isFinite(t) || t < layout.from || t >= layout.to) continue;
    // fill(none) leaves out windows where every asked statistic is null; a row with all NaN is dropped too.
    if (stats.every((s) => Number.isNaN(at(row, s)))) continue;
    out.t.push(t);
    out.min.push(at(row, 'min'));
    out.max.push(at(row, 'max'));
    out.mean.push(at(row, 'mean'));
    out.first.push(at(row, 'first'));
    out.last.push(at(row, 'last'));
    out.count.push(at(row, 'count'));
  }
  return out;
}

const SELECTORS: readonly WindowStat[] = ['first', 'last'];

/** The statistics as separate statements: the aggregates together, the selectors (first, last) together. */
export function splitStats(stats: readonly WindowStat[]): WindowStat[][] {
  const aggregates = stats.filter((s) => !SELECTORS.includes(s));
  const selectors = stats.filter((s) => SELECTORS.includes(s));
  return [aggregates, selectors].filter((g) => g.length > 0);
}

/** Windows of one series answered in parts (per statistic group) joined by window start. */
export function mergeWindows(parts: readonly SeriesWindows[]): SeriesWindows {
  const [first, ...rest] = parts;
  if (!first) throw new Error('mergeWindows needs at least one part');
  if (rest.length === 0) return first;
  const times = [...new Set(parts.flatMap((p) => p.t))].sort((a, b) => a - b);
  const out = emptyWindows(first.key);
  const stats = ['min', 'max', 'mean', 'first', 'last', 'count'] as const;
  const index = parts.map((p) => new Map(p.t.map((t, i) => [t, i])));
  for (const t of times) {
    out.t.push(t);
    for (const s of stats) {
      let v = Number.NaN;
      parts.forEach((p, k) => {
        const i = index[k]?.get(t);
        const x = i === undefined ? Number.NaN : (p[s][i] as number);
        if (!Number.isNaN(x)) v = x;
      });
      out[s].push(v);
    }
  }
  return out;
}

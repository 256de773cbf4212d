/**
 * Per-window statistics in SQL, with the same windows as `windowLayout`/`aggregateWindows`:
 * window i of series s holds its points with from + i·width ≤ t < from + (i+1)·width.
 * Only numbers we validated ever enter the SQL text; series are referred to by integer ids.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { twinError } from '../../../shared/api/errors';
import { emptyWindows, type SeriesWindows, type WindowLayout } from '../../../shared/series/types';
import type { WindowStat } from '../source';

/** Throw invalid-input unless the layout is whole, finite ms with at least one window. */
export function checkLayout(layout: WindowLayout): void {
  const { from, to, width, n } = layout;
  if (![from, to, width, n].every(Number.isSafeInteger) || width < 1 || to <= from || n < 1) {
    throw twinError(
      'invalid-input',
      `The window layout ${JSON.stringify(layout)} is not whole milliseconds with "to" after "from"; build it with windowLayout().`,
    );
  }
}

const AGGREGATES: [WindowStat, string][] = [
  ['min', 'min(v)'],
  ['max', 'max(v)'],
  ['mean', 'avg(v)'],
  // No two points of a series share a time (writes replace duplicates), so these are exact.
  ['first', 'arg_min(v, t)'],
  ['last', 'arg_max(v, t)'],
];

/** The SQL for windows of some series ids; rows come back ordered by series, then window. */
export function windowsSql(sids: readonly number[], layout: WindowLayout, stats: ReadonlySet<WindowStat>): string {
  const picked = AGGREGATES.filter(([s]) => stats.has(s)).map(([, sql]) => sql);
  const { from, width } = layout;
  // At most n windows, even for a hand-made layout whose n is smaller than the range needs.
  const to = Math.min(layout.to, from + layout.n * width);
  return `SELECT sid, (t - ${from}) // ${width} AS w, count(*) AS n${picked.map((a) => `, ${a}`).join('')}
    FROM points WHERE sid IN (${sids.join(',')}) AND t >= ${from} AND t < ${to}
    GROUP BY sid, w ORDER BY sid, w`;
}

/** Run the windows query for some series and fill one SeriesWindows per id. */
export async function queryWindows(
  conn: DuckDBConnection,
  sids: readonly number[],
  layout: WindowLayout,
  stats: ReadonlySet<WindowStat>,
  keyOf: (sid: number) => string,
): Promise<Map<number, SeriesWindows>> {
  const out = new Map<number, SeriesWindows>();
  for (const sid of sids) out.set(sid, emptyWindows(keyOf(sid)));
  if (sids.length === 0) return out;
  const reader = await conn.runAndReadAll(windowsSql(sids, layout, stats));
  const cols = reader.getColumns();
  const sidCol = cols[0] ?? [];
  const wCol = cols[1] ?? [];
  const nCol = cols[2] ?? [];
  const statCols = new Map<WindowStat, unknown[]>();
  let c = 3;
  for (const [s] of AGGREGATES) if (stats.has(s)) statCols.set(s, cols[c++] ?? []);
  const pick = (s: WindowStat, i: number): number => {
    const col = statCols.get(s);
    return col ? Number(col[i]) : NaN;
  };
  for (let i = 0; i < sidCol.length; i++) {
    const w = out.get(Number(sidCol[i]));
    if (!w) continue;
    w.t.push(layout.from + Number(wCol[i]) * layout.width);
    w.count.push(Number(nCol[i]));
    w.min.push(pick('min', i));
    w.max.push(pick('max', i));
    w.mean.push(pick('mean', i));
    w.first.push(pick('first', i));
    w.last.push(pick('last', i));
  }
  return out;
}

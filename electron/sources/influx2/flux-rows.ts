import type { FluxTableColumn, FluxTableMetaData, Row } from '@influxdata/influxdb-client';
import { formatSeriesKey } from '../../../shared/series/series-key';

/**
 * Reading rows of Flux annotated CSV (as parsed by the client) back into series keys, times and numbers.
 * A row belongs to a series by its whole group key: the measurement, the field and every tag column of
 * its table, so a series with extra tags never answers for a key without them.
 */

/** Columns that are in a table's group key without being tags. */
const NOT_TAGS = new Set(['result', 'table', '_start', '_stop', '_measurement', '_field', '_time', '_value']);

const NUMERIC = new Set(['double', 'long', 'unsignedLong']);

/** One decoded row; `v` is null when the value is not a number (text, boolean, missing). */
export interface FluxPoint {
  /** Canonical series key built from the row's group key. */
  key: string;
  measurement: string;
  field: string;
  tags: Record<string, string>;
  /** The `result` column: the name given to `yield`, `_result` by default. */
  result: string;
  /** `_time` in epoch ms (rounded down), or null when the table has no `_time`. */
  t: number | null;
  v: number | null;
  /** The `_value` column's annotated type ("double", "string", ...). */
  valueType: string;
}

/** Thrown for a Flux error table or a row that is not what a Flux query returns; callers turn it into a TwinError. */
export class FluxResultError extends Error {
  constructor(
    message: string,
    readonly kind: 'query-failed' | 'malformed',
  ) {
    super(message);
    this.name = 'FluxResultError';
  }
}

interface Layout {
  cols: readonly FluxTableColumn[];
  result: number;
  time: number;
  value: number;
  measurement: number;
  field: number;
  tags: readonly { index: number; label: string }[];
}

const layouts = new WeakMap<FluxTableMetaData, Layout>();

function indexOf(cols: readonly FluxTableColumn[], label: string): number {
  return cols.findIndex((c) => c.label === label);
}

function layoutOf(meta: FluxTableMetaData): Layout {
  const cached = layouts.get(meta);
  if (cached) return cached;
  const cols = meta.columns;
  if (indexOf(cols, 'error') >= 0 && indexOf(cols, 'reference') >= 0) {
    // Flux reports a failure that happens after the response started as a table of its own.
    return { cols, result: -1, time: -1, value: -1, measurement: -1, field: -1, tags: [] };
  }
  const layout: Layout = {
    cols,
    result: indexOf(cols, 'result'),
    time: indexOf(cols, '_time'),
    value: indexOf(cols, '_value'),
    measurement: indexOf(cols, '_measurement'),
    field: indexOf(cols, '_field'),
    tags: cols.flatMap((c, index) => (c.group && !NOT_TAGS.has(c.label) ? [{ index, label: c.label }] : [])),
  };
  if (layout.measurement < 0 || layout.field < 0 || layout.value < 0) {
    const labels = cols.map((c) => c.label).join(',');
    throw new FluxResultError(`a result table lacks _measurement, _field or _value (columns: ${labels.slice(0, 200)})`, 'malformed');
  }
  layouts.set(meta, layout);
  return layout;
}

function cell(values: readonly string[], cols: readonly FluxTableColumn[], i: number): string {
  const v = values[i] ?? '';
  return v === '' ? (cols[i]?.defaultValue ?? '') : v;
}

const RFC3339 = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/;

/** Epoch ms of an RFC 3339 time as Flux writes it (up to nanoseconds), rounded down; NaN when it is not one. */
export function parseFluxTime(text: string): number {
  const m = RFC3339.exec(text);
  if (!m) return Number.NaN;
  const whole = Date.parse(`${m[1]}${m[3]}`);
  const frac = m[2] ?? '';
  // Adding the positive fraction to the whole second keeps rounding down correct before 1970 too.
  return whole + (frac === '' ? 0 : Number(frac.padEnd(3, '0').slice(0, 3)));
}

/** A number from a `_value` cell of the given annotated type, or null when it is not numeric. */
export function parseFluxNumber(text: string, type: string): number | null {
  if (!NUMERIC.has(type) || text === '') return null;
  if (text === '+Inf' || text === 'Inf') return Number.POSITIVE_INFINITY;
  if (text === '-Inf') return Number.NEGATIVE_INFINITY;
  const n = Number(text);
  if (Number.isNaN(n) && text !== 'NaN') throw new FluxResultError(`"${text.slice(0, 40)}" is not a ${type}`, 'malformed');
  return n;
}

/** Decode one row; throws FluxResultError for an error table or an unreadable row. */
export function decodeRow(row: Row): FluxPoint {
  const layout = layoutOf(row.tableMeta);
  const { cols } = layout;
  if (layout.value < 0) {
    const message = cell(row.values, cols, indexOf(cols, 'error'));
    throw new FluxResultError(message || 'the query failed while its results were being sent', 'query-failed');
  }
  const tags: Record<string, string> = {};
  for (const { index, label } of layout.tags) {
    const v = cell(row.values, cols, index);
    // A tag column with no value means the series does not have that tag (InfluxDB stores no empty tags).
    if (v !== '') tags[label] = v;
  }
  const measurement = cell(row.values, cols, layout.measurement);
  const field = cell(row.values, cols, layout.field);
  let key: string;
  try {
    key = formatSeriesKey({ measurement, tags, field });
  } catch (e) {
    throw new FluxResultError(`a row names no valid series (${(e as Error).message})`, 'malformed');
  }
  const valueType = cols[layout.value]?.dataType ?? '';
  let t: number | null = null;
  if (layout.time >= 0) {
    const text = cell(row.values, cols, layout.time);
    t = parseFluxTime(text);
    if (Number.isNaN(t)) throw new FluxResultError(`"${text.slice(0, 40)}" in _time is not an RFC 3339 time`, 'malformed');
  }
  return {
    key,
    measurement,
    field,
    tags,
    result: layout.result >= 0 ? cell(row.values, cols, layout.result) : '_result',
    t,
    v: parseFluxNumber(cell(row.values, cols, layout.value), valueType),
    valueType,
  };
}

/** Whether a `_value` type can be charted (numbers only: Flux cannot average text or booleans). */
export function isNumericType(type: string): boolean {
  return NUMERIC.has(type);
}

/**
 * Wires time travel together: the bound sensors of the open twin, the range and cursor of the time store,
 * the series data and the readings the schematic draws. Windows of the range load when the range or the
 * bound sensors change; while the cursor moves, readings come from those windows on every frame; when it is
 * let go (or has rested for REST_MS after a key press or while held still) the exact values are asked for,
 * and a newer request cancels the older one.
 */
import type { QualitySettings } from '../../../shared/series/cursor-reading';
import { windowLayout } from '../../../shared/series/window-math';
import { CURSOR_WINDOWS } from '../../../shared/time/cursor-steps';
import type { SchematicPlan } from '../../../shared/twin/schematic-plan';
import { keysBySessionSource, sensorReads, type SensorRead } from '../../../shared/twin/sensor-reads';
import { isTwinError } from '../../../shared/api/errors';
import type { Api } from '../../api/client';
import type { DocumentStore } from '../../stores/document-store';
import type { TimeStore } from '../time/time-store';
import { seriesRef, type ExactPoint, type SeriesStore } from '../series/series-store';
import { planOf } from './plan-cache';
import { nextReadings } from './readings-engine';
import type { ReadingsStore } from './readings-store';
import type { ConnectionsFeed } from './session-connections';

/** How long the cursor rests before exact values are fetched. */
export const REST_MS = 100;
/** Series per windows request: enough to keep requests few, small enough that the first labels come early. */
const WINDOW_CHUNK = 50;
const VALUE_CHUNK = 1_000;
const STATS = ['min', 'max', 'last', 'count'] as const;

export interface TimeTravelDeps {
  api: Pick<Api, 'queryWindows' | 'valueAt'>;
  document: DocumentStore;
  time: TimeStore;
  series: SeriesStore;
  readings: ReadingsStore;
  quality: { get(): QualitySettings; subscribe(listener: () => void): () => void };
  /** The session's connections: every sensor's project source is resolved to one of them before it is read. */
  connections: ConnectionsFeed;
  /** Ask main for the session's connections when they have not been listed yet. */
  listConnections?: () => void;
  /** Called once the readings at a resting cursor are all exact (after the frame showing them). */
  onSettled?: () => void;
}

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

function isAbort(e: unknown): boolean {
  return (isTwinError(e) && e.kind === 'cancelled') || (e instanceof Error && e.name === 'AbortError');
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The series read in this session, as one comparable string (empty while the connections are unknown). */
function keySignature(reads: readonly SensorRead[] | null): string {
  if (!reads) return '';
  return [...keysBySessionSource(reads)].map(([source, keys]) => `${source}\u0001${keys.join('\u0001')}`).join('\u0002');
}

/** Start time travel for the app (or a test's stores); returns the function that stops it. */
export function startTimeTravel(d: TimeTravelDeps): () => void {
  let plan: SchematicPlan = planOf(d.document.getState().twin);
  let connections = d.connections.get();
  // Where each sensor is read: its project source resolved to a connection of this session, once, here.
  const readsOf = (): SensorRead[] | null =>
    connections.listed ? sensorReads(d.document.getState().twin, plan, connections.sources, connections.chosen) : null;
  let reads = readsOf();
  let signature = keySignature(reads);
  let exactTimer: ReturnType<typeof setTimeout> | null = null;
  let exactSeq = 0;

  const recompute = () => {
    const prev = d.readings.getState();
    const next = nextReadings(prev, plan, reads, d.series.getState(), d.time.getState().cursor, d.quality.get());
    if (next === prev) return;
    d.readings.setState(next, true);
    if (next.settled && !prev.settled) d.onSettled?.();
  };

  const loadWindows = () => {
    const range = d.time.getState().range;
    if (!range || !reads) return;
    const layout = windowLayout(range, CURSOR_WINDOWS);
    const bySource = keysBySessionSource(reads);
    let total = 0;
    for (const keys of bySource.values()) total += keys.length;
    d.series.getState().beginRange(layout, total);
    for (const [source, keys] of bySource) {
      chunks(keys, WINDOW_CHUNK).forEach((part, i) => {
        d.api
          .queryWindows({
            source,
            keys: part,
            from: range.from,
            to: range.to,
            n: CURSOR_WINDOWS,
            stats: [...STATS],
            channel: `schematic-windows:${source}:${i}`,
          })
          .then((r) => {
            d.series.getState().addWindows(
              layout,
              r.series.map((w) => ({ ref: seriesRef(source, w.key), windows: w })),
              r.snapped,
            );
            d.series.getState().setFailure(source, null);
          })
          .catch((e: unknown) => {
            if (isAbort(e)) return;
            d.series.getState().dropPending(layout, part.length);
            d.series.getState().setFailure(source, messageOf(e));
          });
      });
    }
  };

  const fetchExact = (at: number) => {
    const seq = ++exactSeq;
    if (!reads) return;
    for (const [source, keys] of keysBySessionSource(reads)) {
      chunks(keys, VALUE_CHUNK).forEach((part, i) => {
        d.api
          .valueAt({ source, keys: part, at, channel: `schematic-exact:${source}:${i}` })
          .then((values) => {
            if (seq !== exactSeq || d.time.getState().cursor !== at) return;
            const out: Record<string, ExactPoint> = {};
            for (const k of part) out[seriesRef(source, k)] = null;
            for (const v of values) out[seriesRef(source, v.key)] = v.t !== null && v.value !== null ? { t: v.t, value: v.value } : null;
            d.series.getState().addExact(at, out);
            d.series.getState().setFailure(source, null);
          })
          .catch((e: unknown) => {
            if (isAbort(e) || seq !== exactSeq) return;
            d.series.getState().setFailure(source, messageOf(e));
          });
      });
    }
  };

  const scheduleExact = () => {
    if (exactTimer !== null) clearTimeout(exactTimer);
    exactTimer = null;
    const { cursor, playing } = d.time.getState();
    if (cursor === null || playing) return;
    exactTimer = setTimeout(() => {
      exactTimer = null;
      fetchExact(cursor);
    }, REST_MS);
  };

  const restNow = () => {
    if (exactTimer !== null) clearTimeout(exactTimer);
    exactTimer = null;
    const { cursor, playing } = d.time.getState();
    if (cursor !== null && !playing && d.series.getState().exact?.at !== cursor) fetchExact(cursor);
  };

  // The plan or the connections changed: resolve the sensors again, and load what is now read elsewhere.
  const reread = () => {
    reads = readsOf();
    const sig = keySignature(reads);
    if (sig !== signature) {
      signature = sig;
      loadWindows();
      scheduleExact();
    }
    recompute();
  };

  const unsubscribers = [
    d.time.subscribe((s, p) => {
      if (s.range !== p.range) loadWindows();
      if (s.cursor !== p.cursor) recompute();
      // Letting go of the cursor (or pausing) is a rest already: ask at once. Otherwise wait for REST_MS of quiet.
      if (p.moving && !s.moving) restNow();
      else if (s.cursor !== p.cursor) scheduleExact();
    }),
    d.series.subscribe(recompute),
    d.document.subscribe((s, p) => {
      if (s.twin === p.twin) return;
      const next = planOf(s.twin);
      if (next === plan) return;
      plan = next;
      reread();
    }),
    d.connections.subscribe(() => {
      const next = d.connections.get();
      if (next === connections) return;
      connections = next;
      reread();
    }),
    d.quality.subscribe(recompute),
  ];
  if (!connections.listed) d.listConnections?.();
  if (d.time.getState().range) {
    loadWindows();
    scheduleExact();
  }
  recompute();

  return () => {
    for (const u of unsubscribers) u();
    if (exactTimer !== null) clearTimeout(exactTimer);
    exactSeq++;
  };
}

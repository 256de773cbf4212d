/**
 * The session's connections as source resolution needs them (shared/twin/source-resolution.ts): the sources
 * listed by main and the user's choices where two connections fit. Time travel resolves every sensor through
 * these, so a project whose tenant is connected under another id still draws its values.
 */
import type { SessionSource } from '../../../shared/twin/source-resolution';
import { useSources } from '../../stores/sources-store';
import { useSourceChoice } from '../bindings/source-choice-store';

export interface Connections {
  /** False until main has listed the session's sources once: until then no sensor is known to be unconnected. */
  listed: boolean;
  sources: readonly SessionSource[];
  chosen: Readonly<Record<string, string>>;
}

/** Connections that can be read now and watched for changes (the app's stores, or a test's fixed list). */
export interface ConnectionsFeed {
  get(): Connections;
  subscribe(listener: () => void): () => void;
}

let last: Connections | null = null;

/** The app's connections; the same object while nothing resolution depends on changed. */
export const appConnections: ConnectionsFeed = {
  get() {
    const { listed, sources } = useSources.getState();
    const { chosen } = useSourceChoice.getState();
    if (!last || last.listed !== listed || last.sources !== sources || last.chosen !== chosen) last = { listed, sources, chosen };
    return last;
  },
  subscribe(listener) {
    const stops = [
      useSources.subscribe((s, p) => {
        if (s.sources !== p.sources || s.listed !== p.listed) listener();
      }),
      useSourceChoice.subscribe((s, p) => {
        if (s.chosen !== p.chosen) listener();
      }),
    ];
    return () => stops.forEach((stop) => stop());
  },
};

/** The app's connections, listing them from main first when that has not happened yet. */
export async function listedConnections(): Promise<Connections> {
  if (!useSources.getState().listed) await useSources.getState().refresh();
  return appConnections.get();
}

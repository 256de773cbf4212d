import { useEffect, useMemo } from 'react';
import { useDocument } from '../../stores/document-store';
import { useSources } from '../../stores/sources-store';
import { useSourceChoice } from '../bindings/source-choice-store';
import { sensorSourceOf, type SensorSourceOf } from './charted-series';

/**
 * Where each sensor is read from in this session, resolved as the bindings resolve project sources (the
 * user's choice, the local store, the same server and database…): a project opened on another machine
 * charts from the connection that serves its sources here, or says that none does. `known` is false until
 * main has listed the session's connections once (until then no sensor is known to be unconnected).
 */
export function useSensorSourceOf(): { sourceOf: SensorSourceOf; known: boolean } {
  const sources = useDocument((s) => s.twin.sources);
  const defaultSource = useDocument((s) => s.twin.meta.defaultSource);
  const session = useSources((s) => s.sources);
  const chosen = useSourceChoice((s) => s.chosen);
  const known = useSources((s) => s.listed);
  useEffect(() => {
    // The Sensors panel lists the connections when it opens; the charts may be first.
    if (!known) void useSources.getState().refresh();
  }, [known]);
  const sourceOf = useMemo(() => sensorSourceOf({ sources, meta: { defaultSource } }, session, chosen), [sources, defaultSource, session, chosen]);
  return { sourceOf, known };
}

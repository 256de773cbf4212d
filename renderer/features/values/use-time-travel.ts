import { useEffect } from 'react';
import { getApi } from '../../api/client';
import { documentStore } from '../../stores/document-store';
import { useSources } from '../../stores/sources-store';
import { seriesStore } from '../series/series-store';
import { startPlayLoop } from '../time/play-loop';
import { startRangeFollow } from '../time/range-follow';
import { timeStore } from '../time/time-store';
import { useQuality } from './quality-settings';
import { readingsStore } from './readings-store';
import { appConnections } from './session-connections';
import { startTimeTravel } from './time-travel';

/** Marks the frame that first shows exact values after the cursor rests (what bench:scrub times). */
function markSettled(): void {
  requestAnimationFrame(() => setTimeout(() => performance.mark('twin:values-exact'), 0));
}

/** Run time travel while the app is mounted: ranges follow the data, the cursor plays, readings follow the cursor. */
export function useTimeTravel(): void {
  useEffect(() => {
    const stops = [
      startTimeTravel({
        api: getApi(),
        document: documentStore,
        time: timeStore,
        series: seriesStore,
        readings: readingsStore,
        quality: { get: () => useQuality.getState().settings, subscribe: (l) => useQuality.subscribe(l) },
        onSettled: markSettled,
        connections: appConnections,
        listConnections: () => void useSources.getState().refresh(),
      }),
      startPlayLoop(timeStore),
      startRangeFollow(),
    ];
    return () => stops.forEach((stop) => stop());
  }, []);
}
